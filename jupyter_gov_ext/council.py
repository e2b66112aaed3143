"""The council's workflow: proposals, calling and seconding a vote, ballots, closing, participation.

Every check that needs the repo lives here; the counting itself is in `rules` (pure functions).
Every state change is one commit.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from . import frontmatter, rules
from .errors import GovError
from .identity import Identity
from .models import (
    Ballot,
    BallotRequest,
    Proposal,
    ProposalCreate,
    ProposalPatch,
    TransitionRequest,
    format_time,
)
from .roster import ResolvedBody
from .store import GovernanceStore, Snapshot, check_id, new_id

OPEN_STATES = ("draft", "feedback", "voting")


def _now() -> datetime:
    return datetime.now(UTC)


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def proposal_path(proposal_id: str) -> str:
    return f"proposals/{check_id(proposal_id, 'id')}.md"


def ballot_path(proposal_id: str, member_id: str) -> str:
    return f"votes/{check_id(proposal_id, 'id')}/{member_id}.yml"


def find_proposal(snap: Snapshot, proposal_id: str) -> Proposal:
    for p in snap.proposals:
        if p.id == proposal_id:
            return p
    raise GovError("not_found", f"Proposal '{proposal_id}' does not exist.", 404)


def proposal_bodies(snap: Snapshot, p: Proposal) -> list[ResolvedBody]:
    """The bodies whose approval the proposal needs (default: the first body, the council)."""
    if p.bodies:
        return [b for b in snap.bodies if b.id in p.bodies]
    return snap.bodies[:1]


def _eligible(bodies: list[ResolvedBody]) -> dict[str, str]:
    """Lower-cased member id -> member id, over every body."""
    return {m.id.lower(): m.id for b in bodies for m in b.members}


def _require_member(who: Identity, bodies: list[ResolvedBody], action: str) -> None:
    if who.id.lower() not in _eligible(bodies):
        names = ", ".join(b.name for b in bodies) or "a voting body"
        raise GovError(
            "not_a_member",
            f"Only members of {names} may {action}; you are signed in as '{who.id}' "
            f"(identity from {who.source}).",
            403,
        )


def _serialise(p: Proposal) -> str:
    meta = p.model_dump(exclude={"body"}, exclude_none=True)
    return frontmatter.dumps(meta, p.body)


def _seconds_left(p: Proposal, now: datetime) -> int | None:
    if p.status != "voting" or p.vote is None:
        return None
    return max(0, int((_parse_time(p.vote.closes) - now).total_seconds()))


def body_tallies(
    snap: Snapshot, p: Proposal
) -> list[tuple[ResolvedBody, rules.BinaryTally | rules.RankedTally]]:
    """Each required body's tally, counted on its own with the same rules."""
    config = snap.require_config()
    ballots = snap.ballots.get(p.id, {})
    out: list[tuple[ResolvedBody, rules.BinaryTally | rules.RankedTally]] = []
    for body in proposal_bodies(snap, p):
        ids = [m.id for m in body.members]
        if p.kind == "ranked":
            rankings = {who: b.ranking for who, b in ballots.items() if b.ranking}
            out.append((body, rules.tally_ranked(rankings, ids, p.options, config.rules.quorum)))
        else:
            values = {who: b.value for who, b in ballots.items() if b.value}
            out.append((body, rules.tally_binary(values, ids, config.rules.quorum)))
    return out


def tallies(snap: Snapshot, p: Proposal) -> list[dict[str, Any]]:
    return [
        {"body": body.id, "body_name": body.name, **t.as_dict()}
        for body, t in body_tallies(snap, p)
    ]


def _outcome_so_far(counted: list[dict[str, Any]]) -> str:
    return (
        "accepted" if counted and all(t["outcome"] == "accepted" for t in counted) else "rejected"
    )


def _summary(snap: Snapshot, p: Proposal, who: Identity, now: datetime) -> dict[str, Any]:
    bodies = proposal_bodies(snap, p)
    eligible = _eligible(bodies)
    ballots = snap.ballots.get(p.id, {})
    mine = ballots.get(who.id) or next(
        (b for k, b in ballots.items() if k.lower() == who.id.lower()), None
    )
    counted = tallies(snap, p) if p.status in ("voting", "accepted", "rejected") else []
    voted = {k.lower() for k in ballots} & set(eligible)
    data = p.model_dump(exclude={"body"}, exclude_none=True)
    data.update(
        {
            "bodies": [b.id for b in bodies],
            "body_names": [b.name for b in bodies],
            "seconds_left": _seconds_left(p, now),
            "can_vote": p.status == "voting" and who.id.lower() in eligible,
            "waiting_for_me": p.status == "voting" and who.id.lower() in eligible and mine is None,
            "my_ballot": _ballot_view(mine, p) if mine else None,
            "tallies": counted,
            "outcome_so_far": _outcome_so_far(counted) if counted else None,
            "voters": len(voted),
            "eligible": len(eligible),
        }
    )
    return data


