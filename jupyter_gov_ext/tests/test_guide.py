"""Jupyter's decision-making guide, end to end through the API with several identities.

docs/decision_making.md, executive_council.md and software_steering_council.md of jupyter/governance
(vendored in fixtures/real-data) are the reference; a real two-body vote is replayed as recorded.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from jupyter_gov_ext.contract.fields import format_time
from jupyter_gov_ext.domain import votes
from jupyter_gov_ext.domain.identity import Identity
from jupyter_gov_ext.services import council
from jupyter_gov_ext.storage import frontmatter
from jupyter_gov_ext.storage.store import GovernanceStore

from .repo_helpers import commit_all, commit_count, git, make_governance_repo

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "replayed-votes"
PROPOSAL = {"title": "Adopt pillars", "body": "We propose **pillars**."}


async def called_and_seconded(api, act_as, body, author="alice", caller="alice", second="bob"):
    act_as(author)
    code, data = await api("POST", "proposals", body)
    assert code == 201, data
    pid = data["proposal"]["id"]
    act_as(caller)
    code, data = await api("POST", f"proposals/{pid}/transition", {"to": "voting"})
    assert code == 200, data
    act_as(second)
    code, data = await api("POST", f"proposals/{pid}/transition", {"second": True})
    assert code == 200, data
    return pid


def end_the_period(repo: Path, pid: str, days_ago: int = 1) -> str:
    """Move the vote's period into the past and commit it, as if the days had gone by."""
    path = repo / "proposals" / f"{pid}.md"
    meta, body = frontmatter.loads(path.read_text())
    closes = datetime.now(UTC) - timedelta(days=days_ago)
    meta["vote"] = {
        "opened": format_time(closes - timedelta(days=7)),
        "closes": format_time(closes),
    }
    path.write_text(frontmatter.dumps(meta, body))
    for ballot in (repo / "votes" / pid).glob("*.yml"):  # cast during the period
        data = yaml.safe_load(ballot.read_text())
        data["cast"] = format_time(closes - timedelta(days=1))
        ballot.write_text(yaml.safe_dump(data))
    commit_all(repo, "time passes")
    return meta["vote"]["closes"]


async def test_any_member_may_call_a_vote_on_a_community_proposal_and_becomes_its_sponsor(
    api, act_as, gov_repo
):
    # dana is not on the council: she drafts; carol (a member) calls; bob seconds.
    pid = await called_and_seconded(api, act_as, PROPOSAL, author="dana", caller="carol")
    _, data = await api("GET", f"proposals/{pid}")
    p = data["proposal"]
    assert p["status"] == "voting"
    assert (p["author"], p["sponsor"], p["seconded_by"]) == ("dana", "carol", "bob")
    meta, _ = frontmatter.loads((gov_repo / "proposals" / f"{pid}.md").read_text())
    assert (meta["author"], meta["sponsor"]) == ("dana", "carol")
    # the caller cannot second their own call
    act_as("alice")
    code, data = await api("POST", "proposals", PROPOSAL)
    other = data["proposal"]["id"]
    act_as("bob")
    await api("POST", f"proposals/{other}/transition", {"to": "voting"})
    code, data = await api("POST", f"proposals/{other}/transition", {"second": True})
    assert code == 403 and "another member" in data["error"]["message"]
    _, data = await api("GET", f"proposals/{other}")
    assert data["proposal"]["actions"]["second"]["allowed"] is False
    act_as("alice")  # the author may second the member who called it
    _, data = await api("GET", f"proposals/{other}")
    assert data["proposal"]["actions"]["second"]["allowed"] is True


async def test_a_ranked_vote_takes_a_blank_ballot_toward_quorum_only(api, act_as):
    body = {"title": "Pick a logo", "kind": "ranked", "options": ["red", "green"]}
    pid = await called_and_seconded(api, act_as, body)
    act_as("alice")
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"ranking": ["green", "red"]})
    tally = data["proposal"]["tallies"][0]
    assert tally["reason"] == "no_quorum"  # 1 of 3, 2 needed
    act_as("bob")
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "blank"})
    assert code == 200, data
    tally = data["proposal"]["tallies"][0]
    assert (tally["cast"], tally["blank"], tally["quorum_met"]) == (2, 1, True)
    assert tally["winner"] == "green" and tally["rounds"][0]["counts"] == {"green": 1, "red": 0}
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
    assert code == 400 and data["error"]["field"] == "value"


