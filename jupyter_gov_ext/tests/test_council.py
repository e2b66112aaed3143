"""The council workflow through the REST API, with several identities on one repo."""

from __future__ import annotations

import yaml

from jupyter_gov_ext.storage import frontmatter

from .repo_helpers import commit_count, git, status_porcelain

PROPOSAL = {"title": "Adopt pillars", "body": "We propose **pillars**.", "priorities": ["capacity"]}


async def open_vote(api, act_as, body=None) -> str:
    act_as("alice")
    code, data = await api("POST", "proposals", body or PROPOSAL)
    assert code == 201, data
    pid = data["proposal"]["id"]
    assert (await api("POST", f"proposals/{pid}/transition", {"to": "feedback"}))[0] == 200
    assert (await api("POST", f"proposals/{pid}/transition", {"to": "voting"}))[0] == 200
    act_as("bob")
    code, data = await api("POST", f"proposals/{pid}/transition", {"second": True})
    assert code == 200, data
    assert data["proposal"]["status"] == "voting"
    return pid


async def test_full_lifecycle_with_two_identities(api, gov_repo, act_as):
    pid = await open_vote(api, act_as)
    act_as("alice")
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "no"})
    assert code == 200
    tally = data["proposal"]["tallies"][0]
    assert (tally["yes"], tally["no"], tally["blank"]) == (0, 1, 0)
    # change the ballot until the vote closes
    code, data = await api(
        "PUT", f"proposals/{pid}/ballot", {"value": "yes", "comment": "convinced"}
    )
    assert data["proposal"]["tallies"][0]["yes"] == 1
    assert data["proposal"]["my_ballot"]["comment"] == "convinced"
    assert git(gov_repo, "log", "-1", "--format=%s") == "Change vote on Adopt pillars"
    # closing early needs every member's ballot
    code, data = await api("POST", f"proposals/{pid}/close")
    assert code == 409 and data["error"]["code"] == "conflict"
    act_as("bob")
    assert (await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"}))[0] == 200
    # the last member's ballot closes the vote by itself: nobody has to press Close
    count = commit_count(gov_repo)
    act_as("carol")
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "blank"})
    assert code == 200, data
    assert data["proposal"]["status"] == "accepted"
    assert commit_count(gov_repo) == count + 2  # the ballot, then the decision
    assert git(gov_repo, "log", "-1", "--format=%s") == "Close vote on Adopt pillars: accepted"
    meta, _ = frontmatter.loads((gov_repo / "proposals" / f"{pid}.md").read_text())
    assert meta["decision"]["outcome"] == "accepted"
    assert meta["decision"]["tally"]["bodies"][0]["yes"] == 2
    carol = yaml.safe_load((gov_repo / "votes" / pid / "carol.yml").read_text())
    assert meta["decision"]["decided"] == carol["cast"]  # the last ballot, not the clock
    assert meta["decision"]["ballots_digest"].startswith("sha256:")
    code, data = await api("POST", f"proposals/{pid}/close")
    assert code == 409  # already closed
    ballot = yaml.safe_load((gov_repo / "votes" / pid / "alice.yml").read_text())
    assert ballot["value"] == "yes"
    # after closing nobody may vote
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "no"})
    assert code == 409
    _, part = await api("GET", "participation")
    rows = {r["member"]: r for r in part["participation"]}
    assert rows["carol"]["cast"] == 1 and rows["carol"]["meets"]


async def test_refused_ballots_write_nothing(api, gov_repo, act_as):
    act_as("alice")
    _, data = await api("POST", "proposals", PROPOSAL)
    pid = data["proposal"]["id"]
    head = git(gov_repo, "rev-parse", "HEAD")
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
    assert code == 409  # a draft
    pid = await open_vote(api, act_as)
    head = git(gov_repo, "rev-parse", "HEAD")
    act_as("mallory")
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
    assert code == 403 and data["error"]["code"] == "not_a_member"
    act_as("alice")
    for body in ({"value": "maybe"}, {"value": "yes", "member": "bob"}, {"ranking": ["x"]}, {}):
        code, data = await api("PUT", f"proposals/{pid}/ballot", body)
        assert code == 400, body
    code, _ = await api("PUT", "proposals/..%2Fetc/ballot", {"value": "yes"})
    assert code in (400, 404)
    code, _ = await api("PUT", "proposals/2026-01-01-nothing-abcdef/ballot", {"value": "yes"})
    assert code == 404
    assert git(gov_repo, "rev-parse", "HEAD") == head
    assert status_porcelain(gov_repo) == ""