def _ballot_view(b: Ballot, p: Proposal) -> dict[str, Any]:
    data = b.model_dump(exclude_none=True)
    # A ballot cast before the sponsor's last edit was cast on a different text.
    data["before_edit"] = bool(p.edited and b.cast < p.edited)
    return data


def list_proposals(snap: Snapshot, who: Identity) -> list[dict[str, Any]]:
    snap.require_config()
    now = _now()
    items = [_summary(snap, p, who, now) for p in snap.proposals]
    items.sort(key=lambda d: d["created"], reverse=True)
    return items


def proposal_detail(snap: Snapshot, proposal_id: str, who: Identity) -> dict[str, Any]:
    p = find_proposal(snap, proposal_id)
    data = _summary(snap, p, who, _now())
    data["body"] = p.body
    ballots = snap.ballots.get(p.id, {})
    data["ballots"] = [
        {**_ballot_view(b, p), "member": member} for member, b in sorted(ballots.items())
    ]
    data["cited_inputs"] = [
        {"id": i.id, "title": i.title, "url": i.url} for i in snap.inputs if i.id in p.cites
    ]
    data["members"] = [b.public() for b in proposal_bodies(snap, p)]
    if not data["can_vote"]:
        data["why_not"] = _why_not(p, who, proposal_bodies(snap, p))
    return data


def _why_not(p: Proposal, who: Identity, bodies: list[ResolvedBody]) -> str:
    if who.id.lower() not in _eligible(bodies):
        names = " or ".join(b.name for b in bodies) or "a voting body"
        return f"You ({who.id}) are not a member of {names}, so you can read but not vote."
    if p.status in ("draft", "feedback"):
        return "The vote has not opened yet."
    return "The vote is closed."


async def create_proposal(
    store: GovernanceStore, snap: Snapshot, req: ProposalCreate, who: Identity
) -> tuple[dict[str, Any], str]:
    snap.require_config()
    known_bodies = {b.id for b in snap.bodies}
    for body_id in req.bodies:
        if body_id not in known_bodies:
            raise GovError("invalid_field", f"Unknown voting body '{body_id}'.", field="bodies")
    bodies = [b for b in snap.bodies if b.id in req.bodies] or snap.bodies[:1]
    _require_member(who, bodies, "draft proposals")
    known_priorities = {p.id for p in snap.priorities}
    for pid in req.priorities:
        if pid not in known_priorities:
            raise GovError(
                "invalid_field", f"Unknown funding priority '{pid}'.", field="priorities"
            )
    input_ids = {i.id for i in snap.inputs}
    for cited in req.cites:
        if cited not in input_ids:
            raise GovError("invalid_field", f"Cited input '{cited}' does not exist.", field="cites")
    now = _now()
    p = Proposal(
        id=new_id(req.title, now),
        title=req.title,
        sponsor=who.id,
        seconded_by=None,
        created=format_time(now),
        status="draft",
        kind=req.kind,
        options=req.options,
        door=req.door,
        priorities=req.priorities,
        cites=req.cites,
        bodies=list(dict.fromkeys(req.bodies)),
        body=req.body.strip("\n"),
    )
    commit = await store.write(
        {proposal_path(p.id): _serialise(p)},
        f"Draft proposal: {_one_line(p.title)}",
        who.signature(),
    )
    snap.proposals.append(p)
    return _summary(snap, p, who, now), commit


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _require_sponsor(p: Proposal, who: Identity, action: str) -> None:
    if p.sponsor.lower() != who.id.lower():
        raise GovError("not_allowed", f"Only the sponsor ({p.sponsor}) may {action}.", 403)


