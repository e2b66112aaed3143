"""A proposal's life read back from git: each commit that touched its file or its ballots becomes
one step (drafted, edited, called, seconded, a ballot, closed...), with its author, time and commit.

The server writes one commit per step with a known subject, so the subject names the step; a commit
made by hand (or by another tool) is still shown, as what it did to the files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..contract import responses
from .signatures import SignatureStatus


@dataclass(frozen=True)
class LoggedCommit:
    """One commit of `git log` over some paths: who, when, what it says, which of them it touched."""

    commit: str
    author: str
    time: str  # ISO 8601, the author date
    subject: str
    changes: tuple[tuple[str, str], ...]  # (A / M / D, path) for the logged paths only


# The subjects services/council.py writes, in the order they are tried.
_STEPS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("drafted", r"^Draft proposal: "),
        ("edited", r"^Edit proposal: "),
        ("feedback", r"^Open proposal for feedback: "),
        ("called", r"^Call a vote on "),
        ("seconded", r"^Second the call to vote on "),
        ("withdrawn", r"^Withdraw "),
        ("closed", r"^Close vote on "),
        ("ballot_changed", r"^Change vote on "),
        ("ballot", r"^Vote on "),
    )
)


def _kind(c: LoggedCommit, proposal_file: str) -> str:
    for kind, pattern in _STEPS:
        if pattern.search(c.subject):
            return kind
    # Not one of ours: say what it did to the files.
    statuses = {status for status, path in c.changes if path == proposal_file}
    if "A" in statuses:
        return "drafted"
    if c.changes and all(path != proposal_file for _, path in c.changes):
        return "ballot"
    return "changed"


def proposal_events(
    commits: Iterable[LoggedCommit],
    proposal_id: str,
    verdicts: Mapping[str, tuple[SignatureStatus, str]] | None = None,
) -> list[responses.HistoryEvent]:
    """The steps of one proposal's life, oldest first, each with its commit's signature status."""
    verdicts = verdicts or {}
    proposal_file = f"proposals/{proposal_id}.md"
    events = []
    for c in commits:
        members = sorted(PurePosixPath(path).stem for _, path in c.changes if path != proposal_file)
        events.append(
            responses.HistoryEvent(
                kind=_kind(c, proposal_file),
                commit=c.commit,
                author=c.author,
                time=c.time,
                subject=c.subject,
                members=members,
                signature=verdicts.get(c.commit, ("missing", ""))[0],
                signer=verdicts.get(c.commit, ("missing", ""))[1],
            )
        )
    events.reverse()
    return events
