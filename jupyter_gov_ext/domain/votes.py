"""A proposal's vote as the repo holds it: who may vote, which ballots count, each body's tally, the
permissions of a user, and the decision once the vote closes. Pure: a snapshot and a time in.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from ..contract import responses
from ..contract.fields import format_time
from ..contract.records import Ballot, Proposal
from . import lifecycle, rules, signatures
from .identity import Identity
from .roster import ResolvedBody
from .snapshot import Snapshot

COUNTED_STATES = ("voting", "accepted", "rejected")


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def proposal_bodies(snap: Snapshot, p: Proposal) -> list[ResolvedBody]:
    """The bodies whose approval the proposal needs (default: the first body, the council)."""
    if p.bodies:
        return [b for b in snap.bodies if b.id in p.bodies]
    return snap.bodies[:1]


def eligible(bodies: list[ResolvedBody]) -> dict[str, str]:
    """Lower-cased member id -> member id, over every body."""
    return {m.id.lower(): m.id for b in bodies for m in b.members}


def counted_ballots(snap: Snapshot, p: Proposal) -> dict[str, Ballot]:
    """The ballots that count, by lower-cased member id: those cast before the period ended."""
    ballots = snap.ballots.get(p.id, {})
    if p.vote is None:
        return dict(ballots)
    closes = parse_time(p.vote.closes)
    return {k: b for k, b in ballots.items() if parse_time(b.cast) <= closes}


def everyone_voted(snap: Snapshot, p: Proposal, bodies: list[ResolvedBody]) -> bool:
    """Every member has a ballot that counts (an unsigned one, where signing is required, does
    not: the vote stays open for them to sign it)."""
    members = set(eligible(bodies))
    unsigned = {who.lower() for body in bodies for who in unsigned_ballots(snap, p, body)}
    return bool(members) and members <= set(counted_ballots(snap, p)) - unsigned


def permissions(
    snap: Snapshot, p: Proposal, who: Identity, now: datetime
) -> dict[str, lifecycle.Permission]:
    bodies = proposal_bodies(snap, p)
    names = " or ".join(b.name for b in bodies) or "a voting body"
    member = who.member_id is not None and who.member_id.lower() in eligible(bodies)
    actor = lifecycle.Actor(who.id, member, names)
    return lifecycle.decide(p, actor, now, everyone_voted(snap, p, bodies))


def due_for_closing(snap: Snapshot, p: Proposal, now: datetime) -> bool:
    return lifecycle.closing_time(p, now, everyone_voted(snap, p, proposal_bodies(snap, p)))


def unsigned_ballots(snap: Snapshot, p: Proposal, body: ResolvedBody) -> list[str]:
    """The members of a body that counts only signed ballots whose ballot is not signed with a
    good key: shown, never counted."""
    if not body.signed_only:
        return []
    status = (snap.signatures or {}).get(p.id, {})
    members = eligible([body])
    return sorted(
        members[who]
        for who in counted_ballots(snap, p)
        if who in members and not signatures.counts(status.get(who))
    )


def body_tallies(
    snap: Snapshot, p: Proposal
) -> list[tuple[ResolvedBody, rules.BinaryTally | rules.RankedTally]]:
    """Each required body's tally, counted on its own with the same rules."""
    config = snap.require_config()
    all_ballots = counted_ballots(snap, p)
    out: list[tuple[ResolvedBody, rules.BinaryTally | rules.RankedTally]] = []
    for body in proposal_bodies(snap, p):
        ids = [m.id for m in body.members]
        unsigned = {who.lower() for who in unsigned_ballots(snap, p, body)}
        ballots = {who: b for who, b in all_ballots.items() if who not in unsigned}
        if p.kind == "ranked":
            # A blank ballot on a ranked vote is `value: blank` (or an empty ranking).
            rankings = {
                who: (b.ranking or None) for who, b in ballots.items() if b.ranking or b.value
            }
            tally = rules.tally_ranked(rankings, ids, p.options, config.rules.quorum, p.seats)
        else:
            values = {who: b.value for who, b in ballots.items() if b.value}
            tally = rules.tally_binary(values, ids, config.rules.quorum, p.threshold)
        out.append((body, tally))
    return out


