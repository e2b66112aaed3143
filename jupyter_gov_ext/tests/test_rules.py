"""The voting rules, exhaustively and by property (no I/O)."""

from __future__ import annotations

import itertools
from datetime import date
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from jupyter_gov_ext.domain import rules

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


def test_one_member_is_one_ballot_whatever_the_case_of_the_id():
    t = rules.tally_binary({"a": "yes", "A": "yes", "b": "no"}, MEMBERS, 0.5)
    assert (t.yes, t.no, t.cast) == (1, 1, 2) and t.outcome == "rejected"


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


@given(st.dictionaries(st.sampled_from(MEMBERS[:3]), st.sampled_from(["yes", "no", "blank"])))
def test_a_blank_never_changes_a_result_but_can_make_quorum(values):
    before = rules.tally_binary(values, MEMBERS, 0.5)
    after = rules.tally_binary({**values, "d": "blank"}, MEMBERS, 0.5)
    assert after.cast == before.cast + 1
    if before.quorum_met:
        assert after.outcome == before.outcome
    elif after.quorum_met and after.yes > after.no:
        assert after.outcome == "accepted"  # the blank made the quorum, and only that


def test_two_thirds_of_the_whole_body_counts_blank_and_absent_against():
    six = [f"m{i}" for i in range(6)]
    four_yes = {"m0": "yes", "m1": "yes", "m2": "yes", "m3": "yes"}
    t = rules.tally_binary(four_yes, six, 0.5, "two-thirds")
    assert t.outcome == "accepted" and t.yes_needed == 4 and t.reason == "two_thirds"
    three_yes = {"m0": "yes", "m1": "yes", "m2": "yes", "m3": "blank", "m4": "blank"}
    t = rules.tally_binary(three_yes, six, 0.5, "two-thirds")
    # 3 yes and no "no" is a simple majority, but not two thirds of the six members
    assert t.outcome == "rejected" and t.reason == "below_two_thirds"
    assert rules.tally_binary(three_yes, six, 0.5).outcome == "accepted"


# --- ranked votes ---------------------------------------------------------------------------------


def test_instant_runoff_rounds_and_transfer():
    rankings = [["x", "y"], ["x"], ["y", "x"], ["z", "y"], ["z", "y"]]
    count = rules.ranked_count(rankings, ["x", "y", "z"])
    assert count.rounds[0].counts == {"x": 2, "y": 1, "z": 2}
    assert count.rounds[0].eliminated == ["y"]
    assert count.rounds[1].counts == {"x": 3, "z": 2}
    assert count.elected == ["x"] and not count.runoff_needed


def test_listing_order_never_decides():
    # B and C tie for last in round 1. Before, the last-listed option went first, so the listing
    # chose which ballot moved. Now every way of breaking the tie is counted out: here both lead
    # to A, so A wins whatever the listing.
    ballots = [["A"], ["A"], ["B", "A"], ["C", "B"]]
    for order in itertools.permutations(["A", "B", "C"]):
        t = rules.tally_ranked(dict(zip("pqrs", ballots, strict=True)), "pqrs", order, 0.5)
        assert (t.winner, t.outcome) == ("A", "accepted")
        assert "same result" in t.tie_break[0]


def test_a_tie_whose_breaking_decides_the_winner_needs_a_runoff():
    ballots = {"p": ["A", "B"], "q": ["B", "A"], "r": ["C", "A"], "s": ["D", "B"]}
    for order in itertools.permutations("ABCD"):
        t = rules.tally_ranked(ballots, "pqrs", order, 0.5)
        assert (t.winner, t.outcome, t.reason) == (None, "rejected", "tie")
        assert "runoff is needed" in t.tie_break[-1]


def test_a_tie_for_last_that_does_not_matter_is_settled():
    # b and c tie for last with one vote each; either way their ballots go to a, who wins.
    count = rules.ranked_count([["a"], ["a"], ["b", "a"], ["c", "a"], ["d"], ["d"]], "abcd")
    assert count.elected == ["a"] and not count.runoff_needed
    assert "same result" in count.notes[0]


def test_earlier_rounds_break_a_tie_for_last():
    # round 1: a=3 b=2 c=2 d=1 (d out, to c); round 2: a=3 b=2 c=3 -> b out, to c... c wins
    ballots = [["a"]] * 3 + [["b"]] * 2 + [["c"]] * 2 + [["d", "b"]]
    count = rules.ranked_count(ballots, "abcd")
    assert count.rounds[0].eliminated == ["d"]
    assert count.rounds[1].counts == {"a": 3, "b": 3, "c": 2}
    assert count.rounds[1].eliminated == ["c"]


def test_blank_ballots_make_quorum_in_a_ranked_vote_but_never_the_result():
    rankings = {"a": ["x", "y"], "b": None}
    t = rules.tally_ranked(rankings, MEMBERS, ["x", "y"], 0.5)
    assert (t.cast, t.blank, t.quorum_met) == (2, 1, True)
    assert t.winner == "x" and t.outcome == "accepted"
    assert rules.tally_ranked({"a": ["x", "y"]}, MEMBERS, ["x", "y"], 0.5).reason == "no_quorum"