async def test_calling_a_vote_needs_a_second_from_another_member(api, act_as):
    act_as("alice")
    _, data = await api("POST", "proposals", PROPOSAL)
    pid = data["proposal"]["id"]
    code, data = await api("POST", f"proposals/{pid}/transition", {"second": True})
    assert code == 409  # no call yet
    await api("POST", f"proposals/{pid}/transition", {"to": "voting"})
    code, data = await api("POST", f"proposals/{pid}/transition", {"second": True})
    assert code == 403  # the sponsor cannot second
    act_as("dana")
    code, data = await api("POST", f"proposals/{pid}/transition", {"second": True})
    assert code == 403 and data["error"]["code"] == "not_a_member"
    act_as("bob")
    code, data = await api("POST", f"proposals/{pid}/transition", {"to": "withdrawn"})
    assert code == 403  # only the sponsor withdraws
    code, data = await api("POST", f"proposals/{pid}/transition", {"second": True})
    assert code == 200 and data["proposal"]["seconded_by"] == "bob"


async def test_sponsor_edit_during_vote_restarts_period_and_flags_ballots(api, act_as):
    pid = await open_vote(api, act_as)
    act_as("carol")
    await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
    act_as("bob")
    code, _ = await api("PATCH", f"proposals/{pid}", {"body": "bob edits"})
    assert code == 403
    act_as("alice")
    _, before = await api("GET", f"proposals/{pid}")
    import time

    time.sleep(1.1)  # timestamps have one-second resolution
    code, data = await api("PATCH", f"proposals/{pid}", {"body": "Clarified text."})
    assert code == 200
    after = data["proposal"]
    assert after["vote"]["opened"] > before["proposal"]["vote"]["opened"]
    assert after["body"] == "Clarified text."
    [ballot] = after["ballots"]
    assert ballot["member"] == "carol" and ballot["before_edit"] is True


async def test_non_member_reads_everything_but_cannot_vote(api, act_as):
    pid = await open_vote(api, act_as)
    act_as("dana")
    code, data = await api("GET", f"proposals/{pid}")
    assert code == 200
    assert data["proposal"]["can_vote"] is False
    assert "not a member" in data["proposal"]["why_not"]
    assert data["proposal"]["actions"]["vote"]["allowed"] is False
    # anyone may draft a proposal for the council to take up; only a member can call its vote
    code, data = await api("POST", "proposals", PROPOSAL)
    assert code == 201 and data["proposal"]["author"] == "dana"
    assert data["proposal"]["actions"]["call"]["allowed"] is False
    code, data = await api(
        "POST", f"proposals/{data['proposal']['id']}/transition", {"to": "voting"}
    )
    assert code == 403 and data["error"]["code"] == "not_a_member"


async def test_ranked_vote_with_every_option_tied_has_no_winner(api, act_as):
    body = {"title": "Pick a logo", "kind": "ranked", "options": ["red", "green", "blue"]}
    pid = await open_vote(api, act_as, body)
    act_as("carol")
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"ranking": ["purple"]})
    assert code == 400
    for who, ranking in (
        ("alice", ["red", "green"]),
        ("bob", ["green"]),
        ("carol", ["blue", "green"]),
    ):
        act_as(who)
        code, data = await api("PUT", f"proposals/{pid}/ballot", {"ranking": ranking})
        assert code == 200, data
    # every member voted: the vote closed by itself
    tally = data["proposal"]["tallies"][0]
    # one first choice each, and which goes first decides the winner: no winner, a runoff
    assert tally["rounds"][0]["counts"] == {"blue": 1, "green": 1, "red": 1}
    assert tally["winner"] is None and tally["reason"] == "tie"
    assert "runoff is needed" in tally["tie_break"][0]
    assert data["proposal"]["status"] == "rejected"


async def test_ranked_vote_transfers_to_a_winner(api, act_as):
    body = {"title": "Pick a name", "kind": "ranked", "options": ["ada", "bea", "cy"]}
    pid = await open_vote(api, act_as, body)
    for who, ranking in (("alice", ["ada"]), ("bob", ["bea", "ada"]), ("carol", ["ada", "cy"])):
        act_as(who)
        code, data = await api("PUT", f"proposals/{pid}/ballot", {"ranking": ranking})
    tally = data["proposal"]["tallies"][0]
    assert tally["winner"] == "ada" and data["proposal"]["status"] == "accepted"
    assert tally["rounds"][0]["counts"] == {"ada": 2, "bea": 1, "cy": 0}


async def test_concurrent_changes_to_one_proposal_never_lose_one_another(api, act_as, gov_repo):
    import asyncio

    act_as("alice")
    _, data = await api("POST", "proposals", PROPOSAL)
    pid = data["proposal"]["id"]
    # Two clicks in a row: the second request starts before the first is written.
    first, second = await asyncio.gather(
        api("POST", f"proposals/{pid}/transition", {"to": "feedback"}),
        api("POST", f"proposals/{pid}/transition", {"to": "voting"}),
    )
    assert first[0] == second[0] == 200, (first, second)
    meta, _ = frontmatter.loads((gov_repo / "proposals" / f"{pid}.md").read_text())
    assert meta["status"] == "feedback" and meta["second_requested"] is True
    assert status_porcelain(gov_repo) == ""
