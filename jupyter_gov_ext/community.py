"""Funding priorities and community input: listing, filtering and submitting (the contributor side)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from . import frontmatter
from .errors import GovError
from .identity import Identity
from .models import Input, InputCreate, Priority, format_time
from .store import GovernanceStore, Snapshot, check_id, new_id


def priority_view(p: Priority, snap: Snapshot) -> dict[str, Any]:
    return {
        **p.model_dump(exclude_none=True),
        "input_count": sum(1 for i in snap.inputs if p.id in i.priorities),
        "proposal_count": sum(1 for q in snap.proposals if p.id in q.priorities),
    }


def list_priorities(snap: Snapshot) -> list[dict[str, Any]]:
    return [priority_view(p, snap) for p in snap.priorities]


def input_view(i: Input) -> dict[str, Any]:
    data = i.model_dump(exclude={"body"}, exclude_none=True)
    data["summary"] = i.body
    return data


def filter_inputs(
    snap: Snapshot,
    topic: str | None = None,
    priority: str | None = None,
    q: str | None = None,
    responds_to: str | None = None,
) -> list[dict[str, Any]]:
    """Inputs matching every given filter, newest first."""
    needle = (q or "").strip().lower()
    out = []
    for i in snap.inputs:
        if topic and topic not in i.topics:
            continue
        if priority and priority not in i.priorities:
            continue
        if responds_to and i.responds_to != responds_to:
            continue
        if needle and needle not in f"{i.title}\n{i.body}\n{i.author.name}\n{i.url}".lower():
            continue
        out.append(i)
    out.sort(key=lambda i: (i.submitted, i.id), reverse=True)
    return [input_view(i) for i in out]


def validate_input(req: InputCreate, snap: Snapshot) -> None:
    """The checks that need the repo: known topics and priorities, a target that exists."""
    config = snap.require_config()
    for topic in req.topics:
        if config.topics and topic not in config.topics:
            raise GovError("invalid_field", f"Unknown topic '{topic}'.", field="topics")
    known = {p.id for p in snap.priorities}
    for pid in req.priorities:
        if pid not in known:
            raise GovError(
                "invalid_field", f"Unknown funding priority '{pid}'.", field="priorities"
            )
    if req.responds_to:
        target = check_id(req.responds_to, "responds_to")
        if not any(i.id == target for i in snap.inputs) and not any(
            p.id == target for p in snap.proposals
        ):
            raise GovError(
                "invalid_field",
                "'Responds to' must name an existing input or proposal.",
                field="responds_to",
            )


async def submit_input(
    store: GovernanceStore, req: InputCreate, who: Identity
) -> tuple[dict[str, Any], str]:
    snap = await store.snapshot()
    validate_input(req, snap)
    now = datetime.now(UTC)
    record_id = new_id(req.title, now)
    meta: dict[str, Any] = {
        "id": record_id,
        "title": req.title,
        "url": req.url,
        "author": {"id": who.id, "name": who.name},
        "submitted": format_time(now),
        "topics": list(dict.fromkeys(req.topics)),
        "priorities": list(dict.fromkeys(req.priorities)),
    }
    if req.responds_to:
        meta["responds_to"] = req.responds_to
    meta["own_content"] = True
    text = frontmatter.dumps(meta, req.summary)
    rel = f"inputs/{now:%Y}/{record_id}.md"
    title = " ".join(req.title.split())
    commit = await store.write({rel: text}, f"Add community input: {title}", who.signature())
    record = Input.model_validate({**meta, "body": req.summary.strip()})
    return {**input_view(record), "path": rel}, commit