async def test_removal_needs_two_thirds_of_the_whole_council(api, act_as):
    body = {"title": "Remove a member", "threshold": "two-thirds"}
    pid = await called_and_seconded(api, act_as, body)
    for who, value in (("alice", "yes"), ("bob", "no")):
        act_as(who)
        code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": value})
    tally = data["proposal"]["tallies"][0]
    assert (tally["threshold"], tally["yes_needed"], tally["outcome"]) == (
        "two-thirds",
        2,
        "rejected",
    )
    act_as("bob")
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
    tally = data["proposal"]["tallies"][0]
    assert tally["outcome"] == "accepted" and tally["reason"] == "two_thirds"
    _, export = await api("GET", f"proposals/{pid}/export")
    assert "two thirds of the whole body (2 yes)" in export["markdown"]
    code, data = await api("POST", "proposals", {**body, "kind": "ranked", "options": ["a", "b"]})
    assert code == 400 and data["error"]["field"] == "threshold"


class TestCouncilOfSeven:
    @pytest.fixture
    def repo_path(self, tmp_path: Path) -> Path:
        members = "\n".join(f"    - {{id: m{i}}}" for i in range(7))
        governance = f"council:\n  name: Council of seven\n  members:\n{members}\n"
        return make_governance_repo(tmp_path / "gov", governance)

    async def test_a_ranked_vote_elects_several_seats(self, api, act_as):
        body = {"title": "Fill two seats", "kind": "ranked", "options": ["A", "B", "C"], "seats": 2}
        pid = await called_and_seconded(api, act_as, body, author="m0", caller="m0", second="m1")
        ballots = [["A", "B"]] * 4 + [["C"]] * 2 + [["B"]]
        for i, ranking in enumerate(ballots):
            act_as(f"m{i}")
            code, data = await api("PUT", f"proposals/{pid}/ballot", {"ranking": ranking})
            assert code == 200, data
        p = data["proposal"]  # the seventh ballot closed the vote
        assert p["status"] == "accepted"
        tally = p["tallies"][0]
        assert tally["elected"] == ["A", "C"] and tally["seats"] == 2
        assert tally["method"].startswith("single transferable vote")
        assert p["decision"]["tally"]["winner"] == "A, C"

    async def test_votes_close_by_themselves_when_the_period_ends(self, api, act_as, tmp_path):
        repo = tmp_path / "gov"
        pid = await called_and_seconded(
            api, act_as, {"title": "Seven", "body": "x"}, "m0", "m0", "m1"
        )
        for who in ("m0", "m1", "m2", "m3"):
            act_as(who)
            await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
        closes = end_the_period(repo, pid)
        count = commit_count(repo)
        act_as("m5")  # anyone's next request records it
        _, data = await api("GET", "proposals")
        [p] = [q for q in data["proposals"] if q["id"] == pid]
        assert p["status"] == "accepted" and p["decision"]["decided"] == closes
        assert commit_count(repo) == count + 1
        assert git(repo, "log", "-1", "--format=%s") == "Close vote on Seven: accepted"
        await api("GET", "proposals")
        assert commit_count(repo) == count + 1  # once
        code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "no"})
        assert code == 409

    async def test_participation_counts_closed_votes_held_while_a_member_sat(
        self, api, act_as, tmp_path
    ):
        repo = tmp_path / "gov"
        done = []
        for n in range(3):
            pid = await called_and_seconded(api, act_as, {"title": f"V{n}"}, "m0", "m0", "m1")
            for who in ("m0", "m1", "m2", "m3") + (("m4",) if n < 2 else ()):
                act_as(who)
                await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
            end_the_period(repo, pid)
            done.append(pid)
        still_open = await called_and_seconded(api, act_as, {"title": "Open"}, "m0", "m0", "m1")
        _, part = await api("GET", "participation")
        rows = {r["member"]: r for r in part["participation"]}
        assert (rows["m4"]["open"], rows["m4"]["cast"], rows["m4"]["meets"]) == (3, 2, True)  # 2/3
        assert (rows["m5"]["cast"], rows["m5"]["meets"]) == (0, False)
        assert still_open not in str(part)


