"""Was this vote counted right? Recount a proposal from its ballot files with the same rules code
the server decides with, and compare the result with the decision the proposal records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..contract.records import Proposal
from . import votes
from .roster import ResolvedBody
from .snapshot import Snapshot

# The counts compared body by body, where the recorded tally states them (a hand-written record
# may state only some).
_COMPARED = (
    "yes", "no", "blank", "members", "cast", "quorum_needed", "quorum_met", "outcome",
    "winner", "elected", "not_counted",
)  # fmt: skip


@dataclass(frozen=True)
class Recount:
    """One vote recounted. `matches` is None while nothing is recorded yet (the vote is open)."""

    proposal: str
    title: str
    status: str
    recorded_outcome: str | None
    recounted_outcome: str | None
    recorded: list[dict[str, Any]] = field(default_factory=list)
    recounted: list[dict[str, Any]] = field(default_factory=list)
    recorded_digest: str | None = None
    recounted_digest: str | None = None
    differences: list[str] = field(default_factory=list)

    @property
    def matches(self) -> bool | None:
        if self.recorded_outcome is None:
            return None
        return not self.differences

    def summary(self) -> str:
        if self.matches is None:
            return f"{self.proposal}: no decision recorded yet ({self.status})."
        if self.matches:
            return (
                f"{self.proposal}: MATCH. Recounting the ballot files gives the recorded "
                f"decision ({self.recorded_outcome})."
            )
        return f"{self.proposal}: MISMATCH. " + " ".join(self.differences)

    def rows(self) -> list[dict[str, Any]]:
        """Recorded and recounted counts side by side, one row per body and count."""
        out = []
        recorded = {b.get("body"): b for b in self.recorded}
        for body in self.recounted:
            mine = recorded.get(body["body"], {})
            for key in _COMPARED:
                if key in body or key in mine:
                    out.append(
                        {
                            "body": body["body"],
                            "count": key,
                            "recorded": mine.get(key),
                            "recounted": body.get(key),
                        }
                    )
        return out


def as_of_decision(
    snap: Snapshot, p: Proposal, bodies_by_year: Mapping[int, list[ResolvedBody]]
) -> Snapshot:
    """The snapshot with the bodies as their rosters stood the year the decision was recorded
    (a roster's terms change who sits), so an old vote is recounted with its own voters."""
    if p.decision is None:
        return snap
    bodies = bodies_by_year.get(votes.parse_time(p.decision.decided).year)
    return replace(snap, bodies=bodies) if bodies is not None else snap


def recount(
    snap: Snapshot, p: Proposal, bodies_by_year: Mapping[int, list[ResolvedBody]] | None = None
) -> Recount:
    """Recount `p` from `snap`'s ballots; compare with its recorded decision if it has one."""
    snap = as_of_decision(snap, p, bodies_by_year or {})
    if p.vote is None:
        return Recount(p.id, p.title, p.status, None, None)
    again = votes.decided(snap, p).decision
    assert again is not None  # decided() always records one
    bodies = list(again.tally.get("bodies", []))
    recorded = p.decision
    if recorded is None:
        return Recount(
            p.id, p.title, p.status, None, again.outcome, [], bodies, None, again.ballots_digest
        )
    stated = list(recorded.tally.get("bodies", []))
    differences = []
    if recorded.outcome != again.outcome:
        differences.append(
            f"The recorded outcome is {recorded.outcome}; the ballots give {again.outcome}."
        )
    by_body = {b.get("body"): b for b in bodies}
    for body in stated:
        mine = by_body.get(body.get("body"))
        if mine is None:
            differences.append(
                f"The record counts body '{body.get('body')}', which no longer votes."
            )
            continue
        for key in _COMPARED:
            if key in body and body[key] != mine.get(key):
                differences.append(
                    f"{body.get('body')}: {key} recorded {body[key]!r}, recounted {mine.get(key)!r}."
                )
    winner = recorded.tally.get("winner")
    if winner is not None and winner != again.tally.get("winner"):
        differences.append(
            f"The recorded winner is {winner}; the ballots give {again.tally.get('winner')}."
        )
    if recorded.ballots_digest and recorded.ballots_digest != again.ballots_digest:
        differences.append(
            "The ballot files are not the ones counted when the decision was recorded "
            "(their digest differs): a ballot was added, removed or changed since."
        )
    return Recount(
        p.id, p.title, p.status, recorded.outcome, again.outcome, stated, bodies,
        recorded.ballots_digest, again.ballots_digest, differences,
    )  # fmt: skip
