"""A proposal's history, read back from git: each step with its author, time and commit."""

from __future__ import annotations

from .repo_helpers import commit_all, git
from .test_council import open_vote


async def test_every_step_of_a_vote_is_in_its_history(api, gov_repo, act_as):
    pid = await open_vote(api, act_as)
    act_as("alice")
    await api("PUT", f"proposals/{pid}/ballot", {"value": "no"})
    await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
    act_as("bob")
    await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
    act_as("carol")
    await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})  # the last ballot closes it

    code, data = await api("GET", f"proposals/{pid}/history")
    assert code == 200, data
    events = data["events"]
    assert [e["kind"] for e in events] == [
        "drafted", "feedback", "called", "seconded",
        "ballot", "ballot_changed", "ballot", "ballot", "closed",
    ]  # fmt: skip
    assert [e["members"] for e in events if e["kind"].startswith("ballot")] == [
        ["alice"], ["alice"], ["bob"], ["carol"],
    ]  # fmt: skip
    # Each step names the commit that recorded it, as git log does, oldest first.
    logged = git(gov_repo, "log", "--format=%H", "--reverse", "--", f"proposals/{pid}.md",
                 f"votes/{pid}").split()  # fmt: skip
    assert [e["commit"] for e in events] == logged
    assert events[3]["author"] == git(gov_repo, "log", "-1", "--format=%an", logged[3])
    assert events[0]["time"] <= events[-1]["time"]


async def test_a_hand_made_commit_is_shown_as_a_change(api, gov_repo, act_as):
    act_as("alice")
    _, data = await api("POST", "proposals", {"title": "Hand edited"})
    pid = data["proposal"]["id"]
    path = gov_repo / "proposals" / f"{pid}.md"
    path.write_text(path.read_text() + "\nA line added in an editor.\n")
    commit_all(gov_repo, "tidy wording")
    _, data = await api("GET", f"proposals/{pid}/history")
    assert [(e["kind"], e["subject"]) for e in data["events"]][-1] == ("changed", "tidy wording")


async def test_the_history_of_an_unknown_proposal_is_a_404(api):
    code, data = await api("GET", "proposals/no-such-thing/history")
    assert code == 404 and data["error"]["code"] == "not_found"


async def test_an_empty_title_names_its_field_in_plain_words(api, gov_repo):
    head = git(gov_repo, "rev-parse", "HEAD")
    code, data = await api("POST", "proposals", {"title": "  "})
    assert code == 400
    error = data["error"]
    assert (error["code"], error["message"], error["field"]) == (
        "invalid_field",
        "Title cannot be empty.",
        "title",
    )
    assert git(gov_repo, "rev-parse", "HEAD") == head
