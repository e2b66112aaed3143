"""Authentication and authorisation: every route is Jupyter's to guard, and nothing a client sends
(headers, body fields) can change who the server thinks it is talking to."""

from __future__ import annotations

import json
from http.cookies import SimpleCookie

import pytest
from jupyter_server.auth.authorizer import Authorizer
from tornado.httpclient import HTTPClientError

from jupyter_gov_ext.http.base import AUTH_RESOURCE

from .repo_helpers import git, status_porcelain
from .test_hostile_repo import PID, open_vote

ROUTES = [
    ("GET", "status"),
    ("POST", "init"),
    ("GET", "priorities"),
    ("POST", "priorities/import"),
    ("GET", "inputs"),
    ("POST", "inputs"),
    ("GET", "proposals"),
    ("POST", "proposals"),
    ("GET", f"proposals/{PID}"),
    ("PATCH", f"proposals/{PID}"),
    ("POST", f"proposals/{PID}/transition"),
    ("PUT", f"proposals/{PID}/ballot"),
    ("POST", f"proposals/{PID}/close"),
    ("GET", f"proposals/{PID}/export"),
    ("GET", "participation"),
    ("POST", "sync"),
    ("POST", "fetch"),
    ("PUT", "remote/fork"),
]
BODY = {"value": "yes", "title": "t", "url": "https://example.org", "topics": ["community"]}


@pytest.fixture
def url(jp_base_url):
    return lambda path="": f"{jp_base_url}{path}"


@pytest.fixture
def fetch(http_server_client):
    """A request with no credentials of its own (jp_fetch would add the token)."""

    async def call(url: str, method: str, headers=None, body=None, raw: str | None = None):
        kwargs = {"method": method, "headers": headers or {}, "follow_redirects": False}
        if method in ("POST", "PUT", "PATCH"):
            kwargs["body"] = raw if raw is not None else json.dumps(body or BODY)
        try:
            resp = await http_server_client.fetch(url, raise_error=True, **kwargs)
            return resp.code, resp
        except HTTPClientError as err:
            return err.code, err.response

    return call


async def test_every_route_refuses_a_request_without_credentials(url, fetch, gov_repo):
    open_vote(gov_repo, {})
    head = git(gov_repo, "rev-parse", "HEAD")
    for method, path in ROUTES:
        code, _ = await fetch(url(f"jupyter-gov-ext/{path}"), method)
        assert code in (401, 403), (method, path, code)
    assert git(gov_repo, "rev-parse", "HEAD") == head and status_porcelain(gov_repo) == ""


async def test_a_browser_session_without_the_xsrf_token_cannot_write(
    url, fetch, jp_serverapp, gov_repo
):
    # Log in as a browser does: the login form's _xsrf cookie, then the token as the password.
    code, resp = await fetch(url("login"), "GET")
    jar = SimpleCookie()
    for header in resp.headers.get_list("Set-Cookie"):
        jar.load(header)
    xsrf = jar["_xsrf"].value
    token = jp_serverapp.identity_provider.token
    form = f"_xsrf={xsrf}&password={token}"
    _, resp = await fetch(url("login"), "POST", {"Cookie": f"_xsrf={xsrf}"}, raw=form)
    for header in resp.headers.get_list("Set-Cookie"):
        jar.load(header)
    cookie = "; ".join(f"{k}={v.value}" for k, v in jar.items())
    code, _ = await fetch(url("jupyter-gov-ext/status"), "GET", {"Cookie": cookie})
    assert code == 200  # the session is good for reading
    head = git(gov_repo, "rev-parse", "HEAD")
    code, _ = await fetch(url("jupyter-gov-ext/inputs"), "POST", {"Cookie": cookie})
    assert code == 403  # but no write without the _xsrf token
    assert git(gov_repo, "rev-parse", "HEAD") == head


class DenyGovernance(Authorizer):
    """An authorizer (as a deployment might configure) that allows Jupyter but not governance."""

    def is_authorized(self, handler, user, action, resource) -> bool:
        return resource != AUTH_RESOURCE


class TestDenyingAuthorizer:
    @pytest.fixture
    def jp_server_config(self, repo_path):
        return {
            "ServerApp": {
                "jpserver_extensions": {"jupyter_gov_ext": True},
                "authorizer_class": DenyGovernance,
            },
            "JupyterGovExt": {"repo_path": str(repo_path), "user_id": "alice"},
        }

    async def test_every_route_answers_403_and_writes_nothing(self, api, gov_repo):
        open_vote(gov_repo, {})
        head = git(gov_repo, "rev-parse", "HEAD")
        for method, path in ROUTES:
            code, _ = await api(method, path, BODY)
            assert code == 403, (method, path, code)
        assert git(gov_repo, "rev-parse", "HEAD") == head and status_porcelain(gov_repo) == ""


SPOOFED = {
    "X-Forwarded-User": "alice",
    "X-Remote-User": "alice",
    "Remote-User": "alice",
    "X-Jupyter-User": "alice",
    "X-Forwarded-Email": "alice@example.org",
}


async def test_identity_headers_and_body_fields_are_not_believed(api, jp_fetch, act_as, gov_repo):
    open_vote(gov_repo, {})
    act_as("mallory")
    for name, value in SPOOFED.items():
        resp = await jp_fetch("jupyter-gov-ext", "status", headers={name: value}, raise_error=False)
        assert json.loads(resp.body)["identity"]["id"] == "mallory"
        resp = await jp_fetch(
            "jupyter-gov-ext", "proposals", PID, "ballot", method="PUT",
            body=json.dumps({"value": "yes"}), headers={name: value}, raise_error=False,
        )  # fmt: skip
        assert resp.code == 403
    for extra in ({"member": "alice"}, {"author": {"id": "alice"}}, {"cast": "2020-01-01"}):
        code, data = await api("PUT", f"proposals/{PID}/ballot", {"value": "yes", **extra})
        assert code == 400 and data["error"]["code"] == "invalid_field"
    good = {"title": "t", "url": "https://example.org/p", "topics": ["community"]}
    code, data = await api(
        "POST", "inputs", {**good, "own_content": True, "author": {"id": "alice"}}
    )
    assert code == 400 and data["error"]["field"] == "author"
    assert not (gov_repo / "votes" / PID).exists() or not any((gov_repo / "votes" / PID).iterdir())