def test_single_transferable_vote_fills_several_seats():
    # 7 ballots, 2 seats: Droop quota 3. A has 4 (elected, surplus 1 at 1/4 per ballot to B);
    # then B has 2, C has 2: earlier rounds break it (B had fewer), and C takes the last seat.
    ballots = [["A", "B"]] * 4 + [["C"]] * 2 + [["B"]]
    count = rules.ranked_count(ballots, ["A", "B", "C"], seats=2)
    assert count.rounds[0].quota == 3 and count.rounds[0].elected == ["A"]
    assert count.rounds[1].counts == {"B": 2, "C": 2}
    assert count.rounds[1].eliminated == ["B"]
    assert count.elected == ["A", "C"]
    t = rules.tally_ranked(
        {f"m{i}": b for i, b in enumerate(ballots)}, [f"m{i}" for i in range(7)], "ABC", 0.5, 2
    )
    assert t.outcome == "accepted" and t.elected == ["A", "C"] and t.winner is None


rankings_of = st.lists(
    st.permutations(["p", "q", "r", "s"]).flatmap(lambda p: st.integers(1, 4).map(lambda k: p[:k])),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(rankings_of, st.integers(1, 3), st.permutations(["p", "q", "r", "s"]))
def test_option_order_never_changes_a_result(rankings, seats, order):
    a = rules.ranked_count(rankings, ["p", "q", "r", "s"], seats)
    b = rules.ranked_count(rankings, order, seats)
    assert (sorted(a.elected), a.runoff_needed) == (sorted(b.elected), b.runoff_needed)


@settings(max_examples=60, deadline=None)
@given(rankings_of, st.integers(1, 3))
def test_ranked_count_properties(rankings, seats):
    count = rules.ranked_count(rankings, ["p", "q", "r", "s"], seats)
    assert len(count.elected) == len(set(count.elected)) <= seats
    for r in count.rounds:
        assert abs(sum(r.counts.values()) + r.exhausted - len(rankings)) < 1e-6 or seats > 1
    if seats == 1 and count.elected and not count.runoff_needed:
        last = count.rounds[-1]
        assert last.counts[count.elected[0]] * 2 > len(rankings) - last.exhausted
    # a unanimous first choice is always elected
    if rankings and all(r[0] == rankings[0][0] for r in rankings):
        assert rankings[0][0] in count.elected


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.permutations(list("pqrst")).flatmap(lambda p: st.integers(1, 5).map(lambda k: p[:k])),
        min_size=1,
        max_size=25,
    )
)
def test_instant_runoff_agrees_with_pyrankvote_when_no_tie_is_involved(rankings):
    """Checked against a maintained implementation: where no tie has to be broken (the one place
    where methods legitimately differ), the winner is the same."""
    import pyrankvote

    ours = rules.ranked_count(rankings, list("pqrst"))
    if ours.notes or ours.runoff_needed or not ours.elected:
        return
    people = {o: pyrankvote.Candidate(o) for o in "pqrst"}
    ballots = [pyrankvote.Ballot(ranked_candidates=[people[o] for o in r]) for r in rankings]
    result = pyrankvote.instant_runoff_voting(list(people.values()), ballots)
    assert ours.elected == [c.name for c in result.get_winners()]


def test_every_body_must_approve():
    yes = rules.tally_binary({"a": "yes", "b": "yes"}, MEMBERS, 0.5)
    no = rules.tally_binary({"a": "no", "b": "no"}, MEMBERS, 0.5)
    assert rules.combined_outcome([yes, yes]) == ("accepted", None)
    assert rules.combined_outcome([yes, no]) == ("rejected", None)


# --- participation --------------------------------------------------------------------------------


def vote(pid, day, eligible, voters):
    return rules.FormalVote(pid, day, frozenset(eligible), frozenset(voters))


def test_exactly_two_of_three_meets_the_two_thirds_rule():
    votes = [vote(f"p{i}", date(2026, 3, i + 1), "ab", "ab" if i < 2 else "b") for i in range(3)]
    for required in (0.667, "2/3", Fraction(2, 3)):
        rows = {
            r["member"]: r for r in rules.participation(votes, [rules.Membership("a")], required)
        }
        assert (rows["a"]["open"], rows["a"]["cast"], rows["a"]["meets"]) == (3, 2, True)
        assert rows["a"]["required_text"] == "2/3"
    rows = rules.participation(votes[:2] + votes[2:], [rules.Membership("a")], 0.75)
    assert rows[0]["meets"] is False


def test_members_are_charged_only_with_votes_held_while_they_sat():
    votes = [
        vote("old", date(2025, 6, 1), "ab", "a"),
        vote("new", date(2026, 6, 1), "ab", "ab"),
    ]
    members = [rules.Membership("a"), rules.Membership("b", since=date(2026, 1, 1))]
    rows = {(r["member"], r["year"]): r for r in rules.participation(votes, members, "2/3")}
    assert ("b", 2025) not in rows
    assert rows[("b", 2026)]["open"] == 1 and rows[("b", 2026)]["meets"]
    assert rows[("a", 2025)]["open"] == 1


@given(
    st.lists(st.tuples(st.integers(1, 12), st.booleans()), min_size=1, max_size=10),
    st.integers(0, 9),
)
def test_participation_is_monotone(ballots, which):
    """Casting one more ballot never lowers a member's share nor unmeets the requirement."""
    votes = [
        vote(f"p{i}", date(2026, month, 1), "a", "a" if cast else "")
        for i, (month, cast) in enumerate(ballots)
    ]
    which %= len(votes)
    more = list(votes)
    more[which] = vote(f"p{which}", votes[which].opened, "a", "a")
    [before] = rules.participation(votes, [rules.Membership("a")], "2/3")
    [after] = rules.participation(more, [rules.Membership("a")], "2/3")
    assert after["share"] >= before["share"] and after["meets"] >= before["meets"]
