"""POST sync against a real bare remote on disk: push, pull, and the no-remote error."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .repo_helpers import git, init_git, make_governance_repo


@pytest.fixture
def remote_pair(tmp_path: Path) -> tuple[Path, Path, Path]:
    origin = make_governance_repo(tmp_path / "origin-work")
    bare = tmp_path / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(origin), str(bare)], check=True)
    mine = tmp_path / "mine"
    subprocess.run(["git", "clone", "-q", str(bare), str(mine)], check=True)
    init_git(mine)  # identity in the clone
    theirs = tmp_path / "theirs"
    subprocess.run(["git", "clone", "-q", str(bare), str(theirs)], check=True)
    init_git(theirs, "bob@example.org", "Bob Brown")
    return mine, theirs, bare


@pytest.fixture
def repo_path(remote_pair):
    return remote_pair[0]


async def test_sync_pushes_my_input_and_pulls_theirs(api, remote_pair, act_as):
    mine, theirs, bare = remote_pair
    act_as("alice")
    _, status = await api("GET", "status")
    assert status["remote"]["upstream"] == "origin/main"
    code, data = await api(
        "POST",
        "inputs",
        {"title": "Mine", "url": "https://a.org/m", "topics": ["community"], "own_content": True},
    )
    assert code == 201
    # someone else pushes a new record meanwhile
    (theirs / "priorities" / "extra.md").write_text(
        "---\nid: extra\ntitle: Extra\nsummary: s\noutcomes: []\norder: 5\n---\n"
    )
    git(theirs, "add", "-A")
    git(theirs, "commit", "-q", "-m", "their priority")
    git(theirs, "push", "-q", "origin", "main")

    code, data = await api("POST", "sync")
    assert code == 200, data
    assert data["pulled"] is True and data["pushed"] is True
    assert git(bare, "log", "-1", "--format=%s", "main") == "Add community input: Mine"
    _, pri = await api("GET", "priorities")
    assert "extra" in {p["id"] for p in pri["priorities"]}
    _, status = await api("GET", "status")
    assert (status["remote"]["ahead"], status["remote"]["behind"]) == (0, 0)


async def test_sync_without_an_upstream_says_how_to_add_one(api, remote_pair):
    mine = remote_pair[0]
    git(mine, "branch", "--unset-upstream")
    head = git(mine, "rev-parse", "HEAD")
    code, data = await api("POST", "sync")
    assert code == 409 and data["error"]["code"] == "no_remote"
    assert "git remote add" in data["error"]["message"]
    assert git(mine, "rev-parse", "HEAD") == head
