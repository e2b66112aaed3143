"""A vote as Markdown for a team-compass issue or pull request: Jupyter's Yes / No / Abstain
checklists per body (as in jupyter/governance's .github/PULL_REQUEST_TEMPLATE/standingcommittee.md)."""

from __future__ import annotations

from ..contract import responses
from . import votes
from .snapshot import Snapshot

LABELS = (("yes", "Yes"), ("no", "No"), ("blank", "Abstain"))


def one_line(text: str) -> str:
    return " ".join(text.split())


def _tally_line(t: responses.BinaryTally | responses.RankedTally) -> str:
    quorum = f"quorum {'met' if t.quorum_met else 'not met'} ({t.cast}/{t.members})"
    if isinstance(t, responses.RankedTally):
        elected = ", ".join(t.elected) or "none"
        return (
            f"{t.body_name}: elected {elected} of {t.seats} seat(s) by {t.method} "
            f"({t.reason}); {t.blank} abstain; {quorum}."
        )
    rule = (
        f"two thirds of the whole body ({t.yes_needed} yes)"
        if t.threshold == "two-thirds"
        else "simple majority of non-blank ballots"
    )
    return f"{t.body_name}: {t.yes} yes, {t.no} no, {t.blank} abstain; {quorum}; {rule}."


def _signing_line(t: responses.BinaryTally | responses.RankedTally) -> list[str]:
    """The signed-ballots rule, where the body has it: whose ballots the count leaves out."""
    if not t.signed_only:
        return []
    left_out = ", ".join(f"@{m}" for m in t.not_counted) or "none"
    return [f"{t.body_name} counts only signed ballots; not counted (unsigned): {left_out}."]


def export_markdown(snap: Snapshot, proposal_id: str) -> responses.Export:
    p = snap.proposal(proposal_id)
    ballots = snap.ballots.get(p.id, {})
    lines = [f"## {one_line(p.title)}", ""]
    summary = p.body.strip().split("\n\n")[0] if p.body.strip() else ""
    if summary:
        lines += [summary, ""]
    lines += [
        f"Sponsor: @{p.sponsor}" + (f" · Seconded by: @{p.seconded_by}" if p.seconded_by else "")
    ]
    if p.vote:
        lines.append(f"Voting period: {p.vote.opened} to {p.vote.closes}")
    lines.append("")
    for body in votes.proposal_bodies(snap, p):
        lines += [f"{body.name}:"]
        for m in body.members:
            b = ballots.get(m.id.lower())
            lines.append(f"- @{m.id}")
            if p.kind == "ranked":
                ranking = " > ".join(b.ranking) if b and b.ranking else ""
                if b and b.value == "blank":
                    lines.append("  - [x] Abstain")
                else:
                    lines.append(f"  - Ranking: {ranking}" if ranking else "  - [ ] Ranked")
                continue
            for value, label in LABELS:
                ticked = "x" if b and b.value == value else " "
                lines.append(f"  - [{ticked}] {label}")
        lines.append("")
    counted = votes.tallies(snap, p)
    lines += [line for t in counted for line in [_tally_line(t), *_signing_line(t)]]
    if p.decision:
        lines.append(f"**Result: {p.decision.outcome}** (decided {p.decision.decided}).")
    elif counted:
        lines.append(f"Result so far: {votes.outcome_so_far(counted)} (vote open).")
    return responses.Export(markdown="\n".join(lines).rstrip() + "\n")
