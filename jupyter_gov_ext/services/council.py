"""The council's workflows: draft, edit, call, second, withdraw, vote, close. Each asks the lifecycle
whether the user may (domain.votes.permissions), builds the new records and hands them to the store:
one commit per step. The counting itself is in domain.rules; the views in domain.views.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ..contract import responses
from ..contract.errors import GovError
from ..contract.fields import format_time
from ..contract.records import Ballot, Proposal
from ..contract.requests import BallotRequest, ProposalCreate, ProposalPatch, TransitionRequest
from ..domain import history, lifecycle, votes
from ..domain.export import one_line
from ..domain.identity import Identity
from ..domain.snapshot import Snapshot
from ..storage import layout
from ..storage.store import GovernanceStore


def _now() -> datetime:
    return datetime.now(UTC)


def _step(
    snap: Snapshot, proposal_id: str, who: Identity, action: str | None
) -> tuple[Proposal, datetime, dict[str, lifecycle.Permission]]:
    """The proposal, the time, and the user's permissions; `action` is required if given."""
    snap.require_config()
    p = snap.proposal(proposal_id)
    now = _now()
    allowed = votes.permissions(snap, p, who, now)
    if action:
        lifecycle.require(allowed, action)
    return p, now, allowed


def _period(now: datetime, days: int) -> dict[str, str]:
    """A voting period from now (decision_making.md, "Calling a vote": seven days by default)."""
    return {"opened": format_time(now), "closes": format_time(now + timedelta(days=days))}


async def create_proposal(
    store: GovernanceStore, snap: Snapshot, req: ProposalCreate, who: Identity
) -> tuple[Proposal, str]:
    """Anyone may draft a proposal for a council to take up (decision_making.md, "Required aspects
    of decision making": "decisions may be proposed by members of the council or by a broader group
    of stakeholders/contributors"); only a member can call its vote."""
    config = snap.require_config()
    snap.require_known("bodies", req.bodies, {b.id for b in snap.bodies}, "voting body")
    snap.require_priorities(req.priorities)
    snap.require_known("cites", req.cites, {i.id for i in snap.inputs}, "cited input")
    now = _now()
    p = Proposal(
        id=layout.new_id(req.title, now),
        title=req.title,
        sponsor=who.id,
        author=who.id,
        seconded_by=None,
        created=format_time(now),
        status="draft",
        kind=req.kind,
        options=req.options,
        seats=req.seats,
        threshold=(req.threshold or config.rules.threshold) if req.kind == "binary" else "majority",
        door=req.door,
        priorities=req.priorities,
        cites=req.cites,
        bodies=list(dict.fromkeys(req.bodies)),
        body=req.body.strip("\n"),
    )
    commit = await store.save([p], f"Draft proposal: {one_line(p.title)}", who.signature())
    return p, commit


async def edit_proposal(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, req: ProposalPatch, who: Identity
) -> str:
    p, now, _ = _step(snap, proposal_id, who, "edit")
    if req.title is None and req.body is None:
        raise GovError("invalid_field", "Send a new 'title' or 'body'.", field="title")
    if (req.title is None or req.title == p.title) and (
        req.body is None or req.body.strip("\n") == p.body
    ):
        # Sent twice, or nothing changed: no commit, and a running vote's period is not reset.
        return await store.head() or ""
    changes: dict[str, Any] = {"edited": format_time(now)}
    if req.title is not None:
        changes["title"] = req.title
    if req.body is not None:
        changes["body"] = req.body.strip("\n")
    message = f"Edit proposal: {one_line(changes.get('title', p.title))}"
    if p.status == "voting":
        # decision_making.md, "Calling a vote": an update by the sponsor resets the period.
        changes["vote"] = _period(now, snap.require_config().rules.vote_days)
        message += " (vote period restarted)"
    updated = Proposal.model_validate({**p.model_dump(), **changes})
    return await store.save([updated], message, who.signature())


