"""Initialising repos: the starter repo, `POST init` on unrelated and on real governance repos."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest

from jupyter_gov_ext.services.setup import ensure_starter_repo

from .repo_helpers import commit_all, commit_count, copy_real_data, git, init_git


def digest_tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


@pytest.fixture
def plain_repo(tmp_path: Path) -> Path:
    repo = init_git(tmp_path / "plain")
    (repo / "README.md").write_text("# Team compass\n")
    (repo / "docs").mkdir()
    (repo / "docs" / "notes.md").write_text("notes\n")
    commit_all(repo)
    return repo


@pytest.fixture
def repo_path(plain_repo: Path) -> Path:
    return plain_repo


async def test_status_says_not_initialised_then_init_adds_files_in_one_commit(api, plain_repo):
    before = digest_tree(plain_repo)
    count = commit_count(plain_repo)
    _, status = await api("GET", "status")
    assert status["initialised"] is False
    code, data = await api("GET", "priorities")
    assert code == 409 and data["error"]["code"] == "not_initialised"

    code, data = await api("POST", "init")
    assert code == 201
    assert commit_count(plain_repo) == count + 1
    changed = git(plain_repo, "show", "--name-status", "--format=", "HEAD").splitlines()
    assert all(line.startswith("A\t") for line in changed)
    assert sorted(line.split("\t")[1] for line in changed) == sorted(data["added"])
    after = digest_tree(plain_repo)
    assert {k: after[k] for k in before} == before
    _, status = await api("GET", "status")
    assert status["initialised"] is True
    _, pri = await api("GET", "priorities")
    assert len(pri["priorities"]) == 3

    code, data = await api("POST", "init")
    assert code == 409 and data["error"]["code"] == "already_initialised"
    assert commit_count(plain_repo) == count + 1


def test_starter_repo_is_created_once_and_reused(tmp_path: Path):
    repo = tmp_path / "home" / ".jupyter-gov" / "governance"
    asyncio.run(ensure_starter_repo(repo))
    assert (repo / "governance.yml").is_file()
    assert commit_count(repo) == 1
    assert len(list((repo / "priorities").glob("*.md"))) == 3
    text = (repo / "priorities" / "capacity.md").read_text()
    assert "github.com/jupyter-governance/jupyter-foundation-governing-board" in text
    asyncio.run(ensure_starter_repo(repo))
    assert commit_count(repo) == 1


def test_real_governance_repo_gets_only_new_files(tmp_path: Path):
    from jupyter_gov_ext.contract.records import Signature
    from jupyter_gov_ext.services.setup import initialise
    from jupyter_gov_ext.storage.store import GovernanceStore

    repo = copy_real_data("jupyter-governance", tmp_path / "governance")
    before = digest_tree(repo)
    commit, added = asyncio.run(
        initialise(GovernanceStore(repo), Signature("Alice", "alice@example.org"))
    )
    after = digest_tree(repo)
    assert {k: after[k] for k in before} == before
    assert set(after) - set(before) == set(added)
    assert git(repo, "status", "--porcelain") == ""