async def edit_proposal(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, req: ProposalPatch, who: Identity
) -> str:
    config = snap.require_config()
    p = find_proposal(snap, proposal_id)
    _require_sponsor(p, who, "edit this proposal")
    if p.status not in OPEN_STATES:
        raise GovError("conflict", f"A {p.status} proposal can no longer be edited.", 409)
    if req.title is None and req.body is None:
        raise GovError("invalid_field", "Send a new 'title' or 'body'.", field="title")
    now = _now()
    changes: dict[str, Any] = {"edited": format_time(now)}
    if req.title is not None:
        changes["title"] = req.title
    if req.body is not None:
        changes["body"] = req.body.strip("\n")
    message = f"Edit proposal: {_one_line(changes.get('title', p.title))}"
    if p.status == "voting":
        closes = now + timedelta(days=config.rules.vote_days)
        changes["vote"] = {"opened": format_time(now), "closes": format_time(closes)}
        message += " (vote period restarted)"
    updated = Proposal.model_validate({**p.model_dump(), **changes})
    return await store.write({proposal_path(p.id): _serialise(updated)}, message, who.signature())


async def transition(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, req: TransitionRequest, who: Identity
) -> str:
    config = snap.require_config()
    p = find_proposal(snap, proposal_id)
    bodies = proposal_bodies(snap, p)
    title = _one_line(p.title)
    changes: dict[str, Any]
    if req.second:
        _require_member(who, bodies, "second a vote")
        if not p.second_requested or p.status not in ("draft", "feedback"):
            raise GovError("conflict", "No vote has been called on this proposal yet.", 409)
        if p.sponsor.lower() == who.id.lower():
            raise GovError(
                "not_allowed", "The sponsor cannot second their own call; another member must.", 403
            )
        now = _now()
        closes = now + timedelta(days=config.rules.vote_days)
        changes = {
            "status": "voting",
            "seconded_by": who.id,
            "second_requested": False,
            "vote": {"opened": format_time(now), "closes": format_time(closes)},
        }
        message = f"Second the call to vote on {title}: vote open until {format_time(closes)}"
    elif req.to == "feedback":
        _require_sponsor(p, who, "open this proposal for feedback")
        if p.status != "draft":
            raise GovError(
                "conflict", f"Only a draft can move to feedback (it is {p.status}).", 409
            )
        changes, message = {"status": "feedback"}, f"Open proposal for feedback: {title}"
    elif req.to == "voting":
        _require_sponsor(p, who, "call a vote")
        if p.status not in ("draft", "feedback") or p.second_requested:
            raise GovError("conflict", f"A vote cannot be called now (status {p.status}).", 409)
        changes, message = {"second_requested": True}, f"Call a vote on {title} (needs a second)"
    else:
        _require_sponsor(p, who, "withdraw this proposal")
        if p.status not in OPEN_STATES:
            raise GovError("conflict", f"A {p.status} proposal cannot be withdrawn.", 409)
        changes, message = {"status": "withdrawn", "second_requested": False}, f"Withdraw {title}"
    updated = Proposal.model_validate({**p.model_dump(), **changes})
    return await store.write({proposal_path(p.id): _serialise(updated)}, message, who.signature())


async def cast_ballot(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, req: BallotRequest, who: Identity
) -> str:
    snap.require_config()
    p = find_proposal(snap, proposal_id)
    bodies = proposal_bodies(snap, p)
    _require_member(who, bodies, "cast ballots on this proposal")
    if p.status != "voting" or p.vote is None:
        raise GovError("conflict", f"This proposal is not open for voting (it is {p.status}).", 409)
    now = _now()
    if now >= _parse_time(p.vote.closes):
        raise GovError("conflict", "The voting period has ended; the vote can only be closed.", 409)
    data: dict[str, Any] = {"cast": format_time(now)}
    if p.kind == "binary":
        if req.value is None:
            raise GovError("invalid_field", "This is a yes / no / blank vote.", field="value")
        data["value"] = req.value
    else:
        if req.ranking is None:
            raise GovError(
                "invalid_field", "This is a ranked vote: send a ranking.", field="ranking"
            )
        if not req.ranking or len(set(req.ranking)) != len(req.ranking):
            raise GovError("invalid_field", "Rank each option at most once.", field="ranking")
        unknown = [o for o in req.ranking if o not in p.options]
        if unknown:
            raise GovError("invalid_field", f"Unknown option '{unknown[0]}'.", field="ranking")
        data["ranking"] = req.ranking
    if req.comment.strip():
        data["comment"] = req.comment.strip()
    member_id = _eligible(bodies)[who.id.lower()]
    previous = snap.ballots.get(p.id, {}).get(member_id)
    verb = "Change vote" if previous else "Vote"
    return await store.write(
        {ballot_path(p.id, member_id): frontmatter.dump_yaml(data)},
        f"{verb} on {_one_line(p.title)}",
        who.signature(),
    )