def tallies(snap: Snapshot, p: Proposal) -> list[responses.BinaryTally | responses.RankedTally]:
    """The tallies as the client receives them (none before the vote opens)."""
    if p.status not in COUNTED_STATES:
        return []
    out: list[responses.BinaryTally | responses.RankedTally] = []
    for body, t in body_tallies(snap, p):
        data: dict[str, Any] = {
            "body": body.id,
            "body_name": body.name,
            **t.as_dict(),
            **signing_rule(snap, p, body),
        }
        model = responses.RankedTally if isinstance(t, rules.RankedTally) else responses.BinaryTally
        out.append(model.model_validate(data))
    return out


def signing_rule(snap: Snapshot, p: Proposal, body: ResolvedBody) -> dict[str, Any]:
    """What a tally states of the signed-ballots rule (nothing for a body without it)."""
    if not body.signed_only:
        return {}
    return {"signed_only": True, "not_counted": unsigned_ballots(snap, p, body)}


def outcome_so_far(counted: list[responses.BinaryTally | responses.RankedTally]) -> str | None:
    if not counted:
        return None
    return "accepted" if all(t.outcome == "accepted" for t in counted) else "rejected"


def ballots_digest(ballots: dict[str, Ballot]) -> str:
    """sha256 of the counted ballots in a canonical form: anyone can recompute it from votes/.

    One line per ballot, sorted by lower-cased member id: `member<TAB>cast<TAB>value or ranking`.
    """
    lines = []
    for member, b in sorted(ballots.items()):
        choice = b.value if b.value else " > ".join(b.ranking or [])
        lines.append(f"{member}\t{b.cast}\t{choice}")
    return "sha256:" + hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def decided(snap: Snapshot, p: Proposal) -> Proposal:
    """The proposal with its decision recorded: the same bytes from any clone with these ballots.

    Its time is the end of the period, or the last ballot when every member voted before it.
    """
    if p.vote is None:
        raise ValueError("only a vote can be decided")
    bodies = proposal_bodies(snap, p)
    ballots = counted_ballots(snap, p)
    closes = parse_time(p.vote.closes)
    when = closes
    if everyone_voted(snap, p, bodies):
        members = set(eligible(bodies))
        when = min(closes, max(parse_time(b.cast) for k, b in ballots.items() if k in members))
    counted = body_tallies(snap, p)
    outcome, winner = rules.combined_outcome([t for _, t in counted])
    decision = {
        "decided": format_time(when),
        "outcome": outcome,
        "tally": {
            "bodies": [
                {"body": b.id, **t.as_dict(), **signing_rule(snap, p, b)} for b, t in counted
            ],
            **({"winner": winner} if winner else {}),
        },
        "ballots_digest": ballots_digest(ballots),
    }
    return Proposal.model_validate({**p.model_dump(), "status": outcome, "decision": decision})


def participation(snap: Snapshot) -> list[responses.ParticipationRow]:
    """decision_making.md, "Voter participation and quorum": closed formal votes only, each
    charged to the members whose seat covered the day it opened."""
    config = snap.require_config()
    votes = []
    for p in snap.proposals:
        if p.vote is None or p.status not in ("accepted", "rejected"):
            continue
        members = frozenset(eligible(proposal_bodies(snap, p)))
        voters = frozenset(counted_ballots(snap, p))
        votes.append(rules.FormalVote(p.id, parse_time(p.vote.opened).date(), members, voters))
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
    rows = rules.participation(votes, seats.values(), config.rules.participation)
    return [responses.ParticipationRow.model_validate(r) for r in rows]
