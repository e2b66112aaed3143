"""Project Jupyter's voting rules as pure functions: no I/O, no clock, no store.

Binary votes (CONTRACT.md §2): ballots are yes / no / blank. Blank counts toward the quorum, not the
result. The quorum is met when ballots cast >= quorum x members. A proposal passes on a simple
majority of non-blank ballots: more yes than no. **A tie (yes == no) does not pass**: it is no majority.

Ranked votes: instant-runoff. Each round counts every ballot for its highest-ranked option still in
the race; a ballot with none left is exhausted. An option with more than half of the round's
non-exhausted ballots wins. If every remaining option has the same count, there is **no winner**
(a tie: not accepted). Otherwise the option with the fewest votes is eliminated; a tie for fewest is
broken by the earlier rounds' counts (latest round first, fewer is eliminated), then by the
proposal's option order (the option listed last is eliminated).

With several bodies, each body is tallied on its own and the proposal passes only if every body
approves (ranked: every body must pick the same winner).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from typing import Any


def quorum_needed(members: int, quorum: float) -> int:
    """The smallest number of ballots that meets the quorum (exact, no float rounding)."""
    need = Fraction(str(quorum)) * members
    return int(-(-need.numerator // need.denominator))


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
    reason: str  # "majority" | "no_majority" | "tie" | "no_quorum"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def tally_binary(
    values: Mapping[str, str], member_ids: Iterable[str], quorum: float
) -> BinaryTally:
    """Count `values` (member id -> "yes"|"no"|"blank"); ballots of non-members are ignored."""
    members = {m.lower() for m in member_ids}
    counted = [v for who, v in values.items() if who.lower() in members]
    yes, no, blank = (counted.count(v) for v in ("yes", "no", "blank"))
    cast = yes + no + blank
    need = quorum_needed(len(members), quorum)
    met = cast >= need and cast > 0
    if not met:
        outcome, reason = "rejected", "no_quorum"
    elif yes > no:
        outcome, reason = "accepted", "majority"
    elif yes == no:
        outcome, reason = "rejected", "tie"
    else:
        outcome, reason = "rejected", "no_majority"
    return BinaryTally(yes, no, blank, len(members), cast, need, met, outcome, reason)


@dataclass(frozen=True)
class Round:
    counts: dict[str, int]
    exhausted: int
    eliminated: str | None = None


@dataclass(frozen=True)
class RankedTally:
    rounds: list[Round]
    winner: str | None
    members: int
    cast: int
    quorum_needed: int
    quorum_met: bool
    outcome: str  # "accepted" | "rejected"
    reason: str  # "majority" | "tie" | "no_quorum"
    tie_break: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def instant_runoff(
    rankings: Sequence[Sequence[str]], options: Sequence[str]
) -> tuple[list[Round], str | None, list[str]]:
    """Rounds, the winner (None on a tie or no ballots), and the eliminations decided by tie-break."""
    remaining = list(options)
    rounds: list[Round] = []
    tie_broken: list[str] = []
    while remaining:
        counts = dict.fromkeys(remaining, 0)
        exhausted = 0
        for ranking in rankings:
            choice = next((o for o in ranking if o in counts), None)
            if choice is None:
                exhausted += 1
            else:
                counts[choice] += 1
        active = len(rankings) - exhausted
        leader = max(remaining, key=lambda o: counts[o])
        if active and counts[leader] * 2 > active:
            rounds.append(Round(counts, exhausted))
            return rounds, leader, tie_broken
        if len(set(counts.values())) == 1:
            rounds.append(Round(counts, exhausted))
            return rounds, None, tie_broken
        fewest = min(counts.values())
        lowest = [o for o in remaining if counts[o] == fewest]
        loser = _break_tie(lowest, rounds, options) if len(lowest) > 1 else lowest[0]
        if len(lowest) > 1:
            tie_broken.append(loser)
        rounds.append(Round(counts, exhausted, loser))
        remaining.remove(loser)
    return rounds, None, tie_broken


def _break_tie(tied: list[str], rounds: list[Round], options: Sequence[str]) -> str:
    candidates = list(tied)
    for previous in reversed(rounds):
        fewest = min(previous.counts.get(o, 0) for o in candidates)
        candidates = [o for o in candidates if previous.counts.get(o, 0) == fewest]
        if len(candidates) == 1:
            return candidates[0]
    return max(candidates, key=list(options).index)


def tally_ranked(
    rankings: Mapping[str, Sequence[str]],
    member_ids: Iterable[str],
    options: Sequence[str],
    quorum: float,
) -> RankedTally:
    members = {m.lower() for m in member_ids}
    counted = [list(r) for who, r in rankings.items() if who.lower() in members]
    need = quorum_needed(len(members), quorum)
    met = len(counted) >= need and len(counted) > 0
    rounds, winner, tie_break = instant_runoff(counted, options)
    if not met:
        outcome, reason = "rejected", "no_quorum"
    elif winner is not None:
        outcome, reason = "accepted", "majority"
    else:
        outcome, reason = "rejected", "tie"
    return RankedTally(
        rounds, winner, len(members), len(counted), need, met, outcome, reason, tie_break
    )


def combined_outcome(tallies: Sequence[BinaryTally | RankedTally]) -> tuple[str, str | None]:
    """Accepted only if every body accepts (and, for ranked votes, all pick the same winner)."""
    if not tallies or any(t.outcome != "accepted" for t in tallies):
        return "rejected", None
    winners = {t.winner for t in tallies if isinstance(t, RankedTally)}
    if len(winners) > 1:
        return "rejected", None
    return "accepted", next(iter(winners), None)


@dataclass(frozen=True)
class FormalVote:
    """One vote for participation: when it opened, who could vote, who did."""

    proposal_id: str
    year: int
    eligible: frozenset[str]
    voters: frozenset[str]


def participation(
    votes: Iterable[FormalVote], member_ids: Iterable[str], required: float
) -> list[dict[str, Any]]:
    """Per member and calendar year: votes open to them, ballots cast, share, requirement met."""
    rows: dict[tuple[str, int], list[int]] = {}
    members = list(member_ids)
    for vote in votes:
        for member in members:
            if member.lower() in {e.lower() for e in vote.eligible}:
                row = rows.setdefault((member, vote.year), [0, 0])
                row[0] += 1
                row[1] += member.lower() in {v.lower() for v in vote.voters}
    return [
        {
            "member": member,
            "year": year,
            "open": opened,
            "cast": cast,
            "share": cast / opened,
            "required": required,
            "meets": cast / opened >= required,
        }
        for (member, year), (opened, cast) in sorted(
            rows.items(), key=lambda kv: (-kv[0][1], kv[0][0].lower())
        )
    ]
