from __future__ import annotations

import json
from pathlib import Path

import pytest

from .repo_helpers import make_governance_repo

pytest_plugins = ["pytest_jupyter.jupyter_server"]


@pytest.fixture
def gov_repo(tmp_path: Path) -> Path:
    return make_governance_repo(tmp_path / "gov")


@pytest.fixture
def repo_path(gov_repo: Path) -> Path:
    """The repo the server is pointed at; tests override this fixture for other repos."""
    return gov_repo


@pytest.fixture
def jp_server_config(repo_path: Path):
    return {
        "ServerApp": {"jpserver_extensions": {"jupyter_gov_ext": True}},
        "JupyterGovExt": {"repo_path": str(repo_path)},
    }


@pytest.fixture
def gov_ext(jp_serverapp):
    return jp_serverapp.web_app.settings["jupyter_gov_ext.ext"]


@pytest.fixture
def act_as(gov_ext):
    """Switch the acting user (the `user_id` trait), as two people on one repo would."""

    def set_user(user_id: str) -> None:
        gov_ext.user_id = user_id

    return set_user


@pytest.fixture
def api(jp_fetch):
    """Call the REST API; returns (status, json) and never raises on 4xx/5xx."""
    from tornado.httpclient import HTTPClientError

    async def call(method: str, path: str, body=None, raw: bytes | None = None, **params):
        kwargs = {"method": method, "raise_error": True}
        if params:
            kwargs["params"] = params
        if method in ("POST", "PUT", "PATCH"):
            kwargs["body"] = (
                raw if raw is not None else json.dumps(body if body is not None else {})
            )
        try:
            resp = await jp_fetch("jupyter-gov-ext", *path.split("/"), **kwargs)
            return resp.code, json.loads(resp.body)
        except HTTPClientError as err:
            return err.code, json.loads(err.response.body) if err.response else None

    return call
