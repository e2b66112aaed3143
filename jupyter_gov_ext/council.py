"""The council's workflow: proposals, calling and seconding a vote, ballots, closing, participation.

Every check that needs the repo lives here; the counting itself is in `rules` (pure functions).
Every state change is one commit.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from typing import Any

from . import frontmatter, lifecycle, rules
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


def _now() -> datetime:
    return datetime.now(UTC)


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def proposal_path(proposal_id: str) -> str:
    return f"proposals/{check_id(proposal_id, 'id')}.md"


def ballot_path(snap: Snapshot, proposal_id: str, member_id: str) -> str:
    """Where a member's ballot lives: the file they already have (any case), else their id."""
    existing = snap.ballot_files.get(proposal_id, {}).get(member_id.lower())
    return existing or f"votes/{check_id(proposal_id, 'id')}/{member_id}.yml"


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


def _serialise(p: Proposal) -> str:
    meta = p.model_dump(exclude={"body"}, exclude_none=True)
    return frontmatter.dumps(meta, p.body)


def counted_ballots(snap: Snapshot, p: Proposal) -> dict[str, Ballot]:
    """The ballots that count, by lower-cased member id: those cast before the period ended."""
    ballots = snap.ballots.get(p.id, {})
    if p.vote is None:
        return dict(ballots)
    closes = _parse_time(p.vote.closes)
    return {k: b for k, b in ballots.items() if _parse_time(b.cast) <= closes}


def _everyone_voted(snap: Snapshot, p: Proposal, bodies: list[ResolvedBody]) -> bool:
    eligible = set(_eligible(bodies))
    return bool(eligible) and eligible <= set(counted_ballots(snap, p))


def _actor(who: Identity, bodies: list[ResolvedBody]) -> lifecycle.Actor:
    names = " or ".join(b.name for b in bodies) or "a voting body"
    member = who.member_id is not None and who.member_id.lower() in _eligible(bodies)
    return lifecycle.Actor(who.id, member, names)


def permissions(
    snap: Snapshot, p: Proposal, who: Identity, now: datetime
) -> dict[str, lifecycle.Permission]:
    bodies = proposal_bodies(snap, p)
    return lifecycle.decide(p, _actor(who, bodies), now, _everyone_voted(snap, p, bodies))


def _seconds_left(p: Proposal, now: datetime) -> int | None:
    if p.status != "voting" or p.vote is None:
        return None
    return max(0, int((_parse_time(p.vote.closes) - now).total_seconds()))


