"""The council's synthesis: pillars as the client sees them (their support counted by stakeholder,
priority and prompt) and the proposals made from them. Pure: records in, views out."""

from __future__ import annotations

from collections import Counter

from ..contract import responses
from ..contract.records import Pillar
from .snapshot import Snapshot


def pillar_view(snap: Snapshot, p: Pillar) -> responses.PillarView:
    by_id = {i.id: i for i in snap.inputs}
    found = [by_id[i] for i in p.inputs if i in by_id]
    made = [x for x in snap.proposals if p.id in x.pillars]
    return responses.PillarView(
        id=p.id,
        title=p.title,
        summary=p.body,
        author=p.author,
        created=p.created,
        edited=p.edited,
        inputs=list(p.inputs),
        missing=[i for i in p.inputs if i not in by_id],
        stakeholders=dict(Counter(i.stakeholder or "unknown" for i in found)),
        priorities=dict(Counter(pr for i in found for pr in i.priorities)),
        prompts=dict(Counter(i.prompt for i in found if i.prompt)),
        proposals=[
            responses.PillarProposal(
                id=x.id,
                title=x.title,
                status=x.status,
                decided=x.decision.decided if x.decision else None,
            )
            for x in made
        ],
    )


def list_pillars(snap: Snapshot, can_edit: bool) -> responses.PillarList:
    snap.require_config()
    pillars = sorted(snap.pillars, key=lambda p: p.created)
    return responses.PillarList(pillars=[pillar_view(snap, p) for p in pillars], can_edit=can_edit)


def proposal_text(pillars: list[Pillar], snap: Snapshot) -> str:
    """A proposal's text made from its pillars: each pillar's paragraph and the input behind it."""
    by_id = {i.id: i for i in snap.inputs}
    parts = []
    for p in pillars:
        cited = [by_id[i] for i in p.inputs if i in by_id]
        lines = [f"## {p.title}", "", p.body.strip() or "(no summary yet)", ""]
        if cited:
            lines += ["Supported by:", ""]
            lines += [f"- [{i.title}]({i.url}) by {i.author.name or i.author.id}" for i in cited]
            lines.append("")
        parts.append("\n".join(lines))
    return "\n".join(parts).strip() + "\n"
