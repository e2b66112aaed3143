"""Community input: submitting a link to one's own post (the contributor side)."""

from __future__ import annotations

from datetime import UTC, datetime

from ..contract.errors import GovError
from ..contract.fields import check_id, format_time
from ..contract.records import Author, Input
from ..contract.requests import InputCreate
from ..domain.export import one_line
from ..domain.identity import Identity
from ..domain.snapshot import Snapshot
from ..storage import layout
from ..storage.store import GovernanceStore


def validate_filing(
    snap: Snapshot, topics: list[str], priorities: list[str], prompt: str | None
) -> None:
    """How an input is filed must name what the repo has: its topics, priorities and prompts."""
    config = snap.require_config()
    if config.topics:
        snap.require_known("topics", topics, set(config.topics), "topic")
    snap.require_priorities(priorities)
    if prompt:
        snap.require_known("prompt", [prompt], {p.id for p in config.prompts}, "prompt")


def validate_input(req: InputCreate, snap: Snapshot) -> None:
    """The checks that need the repo: known topics and priorities, a target that exists."""
    validate_filing(snap, req.topics, req.priorities, req.prompt)
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
    store: GovernanceStore, snap: Snapshot, req: InputCreate, who: Identity
) -> tuple[Input, str, str]:
    """The stored input, its path in the repo (shown to the user) and its commit."""
    validate_input(req, snap)
    now = datetime.now(UTC)
    record = Input(
        id=layout.new_id(req.title, now),
        title=req.title,
        url=req.url,
        author=Author(id=who.id, name=who.name),
        submitted=format_time(now),
        topics=list(dict.fromkeys(req.topics)),
        priorities=list(dict.fromkeys(req.priorities)),
        responds_to=req.responds_to or None,
        own_content=True,
        stakeholder=req.stakeholder,
        prompt=req.prompt,
        body=req.summary,
    )
    commit = await store.save(
        [record], f"Add community input: {one_line(req.title)}", who.signature()
    )
    return record, layout.path_of(record), commit