def body_tallies(
    snap: Snapshot, p: Proposal
) -> list[tuple[ResolvedBody, rules.BinaryTally | rules.RankedTally]]:
    """Each required body's tally, counted on its own with the same rules."""
    config = snap.require_config()
    ballots = counted_ballots(snap, p)
    out: list[tuple[ResolvedBody, rules.BinaryTally | rules.RankedTally]] = []
    for body in proposal_bodies(snap, p):
        ids = [m.id for m in body.members]
        if p.kind == "ranked":
            # A blank ballot on a ranked vote is `value: blank` (or an empty ranking).
            rankings = {
                who: (b.ranking or None) for who, b in ballots.items() if b.ranking or b.value
            }
            tally = rules.tally_ranked(rankings, ids, p.options, config.rules.quorum, p.seats)
            out.append((body, tally))
        else:
            values = {who: b.value for who, b in ballots.items() if b.value}
            tally = rules.tally_binary(values, ids, config.rules.quorum, p.threshold)
            out.append((body, tally))
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
    mine = ballots.get(who.member_id.lower()) if who.member_id else None
    counted = tallies(snap, p) if p.status in ("voting", "accepted", "rejected") else []
    voted = set(counted_ballots(snap, p)) & set(eligible)
    allowed = permissions(snap, p, who, now)
    data = p.model_dump(exclude={"body"}, exclude_none=True)
    data.update(
        {
            "author": p.author or p.sponsor,
            "bodies": [b.id for b in bodies],
            "body_names": [b.name for b in bodies],
            "seconds_left": _seconds_left(p, now),
            "can_vote": allowed["vote"].allowed,
            "waiting_for_me": allowed["vote"].allowed and mine is None,
            "my_ballot": _ballot_view(mine, p) if mine else None,
            "tallies": counted,
            "outcome_so_far": _outcome_so_far(counted) if counted else None,
            "voters": len(voted),
            "eligible": len(eligible),
            "actions": {name: perm.as_dict() for name, perm in allowed.items()},
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
        {**_ballot_view(b, p), "member": b.member or key} for key, b in sorted(ballots.items())
    ]
    data["cited_inputs"] = [
        {"id": i.id, "title": i.title, "url": i.url} for i in snap.inputs if i.id in p.cites
    ]
    data["members"] = [b.public() for b in proposal_bodies(snap, p)]
    if not data["can_vote"]:
        data["why_not"] = data["actions"]["vote"]["why"]
    return data


async def create_proposal(
    store: GovernanceStore, snap: Snapshot, req: ProposalCreate, who: Identity
) -> tuple[dict[str, Any], str]:
    """Anyone may draft a proposal for a council to take up (decision_making.md, "Required aspects
    of decision making": "decisions may be proposed by members of the council or by a broader group
    of stakeholders/contributors"); only a member can call its vote."""
    config = snap.require_config()
    known_bodies = {b.id for b in snap.bodies}
    for body_id in req.bodies:
        if body_id not in known_bodies:
            raise GovError("invalid_field", f"Unknown voting body '{body_id}'.", field="bodies")
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
        author=who.id,
        seconded_by=None,
        created=format_time(now),
        status="draft",
        kind=req.kind,
        options=req.options,
        seats=req.seats,
        threshold=req.threshold or config.rules.threshold if req.kind == "binary" else "majority",
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


async def edit_proposal(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, req: ProposalPatch, who: Identity
) -> str:
    config = snap.require_config()
    p = find_proposal(snap, proposal_id)
    now = _now()
    lifecycle.require(permissions(snap, p, who, now), "edit")
    if req.title is None and req.body is None:
        raise GovError("invalid_field", "Send a new 'title' or 'body'.", field="title")
    if (req.title is None or req.title == p.title) and (
        req.body is None or req.body.strip("\n") == p.body
    ):
        # Sent twice, or nothing changed: no commit, and a running vote's period is not reset.
        return await store.git.head() or ""
    changes: dict[str, Any] = {"edited": format_time(now)}
    if req.title is not None:
        changes["title"] = req.title
    if req.body is not None:
        changes["body"] = req.body.strip("\n")
    message = f"Edit proposal: {_one_line(changes.get('title', p.title))}"
    if p.status == "voting":
        # decision_making.md, "Calling a vote": an update by the sponsor resets the period.
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
    now = _now()
    allowed = permissions(snap, p, who, now)
    title = _one_line(p.title)
    changes: dict[str, Any]
    if req.second:
        lifecycle.require(allowed, "second")
        # decision_making.md, "Calling a vote": seconded by another member, then seven days.
        closes = now + timedelta(days=config.rules.vote_days)
        changes = {
            "status": "voting",
            "seconded_by": who.id,
            "second_requested": False,
            "vote": {"opened": format_time(now), "closes": format_time(closes)},
        }
        message = f"Second the call to vote on {title}: vote open until {format_time(closes)}"
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
    return await store.write({proposal_path(p.id): _serialise(updated)}, message, who.signature())


async def cast_ballot(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, req: BallotRequest, who: Identity
) -> str:
    snap.require_config()
    p = find_proposal(snap, proposal_id)
    now = _now()
    lifecycle.require(permissions(snap, p, who, now), "vote")
    data: dict[str, Any] = {"cast": format_time(now)}
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
    if req.comment.strip():
        data["comment"] = req.comment.strip()
    bodies = proposal_bodies(snap, p)
    member_id = _eligible(bodies)[(who.member_id or "").lower()]
    previous = snap.ballots.get(p.id, {}).get(member_id.lower())
    if previous is not None and _same_choice(previous, data):
        return await store.git.head() or ""  # sent twice: nothing changes, no new commit
    verb = "Change vote" if previous else "Vote"
    return await store.write(
        {ballot_path(snap, p.id, member_id): frontmatter.dump_yaml(data)},
        f"{verb} on {_one_line(p.title)}",
        who.signature(),
    )


def _same_choice(previous: Ballot, data: dict[str, Any]) -> bool:
    return (
        previous.value == data.get("value")
        and (previous.ranking or None) == data.get("ranking")
        and (previous.comment or "") == data.get("comment", "")
    )


def ballots_digest(ballots: dict[str, Ballot]) -> str:
    """sha256 of the counted ballots in a canonical form: anyone can recompute it from votes/.

    One line per ballot, sorted by lower-cased member id: `member<TAB>cast<TAB>value or ranking`.
    """
    lines = []
    for member, b in sorted(ballots.items()):
        choice = b.value if b.value else " > ".join(b.ranking or [])
        lines.append(f"{member}\t{b.cast}\t{choice}")
    return "sha256:" + hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def decided_proposal(snap: Snapshot, p: Proposal) -> Proposal:
    """The proposal with its decision recorded: the same bytes from any clone with these ballots.

    Its time is the end of the period, or the last ballot when every member voted before it.
    """
    bodies = proposal_bodies(snap, p)
    ballots = counted_ballots(snap, p)
    assert p.vote is not None
    if _everyone_voted(snap, p, bodies):
        eligible = set(_eligible(bodies))
        decided = max(_parse_time(b.cast) for k, b in ballots.items() if k in eligible)
        decided = min(decided, _parse_time(p.vote.closes))
    else:
        decided = _parse_time(p.vote.closes)
    counted = body_tallies(snap, p)
    outcome, winner = rules.combined_outcome([t for _, t in counted])
    decision = {
        "decided": format_time(decided),
        "outcome": outcome,
        "tally": {
            "bodies": [{"body": b.id, **t.as_dict()} for b, t in counted],
            **({"winner": winner} if winner else {}),
        },
        "ballots_digest": ballots_digest(ballots),
    }
    return Proposal.model_validate({**p.model_dump(), "status": outcome, "decision": decision})


async def close_vote(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, who: Identity
) -> str:
    snap.require_config()
    p = find_proposal(snap, proposal_id)
    lifecycle.require(permissions(snap, p, who, _now()), "close")
    return await _record_decision(store, snap, p, who)


async def _record_decision(
    store: GovernanceStore, snap: Snapshot, p: Proposal, who: Identity
) -> str:
    updated = decided_proposal(snap, p)
    return await store.write(
        {proposal_path(p.id): _serialise(updated)},
        f"Close vote on {_one_line(p.title)}: {updated.status}",
        who.signature(),
    )


async def close_due_votes(store: GovernanceStore, snap: Snapshot, who: Identity) -> list[str]:
    """Record the decision of every vote whose period is over or that every member voted on.

    Votes close by themselves (CONTRACT.md §2): the next server that sees one due records it, in
    one commit per vote. Nobody has to press Close.
    """
    if snap.config is None:
        return []
    now = _now()
    due = [
        p
        for p in snap.proposals
        if lifecycle.closing_time(p, now, _everyone_voted(snap, p, proposal_bodies(snap, p)))
    ]
    return [await _record_decision(store, snap, p, who) for p in due]


def participation_report(snap: Snapshot) -> list[dict[str, Any]]:
    """decision_making.md, "Voter participation and quorum": closed formal votes only, each
    charged to the members whose seat covered the day it opened."""
    config = snap.require_config()
    votes = []
    for p in snap.proposals:
        if p.vote is None or p.status not in ("accepted", "rejected"):
            continue
        eligible = frozenset(_eligible(proposal_bodies(snap, p)))
        voters = frozenset(counted_ballots(snap, p))
        votes.append(rules.FormalVote(p.id, _parse_time(p.vote.opened).date(), eligible, voters))
    seats: dict[str, rules.Membership] = {}
    for body in snap.bodies:
        for m in body.members:
            seats.setdefault(
                m.id.lower(),
                rules.Membership(
                    m.id,
                    date.fromisoformat(m.since) if m.since else None,
                    date.fromisoformat(m.until) if m.until else None,
                ),
            )
    return rules.participation(votes, seats.values(), config.rules.participation)


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
                if b and b.value == "blank":
                    lines.append("  - [x] Abstain")
                else:
                    lines.append(f"  - Ranking: {ranking}" if ranking else "  - [ ] Ranked")
                continue
            for value, label in labels:
                ticked = "x" if b and b.value == value else " "
                lines.append(f"  - [{ticked}] {label}")
        lines.append("")
    counted = tallies(snap, p) if p.status in ("voting", "accepted", "rejected") else []
    for t in counted:
        quorum = f"quorum {'met' if t['quorum_met'] else 'not met'} ({t['cast']}/{t['members']})"
        if p.kind == "ranked":
            elected = ", ".join(t["elected"]) or "none"
            lines.append(
                f"{t['body_name']}: elected {elected} of {t['seats']} seat(s) by {t['method']} "
                f"({t['reason']}); {t['blank']} abstain; {quorum}."
            )
        else:
            rule = (
                f"two thirds of the whole body ({t['yes_needed']} yes)"
                if t["threshold"] == "two-thirds"
                else "simple majority of non-blank ballots"
            )
            lines.append(
                f"{t['body_name']}: {t['yes']} yes, {t['no']} no, {t['blank']} abstain; {quorum}; "
                f"{rule}."
            )
    if p.decision:
        lines.append(f"**Result: {p.decision.outcome}** (decided {p.decision.decided}).")
    elif counted:
        lines.append(f"Result so far: {_outcome_so_far(counted)} (vote open).")
    return "\n".join(lines).rstrip() + "\n"