async def close_vote(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, who: Identity
) -> str:
    snap.require_config()
    p = find_proposal(snap, proposal_id)
    if p.status != "voting" or p.vote is None:
        raise GovError("conflict", f"Only an open vote can be closed (it is {p.status}).", 409)
    bodies = proposal_bodies(snap, p)
    _require_member(who, bodies, "close this vote")
    eligible = set(_eligible(bodies))
    voted = {k.lower() for k in snap.ballots.get(p.id, {})}
    now = _now()
    if now < _parse_time(p.vote.closes) and not eligible <= voted:
        raise GovError(
            "conflict",
            f"The vote is open until {p.vote.closes} and {len(eligible - voted)} member(s) "
            "have not voted yet.",
            409,
        )
    counted = body_tallies(snap, p)
    outcome, winner = rules.combined_outcome([t for _, t in counted])
    decision = {
        "decided": format_time(now),
        "outcome": outcome,
        "tally": {
            "bodies": [{"body": b.id, **t.as_dict()} for b, t in counted],
            **({"winner": winner} if winner else {}),
        },
        "ballots_commit": await store.git.head(),
    }
    updated = Proposal.model_validate({**p.model_dump(), "status": outcome, "decision": decision})
    return await store.write(
        {proposal_path(p.id): _serialise(updated)},
        f"Close vote on {_one_line(p.title)}: {outcome}",
        who.signature(),
    )


def participation_report(snap: Snapshot) -> list[dict[str, Any]]:
    config = snap.require_config()
    votes = []
    for p in snap.proposals:
        if p.vote is None or p.status not in ("voting", "accepted", "rejected"):
            continue
        eligible = frozenset(_eligible(proposal_bodies(snap, p)).values())
        voters = frozenset(snap.ballots.get(p.id, {}))
        votes.append(rules.FormalVote(p.id, _parse_time(p.vote.opened).year, eligible, voters))
    members = list(dict.fromkeys(m.id for b in snap.bodies for m in b.members))
    return rules.participation(votes, members, config.rules.participation)


def export_markdown(snap: Snapshot, proposal_id: str) -> str:
    """A block to paste into a team-compass issue or PR: Jupyter's Yes / No / Abstain checklists."""
    p = find_proposal(snap, proposal_id)
    ballots = {k.lower(): b for k, b in snap.ballots.get(p.id, {}).items()}
    lines = [f"## {_one_line(p.title)}", ""]
    summary = p.body.strip().split("\n\n")[0] if p.body.strip() else ""
    if summary:
        lines += [summary, ""]
    lines += [
        f"Sponsor: @{p.sponsor}" + (f" · Seconded by: @{p.seconded_by}" if p.seconded_by else "")
    ]
    if p.vote:
        lines.append(f"Voting period: {p.vote.opened} to {p.vote.closes}")
    lines.append("")
    labels = (("yes", "Yes"), ("no", "No"), ("blank", "Abstain"))
    for body in proposal_bodies(snap, p):
        lines += [f"{body.name}:"]
        for m in body.members:
            b = ballots.get(m.id.lower())
            lines.append(f"- @{m.id}")
            if p.kind == "ranked":
                ranking = " > ".join(b.ranking) if b and b.ranking else ""
                lines.append(f"  - Ranking: {ranking}" if ranking else "  - [ ] Ranked")
                continue
            for value, label in labels:
                ticked = "x" if b and b.value == value else " "
                lines.append(f"  - [{ticked}] {label}")
        lines.append("")
    counted = tallies(snap, p) if p.status in ("voting", "accepted", "rejected") else []
    for t in counted:
        if p.kind == "ranked":
            lines.append(f"{t['body_name']}: winner {t['winner'] or 'none'} ({t['reason']}).")
        else:
            lines.append(
                f"{t['body_name']}: {t['yes']} yes, {t['no']} no, {t['blank']} abstain; quorum "
                f"{'met' if t['quorum_met'] else 'not met'} ({t['cast']}/{t['members']})."
            )
    if p.decision:
        lines.append(f"**Result: {p.decision.outcome}** (decided {p.decision.decided}).")
    elif counted:
        lines.append(f"Result so far: {_outcome_so_far(counted)} (vote open).")
    return "\n".join(lines).rstrip() + "\n"
