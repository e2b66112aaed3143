"""What a user may do with a proposal now, and why not: decided here once, sent with every proposal.

The workflows in `council` ask `require()` before they write; the panel renders `actions` as sent.
Rules (jupyter/governance docs/decision_making.md, "Calling a vote"): "Depending on the council,
decisions may be proposed by members of the council or by a broader group" (anyone may draft);
"any member of the council can call the matter to a vote" and becomes its sponsor; "After the
proposal is seconded by another member of the council, members have seven days to vote"; "The
sponsor may update the proposal at any point during the voting period, in which case the voting
period will be reset".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..contract.errors import GovError
from ..contract.records import Proposal
from ..contract.responses import Actions

OPEN_STATES = ("draft", "feedback", "voting")


@dataclass(frozen=True)
class Permission:
    allowed: bool
    why: str | None = None  # for a person, when not allowed
    code: str = "not_allowed"  # the error code when refused: not_a_member | not_allowed | conflict

    @property
    def status(self) -> int:
        return 409 if self.code == "conflict" else 403


@dataclass(frozen=True)
class Actor:
    id: str
    member: bool  # of one of the proposal's voting bodies
    bodies: str  # their names, for the reasons


def _same(a: str | None, b: str) -> bool:
    return a is not None and a.lower() == b.lower()


def closing_time(p: Proposal, now: datetime, everyone_voted: bool) -> bool:
    """A vote is due to close once its period is over or every member has voted (CONTRACT.md §2)."""
    if p.status != "voting" or p.vote is None:
        return False
    closes = datetime.fromisoformat(p.vote.closes.replace("Z", "+00:00"))
    return now >= closes or everyone_voted


def decide(p: Proposal, who: Actor, now: datetime, everyone_voted: bool) -> dict[str, Permission]:
    """Every action's permission for `who` on `p` at `now`."""
    ok = Permission(True)
    is_sponsor = _same(p.sponsor, who.id)
    is_author = _same(p.author or p.sponsor, who.id)
    open_ = p.status in OPEN_STATES
    called = p.second_requested or p.status == "voting"

    def not_member(verb: str) -> Permission:
        why = f"You ({who.id}) are not a member of {who.bodies}, so you can read but not {verb}."
        return Permission(False, why, "not_a_member")

    def when(cond: bool, why: str) -> Permission:
        return ok if cond else Permission(False, why, "conflict")

    out: dict[str, Permission] = {}
    if not open_:
        out["edit"] = when(False, f"A {p.status} proposal can no longer be edited.")
    elif is_sponsor or (is_author and not called):
        out["edit"] = ok
    else:
        out["edit"] = Permission(False, f"Only the sponsor ({p.sponsor}) may edit it.")

    if p.status != "draft":
        out["feedback"] = when(False, f"Only a draft can move to feedback (it is {p.status}).")
    else:
        out["feedback"] = ok if (is_author or who.member) else not_member("open it for feedback")

    if p.status not in ("draft", "feedback") or p.second_requested:
        why = "A vote has already been called." if called else f"It is {p.status}."
        out["call"] = when(False, why)
    else:
        out["call"] = ok if who.member else not_member("call its vote")

    if not p.second_requested or p.status not in ("draft", "feedback"):
        out["second"] = when(False, "No vote has been called on this proposal.")
    elif not who.member:
        out["second"] = not_member("second its vote")
    elif is_sponsor:
        out["second"] = Permission(
            False, "The member who called the vote cannot second it; another member must."
        )
    else:
        out["second"] = ok

    if not open_:
        out["withdraw"] = when(False, f"A {p.status} proposal cannot be withdrawn.")
    elif is_sponsor or is_author:
        out["withdraw"] = ok
    else:
        out["withdraw"] = Permission(False, "Only its author or sponsor may withdraw it.")

    due = closing_time(p, now, everyone_voted)
    if p.status in ("draft", "feedback"):
        out["vote"] = when(False, "The vote has not opened yet.")
    elif p.status != "voting" or due:
        out["vote"] = when(False, "The vote is closed.")
    else:
        out["vote"] = ok if who.member else not_member("vote")

    if p.status != "voting":
        out["close"] = when(False, f"Only an open vote can be closed (it is {p.status}).")
    elif not due:
        out["close"] = when(False, "The vote is open until its period ends or everyone has voted.")
    else:
        out["close"] = ok
    return out


def as_actions(permissions: dict[str, Permission]) -> Actions:
    """The permissions as the client receives them with the proposal."""
    return Actions.model_validate(
        {name: {"allowed": p.allowed, "why": p.why} for name, p in permissions.items()}
    )


def require(permissions: dict[str, Permission], action: str) -> None:
    perm = permissions[action]
    if not perm.allowed:
        raise GovError(perm.code, perm.why or "Not allowed.", perm.status)
