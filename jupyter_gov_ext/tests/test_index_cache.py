"""The parsed index kept across restarts: a new server parses only what changed since, and never
unpickles a cache it did not sign."""

from __future__ import annotations

import asyncio
import pickle
from pathlib import Path

import pytest

from jupyter_gov_ext.storage.store import GovernanceStore

from .repo_helpers import commit_all, make_governance_repo

INPUT = """---
id: {id}
title: Post {n}
url: https://example.org/{n}
author: {{id: dana, name: Dana}}
submitted: '2026-01-0{day}T10:00:00Z'
topics: [community]
---
Summary {n}.
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    # The signing key lives in Jupyter's data folder: this test's own.
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "data"))
    from jupyter_gov_ext.storage import recordindex

    recordindex._signing_key.cache_clear()
    repo = make_governance_repo(tmp_path / "gov")
    (repo / "inputs" / "2026").mkdir(parents=True)
    for n in range(20):
        rid = f"2026-01-0{n % 9 + 1}-post-{n}-abc{n:03d}"
        (repo / "inputs" / "2026" / f"{rid}.md").write_text(
            INPUT.format(id=rid, n=n, day=n % 9 + 1)
        )
    commit_all(repo, "inputs")
    return repo


def read(repo: Path) -> tuple[GovernanceStore, list]:
    store = GovernanceStore(repo)
    snap = asyncio.run(store.snapshot())
    return store, snap.inputs


def test_a_restarted_server_parses_only_what_changed(repo):
    first, inputs = read(repo)
    assert first.inputs.parsed_count == 20
    assert (repo / ".git" / "jupyter-gov-ext" / "index-inputs.pickle").is_file()

    second, again = read(repo)
    assert second.inputs.parsed_count == 0  # all 20 from the kept index
    assert sorted(i.id for i in again) == sorted(i.id for i in inputs)
    assert {i.id: i.title for i in again} == {i.id: i.title for i in inputs}

    # One file edited while no server ran: only it is parsed, and its new text is what shows.
    path = next((repo / "inputs" / "2026").glob("*post-3-*.md"))
    path.write_text(path.read_text().replace("title: Post 3", "title: Edited offline"))
    third, changed = read(repo)
    assert third.inputs.parsed_count == 1
    assert "Edited offline" in {i.title for i in changed}


def test_a_cache_not_signed_by_this_user_is_never_unpickled(repo, tmp_path):
    read(repo)
    cache = repo / ".git" / "jupyter-gov-ext" / "index-inputs.pickle"
    witness = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (Path.touch, (witness,))

    # Someone else's file in .git/: a pickle that would run code, with a made-up signature.
    cache.write_bytes(b"\0" * 32 + pickle.dumps(Exploit()))
    store, inputs = read(repo)
    assert not witness.exists()
    assert store.inputs.parsed_count == 20 and len(inputs) == 20

    # A torn file (a crash mid-write of an older version) is ignored the same way.
    cache.write_bytes(cache.read_bytes()[:50])
    store, inputs = read(repo)
    assert store.inputs.parsed_count == 20 and len(inputs) == 20