async def transition(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, req: TransitionRequest, who: Identity
) -> str:
    p, now, allowed = _step(snap, proposal_id, who, None)
    title = one_line(p.title)
    changes: dict[str, Any]
    if req.second:
        lifecycle.require(allowed, "second")
        # decision_making.md, "Calling a vote": seconded by another member, then seven days.
        period = _period(now, snap.require_config().rules.vote_days)
        changes = {
            "status": "voting",
            "seconded_by": who.id,
            "second_requested": False,
            "vote": period,
        }
        message = f"Second the call to vote on {title}: vote open until {period['closes']}"
    elif req.to == "feedback":
        lifecycle.require(allowed, "feedback")
        changes, message = {"status": "feedback"}, f"Open proposal for feedback: {title}"
    elif req.to == "voting":
        lifecycle.require(allowed, "call")
        # decision_making.md, "Calling a vote": any member may call it and becomes its sponsor.
        changes = {"second_requested": True, "sponsor": who.id, "author": p.author or p.sponsor}
        message = f"Call a vote on {title} (sponsor {who.id}; needs a second)"
    else:
        lifecycle.require(allowed, "withdraw")
        changes, message = {"status": "withdrawn", "second_requested": False}, f"Withdraw {title}"
    updated = Proposal.model_validate({**p.model_dump(), **changes})
    return await store.save([updated], message, who.signature())


def _ballot(p: Proposal, req: BallotRequest, now: datetime) -> Ballot:
    data: dict[str, Any] = {"cast": format_time(now), "comment": req.comment.strip()}
    if p.kind == "binary":
        if req.value is None:
            raise GovError("invalid_field", "This is a yes / no / blank vote.", field="value")
        data["value"] = req.value
    elif req.value is not None:
        # decision_making.md, "Voter participation and quorum": "a 'blank' option will always be
        # included", ranked votes too; it counts toward the quorum only.
        if req.value != "blank":
            raise GovError(
                "invalid_field", "A ranked vote takes a ranking or a blank ballot.", field="value"
            )
        data["value"] = "blank"
    else:
        ranking = req.ranking or []
        if not ranking or len(set(ranking)) != len(ranking):
            raise GovError("invalid_field", "Rank each option at most once.", field="ranking")
        unknown = [o for o in ranking if o not in p.options]
        if unknown:
            raise GovError("invalid_field", f"Unknown option '{unknown[0]}'.", field="ranking")
        data["ranking"] = ranking
    return Ballot.model_validate(data)


def _same_choice(previous: Ballot, new: Ballot) -> bool:
    return (previous.value, previous.ranking or None, previous.comment) == (
        new.value,
        new.ranking or None,
        new.comment,
    )


async def cast_ballot(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, req: BallotRequest, who: Identity
) -> str:
    p, now, _ = _step(snap, proposal_id, who, "vote")
    ballot = _ballot(p, req, now)
    member_id = votes.eligible(votes.proposal_bodies(snap, p))[(who.member_id or "").lower()]
    previous = snap.ballots.get(p.id, {}).get(member_id.lower())
    if previous is not None and _same_choice(previous, ballot):
        return await store.head() or ""  # sent twice: nothing changes, no new commit
    verb = "Change vote" if previous else "Vote"
    return await store.save(
        [layout.CastBallot(p.id, member_id, ballot)],
        f"{verb} on {one_line(p.title)}",
        who.signature(),
    )


async def close_vote(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, who: Identity
) -> str:
    p, _, _ = _step(snap, proposal_id, who, "close")
    return await _record_decision(store, snap, p, who)


async def _record_decision(
    store: GovernanceStore, snap: Snapshot, p: Proposal, who: Identity
) -> str:
    updated = votes.decided(snap, p)
    return await store.save(
        [updated], f"Close vote on {one_line(p.title)}: {updated.status}", who.signature()
    )


async def close_due_votes(store: GovernanceStore, snap: Snapshot, who: Identity) -> list[str]:
    """Record the decision of every vote whose period is over or that every member voted on.

    Votes close by themselves (CONTRACT.md §2): the next server that sees one due records it, in
    one commit per vote. Nobody has to press Close.
    """
    if snap.config is None:
        return []
    now = _now()
    due = [p for p in snap.proposals if votes.due_for_closing(snap, p, now)]
    return [await _record_decision(store, snap, p, who) for p in due]


async def proposal_history(
    store: GovernanceStore, snap: Snapshot, proposal_id: str
) -> responses.ProposalHistory:
    """Every step of a proposal's life, from the commits that wrote its file and its ballots."""
    snap.proposal(proposal_id)  # 404 for a proposal that does not exist
    commits = await store.history(layout.proposal_paths(proposal_id))
    verdicts = await store.commit_signatures([c.commit for c in commits], snap.config)
    return responses.ProposalHistory(
        events=history.proposal_events(commits, proposal_id, verdicts),
        allowed_signers=snap.config.allowed_signers if snap.config else None,
    )
