"""Identity from the Jupyter server's identity provider, as under JupyterHub, on the real roster."""

from __future__ import annotations

from pathlib import Path

import pytest
from jupyter_server.auth.identity import IdentityProvider, User

from ..domain.identity import is_anonymous
from .repo_helpers import copy_real_data, git


class HubLikeIdentityProvider(IdentityProvider):
    """Names every request's user "marthacryan", as JupyterHub's provider names the hub user."""

    def get_user(self, handler):
        return User(username="marthacryan", name="Martha Cryan")


@pytest.fixture
def repo_path(tmp_path: Path) -> Path:
    return copy_real_data("jupyter-governance", tmp_path / "governance")


@pytest.fixture
def jp_server_config(repo_path: Path):
    # No user_id: who the user is comes from the server, as it does under JupyterHub.
    return {
        "ServerApp": {
            "jpserver_extensions": {"jupyter_gov_ext": True},
            "identity_provider_class": HubLikeIdentityProvider,
            # The browser sends the XSRF token; this test client authenticates by the provider only.
            "disable_check_xsrf": True,
        },
        "JupyterGovExt": {"repo_path": str(repo_path)},
    }


async def test_the_hub_user_name_is_matched_to_the_roster_id(api, repo_path):
    assert (await api("POST", "init"))[0] == 201
    _, status = await api("GET", "status")
    me = status["identity"]
    assert me["source"] == "identity_provider"
    assert me["id"] == "marthacryan"
    # She sits on both councils in docs/_data/contributors.yml, and may vote in each.
    assert set(me["bodies"]) == {"executive_council", "software_steering_council"}
    assert status["member"] is True

    # Her commits are signed with her roster name; the roster has no email, so GitHub's noreply.
    code, data = await api(
        "POST",
        "inputs",
        {
            "title": "A post from the hub",
            "url": "https://example.org/hub",
            "topics": ["community"],
            "own_content": True,
        },
    )
    assert code == 201, data
    assert git(repo_path, "log", "-1", "--format=%an <%ae>").strip() == (
        "Martha Cryan <marthacryan@users.noreply.github.com>"
    )


def test_token_login_users_are_anonymous_but_hub_users_are_not():
    anon = User(username="0" * 32, name="Anonymous Io")
    assert is_anonymous(anon)
    assert is_anonymous(None)
    assert not is_anonymous(User(username="marthacryan", name="Martha Cryan"))
