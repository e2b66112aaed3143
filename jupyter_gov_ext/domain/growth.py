"""Evidence of growth and participation, from what the repo records: pure functions of a snapshot.

The foundation's first funding priority is to "grow the number of contributors", measured by
"growth in self-identified contributors over time". Each figure is a list of flat rows (a
pandas-friendly list of dicts); the panel draws them and the notebook API returns them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .snapshot import Snapshot
from .votes import counted_ballots, eligible, parse_time, participation, proposal_bodies

Row = dict[str, Any]
NONE = "(none)"


def month_of(timestamp: str) -> str:
    """ "YYYY-MM" of a record's time: the contract keeps every time in UTC as YYYY-MM-DDTHH:MM:SSZ."""
    return timestamp[:7]


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` ("YYYY-MM"), so a quiet month shows as a zero."""
    year, month = (int(x) for x in first.split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def contributors_per_month(snap: Snapshot) -> list[Row]:
    """Per month: people who gave input for the first time, people who had before, and both."""
    by_month: dict[str, set[str]] = defaultdict(set)
    for i in snap.inputs:
        by_month[month_of(i.submitted)].add(i.author.id.lower())
    if not by_month:
        return []
    seen: set[str] = set()
    rows = []
    for month in months_between(min(by_month), max(by_month)):
        people = by_month.get(month, set())
        new = people - seen
        rows.append(
            {
                "month": month,
                "new": len(new),
                "returning": len(people) - len(new),
                "contributors": len(people),
                "total_so_far": len(seen | people),
            }
        )
        seen |= people
    return rows


def _inputs_per(snap: Snapshot, groups: Callable[[Any], Iterable[str]], key: str) -> list[Row]:
    counts: Counter[tuple[str, str]] = Counter()
    for i in snap.inputs:
        for group in groups(i):
            counts[(month_of(i.submitted), group)] += 1
    return [
        {"month": month, key: group, "inputs": n} for (month, group), n in sorted(counts.items())
    ]


def inputs_per_priority(snap: Snapshot) -> list[Row]:
    """Per month and funding priority (by title): inputs that name it. An input naming two
    priorities counts for each; one naming none counts under "(none)"."""
    titles = {p.id: p.title for p in snap.priorities}
    return _inputs_per(
        snap, lambda i: [titles.get(p, p) for p in i.priorities] or [NONE], "priority"
    )


def inputs_per_stakeholder(snap: Snapshot) -> list[Row]:
    """Per month and stakeholder (whose voice the author says it is)."""
    return _inputs_per(snap, lambda i: [i.stakeholder or NONE], "stakeholder")


def time_to_decision(snap: Snapshot) -> list[Row]:
    """Each decided proposal: from drafted to called, and from drafted to decided, in days."""
    rows = []
    for p in snap.proposals:
        if p.decision is None:
            continue
        created, decided = parse_time(p.created), parse_time(p.decision.decided)
        called = parse_time(p.vote.opened) if p.vote else None
        rows.append(
            {
                "proposal": p.id,
                "title": p.title,
                "created": p.created,
                "decided": p.decision.decided,
                "outcome": p.decision.outcome,
                "days_to_vote": round((called - created).total_seconds() / 86400, 1)
                if called
                else None,
                "days_to_decision": round((decided - created).total_seconds() / 86400, 1),
            }
        )
    return sorted(rows, key=lambda r: r["decided"])


def ballots_per_vote(snap: Snapshot) -> list[Row]:
    """Each vote that opened: ballots counted, members who could vote, and the share."""
    rows = []
    for p in snap.proposals:
        if p.vote is None:
            continue
        members = set(eligible(proposal_bodies(snap, p)))
        cast = len(members & set(counted_ballots(snap, p)))
        rows.append(
            {
                "proposal": p.id,
                "title": p.title,
                "opened": p.vote.opened,
                "status": p.status,
                "ballots": cast,
                "members": len(members),
                "turnout": round(cast / len(members), 3) if members else 0.0,
            }
        )
    return sorted(rows, key=lambda r: r["opened"])


def member_participation(snap: Snapshot) -> list[Row]:
    """Each member per calendar year: closed formal votes held while they sat, ballots cast, and
    whether that meets the required share (decision_making.md)."""
    rows = [r.model_dump() for r in participation(snap)]
    return sorted(rows, key=lambda r: (r["year"], r["member"].lower()))


@dataclass(frozen=True)
class Figure:
    id: str
    title: str
    description: str
    make: Callable[[Snapshot], list[Row]]


FIGURES: tuple[Figure, ...] = (
    Figure(
        "contributors",
        "Contributors of input per month",
        "People who submitted community input each month: first-time and returning.",
        contributors_per_month,
    ),
    Figure(
        "inputs-by-priority",
        "Inputs per funding priority",
        "Community input each month, by the funding priority it names.",
        inputs_per_priority,
    ),
    Figure(
        "inputs-by-stakeholder",
        "Inputs per stakeholder",
        "Community input each month, by whose voice it is.",
        inputs_per_stakeholder,
    ),
    Figure(
        "time-to-decision",
        "Time from proposal to decision",
        "Days from a proposal's draft to its decision, for every decided proposal.",
        time_to_decision,
    ),
    Figure(
        "ballots-per-vote",
        "Ballots per vote",
        "Ballots counted in each vote, against the members who could vote.",
        ballots_per_vote,
    ),
    Figure(
        "participation",
        "Members' participation by year",
        "Share of closed formal votes each member took part in, per calendar year.",
        member_participation,
    ),
)


def figures(snap: Snapshot) -> dict[str, list[Row]]:
    """Every figure's rows, by figure id."""
    return {f.id: f.make(snap) for f in FIGURES}
