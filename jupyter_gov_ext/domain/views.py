"""Records as the client sees them: the response models of priorities, inputs and proposals.

Pure: a snapshot, the user and a time in; a model out. What a user may do with a proposal comes
from the lifecycle (via votes.permissions) and is sent with it, so the client never decides it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..contract import responses
from ..contract.errors import GovError
from ..contract.records import Ballot, Input, Priority, Proposal
from . import lifecycle, votes
from .identity import Identity
from .snapshot import Snapshot

# A view is its record's fields (a response model drops the unknown ones a hand-edited file may
# carry) plus what is computed for the client.


def priority_view(p: Priority, snap: Snapshot) -> responses.PriorityView:
    return responses.PriorityView.model_validate(
        {
            **p.model_dump(),
            "input_count": sum(1 for i in snap.inputs if p.id in i.priorities),
            "proposal_count": sum(1 for q in snap.proposals if p.id in q.priorities),
        }
    )


# Each record's view, made once: a record is never modified, so its view cannot go stale, and a
# listing of thousands of inputs costs what changed since the last one.
_INPUT_VIEWS: dict[int, tuple[Input, responses.InputView]] = {}
_MAX_CACHED = 250_000


def input_view(i: Input) -> responses.InputView:
    hit = _INPUT_VIEWS.get(id(i))
    if hit is not None and hit[0] is i:
        return hit[1]
    view = responses.InputView.model_validate({**i.model_dump(exclude={"body"}), "summary": i.body})
    if len(_INPUT_VIEWS) >= _MAX_CACHED:
        _INPUT_VIEWS.clear()  # records replaced many times over: start again
    _INPUT_VIEWS[id(i)] = (i, view)
    return view


def filter_inputs(
    snap: Snapshot,
    topic: str | None = None,
    priority: str | None = None,
    q: str | None = None,
    responds_to: str | None = None,
    since: str | None = None,
) -> list[Input]:
    """Inputs matching every given filter, newest first; `since`: submitted after that time."""
    needle = (q or "").strip().lower()
    out = []
    for i in snap.inputs:
        if since and i.submitted <= since:
            continue
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
    return out


@dataclass(frozen=True)
class Page:
    """A page of a newest-first list: at most `limit` items after the `cursor` item."""

    limit: int | None = None
    cursor: str | None = None
    MAX = 1000

    @classmethod
    def parse(cls, limit: str | None, cursor: str | None) -> Page:
        if limit is None:
            return cls(None, cursor)
        if not limit.isdigit() or not 1 <= int(limit) <= cls.MAX:
            raise GovError(
                "invalid_field", f"'limit' must be a number from 1 to {cls.MAX}.", field="limit"
            )
        return cls(int(limit), cursor)


# The whole listing as JSON, for the snapshot it was made from: what the panel asks for first, so
# a new server makes it in the background at start-up (services/session.warm).
_LISTING: tuple[Snapshot, bytes] | None = None


def all_inputs_json(snap: Snapshot) -> bytes:
    """`GET inputs` with no filter and no page, serialised; made once per snapshot."""
    global _LISTING
    if _LISTING is None or _LISTING[0] is not snap:
        listing = paged(filter_inputs(snap), Page(limit=None, cursor=None))
        _LISTING = (snap, listing.model_dump_json().encode())
    return _LISTING[1]


def paged(items: list[Input], page: Page) -> responses.InputList:
    """The page of inputs, with the cursor of the next page (the id of this page's last input);
    the cursor names an input, so a page stays put while new input arrives at the top."""
    start = 0
    if page.cursor:
        ids = [i.id for i in items]
        if page.cursor not in ids:
            raise GovError("invalid_field", "That cursor names no input.", field="cursor")
        start = ids.index(page.cursor) + 1
    end = len(items) if page.limit is None else start + page.limit
    chosen = items[start:end]
    return responses.InputList(
        inputs=[input_view(i) for i in chosen],
        total=len(items),
        next_cursor=chosen[-1].id if end < len(items) and chosen else None,
    )


def ballot_view(b: Ballot, p: Proposal, member: str | None = None) -> responses.BallotView:
    return responses.BallotView.model_validate(
        {
            **b.model_dump(),
            "member": member,
            # A ballot cast before the sponsor's last edit was cast on a different text.
            "before_edit": bool(p.edited and b.cast < p.edited),
        }
    )


def proposal_view(
    snap: Snapshot, p: Proposal, who: Identity, now: datetime
) -> responses.ProposalView:
    bodies = votes.proposal_bodies(snap, p)
    members = votes.eligible(bodies)
    mine = snap.ballots.get(p.id, {}).get(who.member_id.lower()) if who.member_id else None
    counted = votes.tallies(snap, p)
    allowed = votes.permissions(snap, p, who, now)
    seconds_left = None
    if p.status == "voting" and p.vote is not None:
        seconds_left = max(0, int((votes.parse_time(p.vote.closes) - now).total_seconds()))
    return responses.ProposalView.model_validate(
        {
            **p.model_dump(exclude={"body"}),
            "author": p.author or p.sponsor,
            "bodies": [b.id for b in bodies],
            "body_names": [b.name for b in bodies],
            "seconds_left": seconds_left,
            "can_vote": allowed["vote"].allowed,
            "waiting_for_me": allowed["vote"].allowed and mine is None,
            "my_ballot": ballot_view(mine, p) if mine else None,
            "tallies": counted,
            "outcome_so_far": votes.outcome_so_far(counted),
            "voters": len(set(votes.counted_ballots(snap, p)) & set(members)),
            "eligible": len(members),
            "actions": lifecycle.as_actions(allowed),
        }
    )


def list_proposals(snap: Snapshot, who: Identity, now: datetime) -> list[responses.ProposalView]:
    snap.require_config()
    items = [proposal_view(snap, p, who, now) for p in snap.proposals]
    items.sort(key=lambda v: v.created, reverse=True)
    return items


def proposal_detail(
    snap: Snapshot, proposal_id: str, who: Identity, now: datetime
) -> responses.ProposalDetail:
    p = snap.proposal(proposal_id)
    summary = proposal_view(snap, p, who, now)
    ballots = snap.ballots.get(p.id, {})
    return responses.ProposalDetail(
        **dict(summary),
        body=p.body,
        ballots=[ballot_view(b, p, b.member or key) for key, b in sorted(ballots.items())],
        cited_inputs=[
            responses.CitedInput(id=i.id, title=i.title, url=i.url)
            for i in snap.inputs
            if i.id in p.cites
        ],
        members=[b.public() for b in votes.proposal_bodies(snap, p)],
        why_not=None if summary.can_vote else summary.actions.vote.why,
    )
