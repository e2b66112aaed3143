"""The starter repo that `make run` creates lets a newcomer try every role at once."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from jupyter_gov_ext.services.setup import DECIDED_VOTE_ID, OPEN_VOTE_ID, ensure_starter_repo

from .repo_helpers import commit_count, git, status_porcelain


@pytest.fixture
def repo_path(tmp_path: Path, monkeypatch) -> Path:
    """A machine with no git identity at all, as a fresh one is."""
    empty = tmp_path / "empty-gitconfig"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    repo = tmp_path / "home" / ".jupyter-gov" / "governance"
    asyncio.run(ensure_starter_repo(repo))
    return repo


async def test_the_newcomer_is_a_council_member_and_can_vote_on_the_open_vote(api, repo_path):
    assert commit_count(repo_path) == 1 and status_porcelain(repo_path) == ""
    _, status = await api("GET", "status")
    assert status["identity"]["source"] == "git_email"
    assert status["member"] is True

    _, data = await api("GET", "proposals")
    by_id = {p["id"]: p for p in data["proposals"]}
    live = by_id[OPEN_VOTE_ID]
    assert live["status"] == "voting" and live["seconded_by"] == "carol"
    assert live["waiting_for_me"] is True and live["seconds_left"] > 5 * 24 * 3600
    before = live["tallies"][0]
    assert (before["yes"], before["no"], before["outcome"]) == (1, 1, "rejected")

    code, data = await api("PUT", f"proposals/{OPEN_VOTE_ID}/ballot", {"value": "yes"})
    assert code == 200, data
    after = data["proposal"]["tallies"][0]
    assert (after["yes"], after["no"], after["outcome"]) == (2, 1, "accepted")
    assert git(repo_path, "log", "-1", "--format=%an <%ae>") == "Newcomer <newcomer@localhost>"


async def test_the_starter_repo_has_a_decided_vote_with_its_recorded_outcome(api, repo_path):
    _, data = await api("GET", f"proposals/{DECIDED_VOTE_ID}")
    decided = data["proposal"]
    assert decided["status"] == "accepted"
    assert decided["decision"]["outcome"] == "accepted"
    recorded = decided["decision"]["tally"]["bodies"][0]
    assert (recorded["yes"], recorded["no"], recorded["blank"]) == (2, 0, 1)
    assert {b["member"] for b in decided["ballots"]} == {"alice", "bob", "carol"}
    assert decided["can_vote"] is False
