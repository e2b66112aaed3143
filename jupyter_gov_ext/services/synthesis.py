"""The synthesis board's workflows: council members draft pillars, place inputs on them, and turn
pillars into a proposal that cites every supporting input. One commit per step, like the rest."""

from __future__ import annotations

from datetime import UTC, datetime

from ..contract.errors import GovError
from ..contract.fields import format_time
from ..contract.records import Pillar, Proposal
from ..contract.requests import PillarCreate, PillarPatch, ProposeFromPillars
from ..domain import synthesis
from ..domain.export import one_line
from ..domain.identity import Identity
from ..domain.snapshot import Snapshot
from ..storage import layout
from ..storage.store import GovernanceStore


def _require_member(who: Identity) -> None:
    if not who.is_member:
        raise GovError("not_a_member", "Only council members synthesise input into pillars.", 403)


def _known_inputs(snap: Snapshot, field: str, ids: list[str]) -> None:
    snap.require_known(field, ids, {i.id for i in snap.inputs}, "input")


async def create_pillar(
    store: GovernanceStore, snap: Snapshot, req: PillarCreate, who: Identity
) -> tuple[Pillar, str]:
    snap.require_config()
    _require_member(who)
    _known_inputs(snap, "inputs", req.inputs)
    now = datetime.now(UTC)
    pillar = Pillar(
        id=layout.new_id(req.title, now),
        title=req.title,
        author=who.id,
        created=format_time(now),
        inputs=list(dict.fromkeys(req.inputs)),
        body=req.summary.strip("\n"),
    )
    commit = await store.save([pillar], f"Draft pillar: {one_line(pillar.title)}", who.signature())
    return pillar, commit


async def edit_pillar(
    store: GovernanceStore, snap: Snapshot, pillar_id: str, req: PillarPatch, who: Identity
) -> tuple[Pillar, str]:
    snap.require_config()
    _require_member(who)
    p = snap.pillar(pillar_id)
    _known_inputs(snap, "add", req.add)
    removed = set(req.remove)
    inputs = [i for i in p.inputs if i not in removed]
    inputs += [i for i in req.add if i not in inputs]
    changes = {
        "inputs": inputs,
        **({"title": req.title} if req.title is not None else {}),
        **({"body": req.summary.strip("\n")} if req.summary is not None else {}),
    }
    if all(getattr(p, k) == v for k, v in changes.items()):
        return p, await store.head() or ""  # nothing changes: no commit
    updated = Pillar.model_validate(
        {**p.model_dump(), **changes, "edited": format_time(datetime.now(UTC))}
    )
    added, removed = len(set(inputs) - set(p.inputs)), len(set(p.inputs) - set(inputs))
    what = f" (+{added} / -{removed} inputs)" if added or removed else ""
    commit = await store.save(
        [updated], f"Edit pillar: {one_line(updated.title)}{what}", who.signature()
    )
    return updated, commit


async def propose(
    store: GovernanceStore, snap: Snapshot, req: ProposeFromPillars, who: Identity
) -> tuple[Proposal, str]:
    """A draft proposal from pillars: yes / no on one, a ranked vote (with seats) over several;
    it cites every input behind them and names the pillars, so the trace is kept both ways."""
    config = snap.require_config()
    _require_member(who)
    pillars = [snap.pillar(pid) for pid in req.pillars]
    snap.require_known("bodies", req.bodies, {b.id for b in snap.bodies}, "voting body")
    titles = [p.title for p in pillars]
    if len(set(titles)) != len(titles):
        raise GovError(
            "invalid_field",
            "Two of these pillars have the same title: rename one.",
            field="pillars",
        )
    known = {i.id: i for i in snap.inputs}
    cites = list(dict.fromkeys(i for p in pillars for i in p.inputs if i in known))
    known_priorities = {p.id for p in snap.priorities}
    priorities = list(
        dict.fromkeys(pr for i in cites for pr in known[i].priorities if pr in known_priorities)
    )
    ranked = len(pillars) > 1
    now = datetime.now(UTC)
    proposal = Proposal(
        id=layout.new_id(req.title, now),
        title=req.title,
        sponsor=who.id,
        author=who.id,
        created=format_time(now),
        status="draft",
        kind="ranked" if ranked else "binary",
        options=titles if ranked else [],
        seats=req.seats,
        threshold="majority" if ranked else config.rules.threshold,
        door=req.door,
        priorities=priorities,
        cites=cites,
        pillars=[p.id for p in pillars],
        bodies=list(dict.fromkeys(req.bodies)),
        body=synthesis.proposal_text(pillars, snap),
    )
    commit = await store.save(
        [proposal], f"Draft proposal: {one_line(proposal.title)} (from pillars)", who.signature()
    )
    return proposal, commit
