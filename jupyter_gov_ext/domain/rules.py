"""Project Jupyter's voting rules as pure functions: no I/O, no clock, no store.

Every rule cites where Jupyter's governance states it (the documents of jupyter/governance, vendored
in fixtures/real-data/jupyter-governance/docs/):

- decision_making.md, "Calling a vote": a simple majority of non-blank votes decides a binary
  question; ranked choice decides "one among many, or several among many".
- decision_making.md, "Voter participation and quorum": the quorum is 50 %; a "blank" option is
  always included, counting toward the quorum and never toward the result; each member takes part in
  at least 2/3 of formal votes per calendar year.
- executive_council.md and software_steering_council.md, "How can a member be removed?": a removal
  passes if two thirds of the *entire* council vote in favour.
- executive_council.md, "How does the nomination and election process work?": seats are filled by
  ranked choice votes.
- executive_council.md, "Decisions that need both bodies": each body votes independently and the
  change is approved only if both approve.

Ranked votes are counted with the single transferable vote (Droop quota, fractional surplus
transfers); with one seat this is instant-runoff. The order in which options are listed never
decides anything: a tie for last place is broken by the earlier rounds (fewest votes in the latest
round where they differ); if the earlier rounds cannot break it, every way of breaking it is counted
out, and the result stands only if they all agree. Otherwise there is no result: a runoff is needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any, Literal

Threshold = Literal["majority", "two-thirds"]
# How far a configured share may be from a simple fraction and still mean it: 0.667 means 2/3.
_SHARE_DENOMINATOR = 100


def share(value: float | str | Fraction) -> Fraction:
    """A configured share ("2/3", 0.667, 0.5) as an exact fraction: 0.667 is read as 2/3."""
    if isinstance(value, Fraction):
        return value
    return Fraction(str(value)).limit_denominator(_SHARE_DENOMINATOR)


def quorum_needed(members: int, quorum: float | str) -> int:
    """The smallest number of ballots that meets the quorum (exact, no float rounding).

    decision_making.md, "Voter participation and quorum": "The quorum for all formal votes will be
    50%"; councils may adopt a stricter one in governance.yml.
    """
    need = Fraction(str(quorum)) * members
    return int(-(-need.numerator // need.denominator))


def two_thirds_needed(members: int) -> int:
    """executive_council.md, "How can an EC member be removed?": two thirds of the entire body."""
    return int(-(-(2 * members) // 3))


@dataclass(frozen=True)
class BinaryTally:
    yes: int
    no: int
    blank: int
    members: int
    cast: int
    quorum_needed: int
    quorum_met: bool
    outcome: str  # "accepted" | "rejected"
    reason: (
        str  # "majority" | "no_majority" | "tie" | "no_quorum" | "two_thirds" | "below_two_thirds"
    )
    threshold: str = "majority"
    yes_needed: int | None = None  # for "two-thirds": yes ballots needed out of the whole body

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def tally_binary(
    values: Mapping[str, str],
    member_ids: Iterable[str],
    quorum: float | str,
    threshold: Threshold = "majority",
) -> BinaryTally:
    """Count `values` (member id -> "yes"|"no"|"blank"); ballots of non-members are ignored.

    Member ids compare case-insensitively, so one member is one ballot whatever the case.
    """
    members = {m.lower() for m in member_ids}
    counted = {who.lower(): v for who, v in values.items() if who.lower() in members}
    yes, no, blank = (list(counted.values()).count(v) for v in ("yes", "no", "blank"))
    cast = yes + no + blank
    need = quorum_needed(len(members), quorum)
    met = cast >= need and cast > 0
    yes_needed = two_thirds_needed(len(members)) if threshold == "two-thirds" else None
    if not met:
        outcome, reason = "rejected", "no_quorum"
    elif yes_needed is not None:
        # Blank and missing ballots count against: the threshold is of the whole body.
        passed = yes >= yes_needed
        outcome, reason = ("accepted", "two_thirds") if passed else ("rejected", "below_two_thirds")
    elif yes > no:
        # decision_making.md, "Calling a vote": a simple majority of non-blank votes.
        outcome, reason = "accepted", "majority"
    elif yes == no:
        outcome, reason = "rejected", "tie"  # a tie is no majority
    else:
        outcome, reason = "rejected", "no_majority"
    return BinaryTally(
        yes, no, blank, len(members), cast, need, met, outcome, reason, threshold, yes_needed
    )


# --- ranked votes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Round:
    counts: dict[str, float]
    exhausted: float
    eliminated: list[str] = field(default_factory=list)
    elected: list[str] = field(default_factory=list)
    quota: float | None = None


@dataclass(frozen=True)
class RankedCount:
    rounds: list[Round]
    elected: list[str]
    notes: list[str]
    runoff_needed: bool


def _number(value: Fraction) -> float:
    return int(value) if value.denominator == 1 else round(float(value), 4)


def _round(counts, exhausted, quota=None, eliminated=(), elected=()) -> Round:
    return Round(
        {o: _number(c) for o, c in counts.items()},
        _number(exhausted),
        list(eliminated),
        list(elected),
        None if quota is None else _number(quota),
    )


def ranked_count(
    rankings: Sequence[Sequence[str]], options: Sequence[str], seats: int = 1
) -> RankedCount:
    """Count ranked ballots for `seats` winners; each round is returned for the record."""
    ballots = [[o for o in r if o in options] for r in rankings]
    ballots = [b for b in ballots if b]
    seats = max(1, min(seats, len(options)))
    # Droop quota: the fewest votes that no more than `seats` options can all reach.
    droop = Fraction(len(ballots) // (seats + 1) + 1)
    state = _State(tuple(Fraction(1) for _ in ballots), (), frozenset(), ())
    return _count(ballots, sorted(set(options)), seats, droop, state, [])


@dataclass(frozen=True)
class _State:
    weights: tuple[Fraction, ...]
    elected: tuple[str, ...]
    excluded: frozenset[str]
    rounds: tuple[Round, ...]


def _count(ballots, options, seats, droop, state: _State, notes: list[str]) -> RankedCount:
    weights = list(state.weights)
    elected, excluded, rounds = list(state.elected), set(state.excluded), list(state.rounds)
    history: list[dict[str, float]] = [r.counts for r in rounds]
    while len(elected) < seats:
        continuing = [o for o in options if o not in elected and o not in excluded]
        seats_left = seats - len(elected)
        counts = dict.fromkeys(continuing, Fraction(0))
        exhausted = Fraction(0)
        tops: list[str | None] = []
        for ballot, weight in zip(ballots, weights, strict=True):
            top = next((o for o in ballot if o in counts), None)
            tops.append(top)
            if top is None:
                exhausted += weight
            else:
                counts[top] += weight
        active = sum(counts.values(), Fraction(0))
        if not continuing or active == 0:
            rounds.append(_round(counts, exhausted))
            break
        # One seat: more than half of the ballots still in the count (instant-runoff).
        quota = Fraction(int(active // 2) + 1) if seats == 1 else droop
        winners = [o for o in continuing if counts[o] >= quota]
        if len(continuing) <= seats_left:
            winners = continuing  # as many options left as seats: all are elected
        if winners:
            winners.sort(key=lambda o: (-counts[o], o))
            for o in winners:
                if counts[o] > quota and seats > 1:
                    keep = (counts[o] - quota) / counts[o]  # the surplus moves on, in proportion
                    weights = [
                        w * keep if t == o else w for w, t in zip(weights, tops, strict=True)
                    ]
                elif seats > 1:
                    weights = [
                        Fraction(0) if t == o else w for w, t in zip(weights, tops, strict=True)
                    ]
            elected += winners
            rounds.append(_round(counts, exhausted, quota, elected=winners))
            history.append(rounds[-1].counts)
            continue
        zero = [o for o in continuing if counts[o] == 0]
        if zero and len(continuing) - len(zero) >= seats_left:
            # Options nobody ranked here can go together: no ballot moves, so order is moot.
            excluded.update(zero)
            rounds.append(_round(counts, exhausted, quota, eliminated=zero))
            history.append(rounds[-1].counts)
            continue
        fewest = min(counts.values())
        tied = [o for o in continuing if counts[o] == fewest]
        level = list(tied)
        for earlier in reversed(history):
            if len(tied) == 1:
                break
            low = min(earlier.get(o, 0) for o in tied)
            tied = [o for o in tied if earlier.get(o, 0) == low]
        if len(tied) == 1 and len(level) > 1:
            notes = [
                *notes,
                f"Round {len(rounds) + 1}: {' and '.join(level)} tied for last place; the earlier "
                f"rounds put {tied[0]} lowest.",
            ]
        if len(tied) == 1:
            excluded.add(tied[0])
            rounds.append(_round(counts, exhausted, quota, eliminated=tied))
            history.append(rounds[-1].counts)
            continue
        return _branch(ballots, options, seats, droop, notes, tied, weights, elected, excluded,
                       rounds, counts, exhausted, quota)  # fmt: skip
    return RankedCount(rounds, elected, notes, False)


def _branch(ballots, options, seats, droop, notes, tied, weights, elected, excluded, rounds,
            counts, exhausted, quota) -> RankedCount:  # fmt: skip
    """A tie for last place that earlier rounds cannot break: count out every way of breaking it."""
    outcomes = []
    for loser in tied:
        state = _State(
            tuple(weights),
            tuple(elected),
            frozenset(excluded | {loser}),
            (*rounds, _round(counts, exhausted, quota, eliminated=[loser])),
        )
        outcomes.append(_count(ballots, options, seats, droop, state, []))
    names = " and ".join(tied)
    n = len(rounds) + 1
    results = {frozenset(c.elected) for c in outcomes}
    if len(results) == 1 and not any(c.runoff_needed for c in outcomes):
        chosen = outcomes[0]
        note = f"Round {n}: {names} tied for last place; eliminating any of them gives the same result."
        return RankedCount(chosen.rounds, chosen.elected, [*notes, note, *chosen.notes], False)
    note = (
        f"Round {n}: {names} tied for last place, and the result depends on which is eliminated: "
        "no winner, a runoff is needed."
    )
    final = _round(counts, exhausted, quota)
    return RankedCount([*rounds, final], list(elected), [*notes, note], True)


@dataclass(frozen=True)
class RankedTally:
    rounds: list[Round]
    winner: str | None
    members: int
    cast: int
    quorum_needed: int
    quorum_met: bool
    outcome: str  # "accepted" | "rejected"
    reason: str  # "majority" | "elected" | "tie" | "no_quorum" | "not_filled"
    tie_break: list[str] = field(default_factory=list)
    blank: int = 0
    seats: int = 1
    elected: list[str] = field(default_factory=list)
    method: str = "instant-runoff"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def tally_ranked(
    rankings: Mapping[str, Sequence[str] | None],
    member_ids: Iterable[str],
    options: Sequence[str],
    quorum: float | str,
    seats: int = 1,
) -> RankedTally:
    """Rankings by member id; None (or an empty ranking) is a blank ballot.

    decision_making.md, "Voter participation and quorum": blank counts toward the quorum only.
    """
    members = {m.lower() for m in member_ids}
    by_member = {who.lower(): r for who, r in rankings.items() if who.lower() in members}
    ranked = [list(r) for r in by_member.values() if r]
    blank = len(by_member) - len(ranked)
    cast = len(by_member)
    need = quorum_needed(len(members), quorum)
    met = cast >= need and cast > 0
    count = ranked_count(ranked, options, seats)
    filled = len(count.elected) == max(1, min(seats, len(options)))
    if not met:
        outcome, reason = "rejected", "no_quorum"
    elif count.runoff_needed:
        outcome, reason = "rejected", "tie"
    elif not filled:
        outcome, reason = "rejected", "not_filled"
    else:
        outcome, reason = "accepted", "majority" if seats == 1 else "elected"
    winner = count.elected[0] if seats == 1 and count.elected and not count.runoff_needed else None
    return RankedTally(
        rounds=count.rounds,
        winner=winner,
        members=len(members),
        cast=cast,
        quorum_needed=need,
        quorum_met=met,
        outcome=outcome,
        reason=reason,
        tie_break=count.notes,
        blank=blank,
        seats=seats,
        elected=count.elected if not count.runoff_needed else [],
        method="instant-runoff" if seats == 1 else "single transferable vote (Droop quota)",
    )


def combined_outcome(tallies: Sequence[BinaryTally | RankedTally]) -> tuple[str, str | None]:
    """Accepted only if every body accepts (and, for ranked votes, all elect the same options).

    executive_council.md: "each body will vote independently and the change will be approved only
    if both bodies approve."
    """
    if not tallies or any(t.outcome != "accepted" for t in tallies):
        return "rejected", None
    ranked = [t for t in tallies if isinstance(t, RankedTally)]
    if len({frozenset(t.elected) for t in ranked}) > 1:
        return "rejected", None
    return "accepted", (", ".join(ranked[0].elected) if ranked else None)


# --- participation --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormalVote:
    """One closed formal vote: the day it opened, who could vote, who did (ids lower-cased)."""

    proposal_id: str
    opened: date
    eligible: frozenset[str]
    voters: frozenset[str]


@dataclass(frozen=True)
class Membership:
    """A member and the days their seat covers (None: since or until further notice)."""

    id: str
    since: date | None = None
    until: date | None = None

    def covers(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


def participation(
    votes: Iterable[FormalVote], members: Iterable[Membership], required: float | str | Fraction
) -> list[dict[str, Any]]:
    """Per member and calendar year: closed votes held while they were a member, ballots cast.

    decision_making.md, "Voter participation and quorum": "participate in at least 2/3 of formal
    votes of that council per calendar year". The share is compared exactly, so 2 of 3 meets 2/3.
    """
    need = share(required)
    rows: dict[tuple[str, int], list[int]] = {}
    votes = list(votes)
    for member in members:
        key = member.id.lower()
        for vote in votes:
            if key in vote.eligible and member.covers(vote.opened):
                row = rows.setdefault((member.id, vote.opened.year), [0, 0])
                row[0] += 1
                row[1] += key in vote.voters
    return [
        {
            "member": member,
            "year": year,
            "open": opened,
            "cast": cast,
            "share": cast / opened,
            "required": float(need),
            "required_text": f"{need.numerator}/{need.denominator}",
            "meets": Fraction(cast, opened) >= need,
        }
        for (member, year), (opened, cast) in sorted(
            rows.items(), key=lambda kv: (-kv[0][1], kv[0][0].lower())
        )
    ]
