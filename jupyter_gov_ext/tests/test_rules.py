"""The voting rules, exhaustively and by property (no I/O)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from jupyter_gov_ext import rules

MEMBERS = ["a", "b", "c", "d"]


def test_quorum_needed_is_exact():
    assert rules.quorum_needed(4, 0.5) == 2
    assert rules.quorum_needed(3, 0.5) == 2
    assert rules.quorum_needed(3, 0.667) == 3
    assert rules.quorum_needed(6, 0.667) == 5
    assert rules.quorum_needed(10, 0) == 0


def test_blank_counts_for_quorum_not_result():
    t = rules.tally_binary({"a": "yes", "b": "blank"}, MEMBERS, 0.5)
    assert (t.yes, t.no, t.blank, t.cast) == (1, 0, 1, 2)
    assert t.quorum_met and t.outcome == "accepted"


def test_a_tie_does_not_pass():
    t = rules.tally_binary({"a": "yes", "b": "no"}, MEMBERS, 0.5)
    assert t.outcome == "rejected" and t.reason == "tie"


def test_no_quorum_fails_even_if_all_yes():
    t = rules.tally_binary({"a": "yes"}, MEMBERS, 0.5)
    assert not t.quorum_met and t.outcome == "rejected" and t.reason == "no_quorum"


def test_ballots_of_non_members_are_ignored():
    t = rules.tally_binary({"zed": "yes", "a": "no", "b": "no"}, MEMBERS, 0.5)
    assert (t.yes, t.no) == (0, 2)


def test_every_binary_ballot_combination():
    for combo in itertools.product([None, "yes", "no", "blank"], repeat=len(MEMBERS)):
        values = {m: v for m, v in zip(MEMBERS, combo, strict=True) if v}
        t = rules.tally_binary(values, MEMBERS, 0.5)
        yes, no = combo.count("yes"), combo.count("no")
        cast = sum(v is not None for v in combo)
        assert t.cast == cast
        assert t.outcome == ("accepted" if cast >= 2 and yes > no else "rejected")


@given(
    st.dictionaries(st.sampled_from(MEMBERS), st.sampled_from(["yes", "no", "blank"])),
    st.floats(0, 1),
)
def test_binary_properties(values, quorum):
    t = rules.tally_binary(values, MEMBERS, quorum)
    assert t.yes + t.no + t.blank == t.cast == len(values)
    assert t.quorum_met == (t.cast >= rules.quorum_needed(4, quorum) and t.cast > 0)
    assert (t.outcome == "accepted") == (t.quorum_met and t.yes > t.no)


def test_instant_runoff_rounds_and_transfer():
    rankings = [["x", "y"], ["x"], ["y", "x"], ["z", "y"], ["z", "y"]]
    rounds, winner, _ = rules.instant_runoff(rankings, ["x", "y", "z"])
    assert rounds[0].counts == {"x": 2, "y": 1, "z": 2}
    assert rounds[0].eliminated == "y"
    assert rounds[1].counts == {"x": 3, "z": 2}
    assert winner == "x"


def test_instant_runoff_tie_break_uses_earlier_rounds_then_option_order():
    # round 1: a=2 b=1 c=1 d=1 -> b, c, d tie; no earlier round: option order drops d (listed last)
    rankings = [["a"], ["a"], ["b"], ["c"], ["d", "c"]]
    rounds, winner, broken = rules.instant_runoff(rankings, ["a", "b", "c", "d"])
    assert rounds[0].eliminated == "d"
    assert "d" in broken
    # round 2: a=2 b=1 c=2 -> b eliminated, then a=2 c=2: all tied, no winner
    assert rounds[1].eliminated == "b"
    assert winner is None


def test_ranked_tally_with_quorum_and_subset_rankings():
    t = rules.tally_ranked({"a": ["x"], "b": ["y", "x"], "c": ["x", "y"]}, MEMBERS, ["x", "y"], 0.5)
    assert t.quorum_met and t.winner == "x" and t.outcome == "accepted"
    t = rules.tally_ranked({"a": ["x"]}, MEMBERS, ["x", "y"], 0.5)
    assert t.outcome == "rejected" and t.reason == "no_quorum"


@given(
    st.lists(
        st.permutations(["p", "q", "r"]).flatmap(lambda p: st.integers(1, 3).map(lambda k: p[:k])),
        max_size=30,
    )
)
def test_instant_runoff_properties(rankings):
    rounds, winner, _ = rules.instant_runoff(rankings, ["p", "q", "r"])
    for r in rounds:
        assert sum(r.counts.values()) + r.exhausted == len(rankings)
    if winner is not None:
        last = rounds[-1]
        assert last.counts[winner] * 2 > len(rankings) - last.exhausted
    assert rules.instant_runoff(rankings, ["p", "q", "r"]) == (rounds, winner, _)


def test_every_body_must_approve():
    yes = rules.tally_binary({"a": "yes", "b": "yes"}, MEMBERS, 0.5)
    no = rules.tally_binary({"a": "no", "b": "no"}, MEMBERS, 0.5)
    assert rules.combined_outcome([yes, yes]) == ("accepted", None)
    assert rules.combined_outcome([yes, no]) == ("rejected", None)


def test_participation_per_member_and_year():
    votes = [
        rules.FormalVote("p1", 2026, frozenset({"a", "b"}), frozenset({"a"})),
        rules.FormalVote("p2", 2026, frozenset({"a", "b"}), frozenset({"a", "b"})),
        rules.FormalVote("p3", 2025, frozenset({"a"}), frozenset()),
    ]
    rows = {(r["member"], r["year"]): r for r in rules.participation(votes, ["a", "b"], 0.667)}
    assert rows[("a", 2026)]["cast"] == 2 and rows[("a", 2026)]["meets"]
    assert rows[("b", 2026)]["share"] == 0.5 and not rows[("b", 2026)]["meets"]
    assert rows[("a", 2025)]["open"] == 1 and rows[("a", 2025)]["cast"] == 0