def replay_fixture() -> dict:
    return yaml.safe_load((FIXTURES / "jupyter-governance-pr-174.yml").read_text())


def replay_governance() -> str:
    vote = replay_fixture()
    bodies = []
    for body_id, body in vote["bodies"].items():
        members = "".join(f"      - {{id: {m}}}\n" for m in body["ballots"])
        bodies.append(f"  - id: {body_id}\n    name: {body['name']}\n    members:\n{members}")
    return "bodies:\n" + "".join(bodies)


async def replay_vote(api, act_as, repo: Path, vote: dict) -> str:
    """Call, second and cast a replayed vote's ballots as recorded, then end its period."""
    body = {"title": vote["title"], "bodies": list(vote["bodies"])}
    pid = await called_and_seconded(
        api, act_as, body, author=vote["called_by"], caller=vote["called_by"], second="afshin"
    )
    for body_data in vote["bodies"].values():
        for member, value in body_data["ballots"].items():
            if value is None:
                continue  # not cast
            act_as(member)
            value = {True: "yes", False: "no"}.get(value, value)
            code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": value})
            assert code == 200, data
    end_the_period(repo, pid)
    return pid


class TestReplayedVote:
    @pytest.fixture
    def repo_path(self, tmp_path: Path) -> Path:
        return make_governance_repo(tmp_path / "gov", replay_governance())

    async def test_jupyter_governance_pr_174_gives_the_recorded_result(self, api, act_as, tmp_path):
        vote = replay_fixture()
        pid = await replay_vote(api, act_as, tmp_path / "gov", vote)
        _, data = await api("GET", f"proposals/{pid}")
        p = data["proposal"]
        assert p["status"] == vote["recorded"]["outcome"]
        for tally in p["tallies"]:
            expected = vote["recorded"]["counts"][tally["body"]]
            assert {k: tally[k] for k in expected} == expected
            assert tally["quorum_met"]


def test_two_clones_closing_the_same_vote_write_the_same_bytes_and_merge(tmp_path: Path):
    origin = make_governance_repo(tmp_path / "origin")
    pid = "2026-01-01-a-vote-abcdef"
    now = datetime.now(UTC)
    (origin / "proposals").mkdir()
    meta = {
        "id": pid, "title": "A vote", "sponsor": "alice", "seconded_by": "bob",
        "created": format_time(now - timedelta(days=9)), "status": "voting",
        "vote": {"opened": format_time(now - timedelta(days=8)),
                 "closes": format_time(now - timedelta(days=1))},
    }  # fmt: skip
    (origin / "proposals" / f"{pid}.md").write_text(frontmatter.dumps(meta, "Text."))
    for who, value in (("alice", "yes"), ("bob", "no"), ("carol", "yes")):
        (origin / "votes" / pid).mkdir(parents=True, exist_ok=True)
        (origin / "votes" / pid / f"{who}.yml").write_text(
            f"value: {value}\ncast: '{format_time(now - timedelta(days=2))}'\n"
        )
    commit_all(origin, "a vote whose period ended")
    bare = tmp_path / "remote.git"
    git(tmp_path, "clone", "-q", "--bare", str(origin), str(bare))
    clones = []
    for name, who in (("one", "alice"), ("two", "bob")):
        clone = tmp_path / name
        git(tmp_path, "clone", "-q", str(bare), str(clone))
        git(clone, "config", "user.email", f"{who}@example.org")
        git(clone, "config", "user.name", who)
        store = GovernanceStore(clone)
        snap = asyncio.run(store.snapshot())
        me = Identity(who, who, f"{who}@example.org", "user_id", ("council",), who)
        assert len(asyncio.run(council.close_due_votes(store, snap, me))) == 1
        clones.append(clone)
    one, two = (c / "proposals" / f"{pid}.md" for c in clones)
    assert one.read_bytes() == two.read_bytes()
    git(clones[0], "push", "-q", "origin", "HEAD")
    git(clones[1], "pull", "-q", "--rebase", "origin", "main")  # no conflict
    assert git(clones[1], "status", "--porcelain") == ""
    digest = frontmatter.loads(one.read_text())[0]["decision"]["ballots_digest"]
    snap = asyncio.run(GovernanceStore(clones[1]).snapshot())
    assert votes.ballots_digest(snap.ballots[pid]) == digest  # verifiable from the files
