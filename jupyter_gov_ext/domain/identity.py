"""Who the user is (CONTRACT.md §1) and which voting bodies they sit on.

Order: the `user_id` trait; else the Jupyter identity provider's user when it is not anonymous
(JupyterHub); else the repo's git `user.email` matched against the members' emails.

Membership is decided here, once: `member_id` is the roster id of the member this identity was
matched to, or None. A git email that matches no member's whole email never becomes a member's id
(its id is the email itself), so a clone configured as `dan@elsewhere.invalid` cannot vote as `dan`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..contract import responses
from ..contract.records import Member, Signature
from .roster import ResolvedBody

_ANON_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Identity:
    id: str
    name: str
    email: str | None
    source: str  # "user_id" | "identity_provider" | "git_email" | "none"
    bodies: tuple[str, ...] = field(default_factory=tuple)
    member_id: str | None = None  # the roster id this identity was matched to, if any

    @property
    def is_member(self) -> bool:
        return self.member_id is not None and bool(self.bodies)

    def signature(self) -> Signature:
        email = self.email or f"{self.id}@users.noreply.github.com"
        return Signature(self.name or self.id, email)

    def public(self) -> responses.Identity:
        return responses.Identity(
            id=self.id,
            name=self.name,
            email=self.email,
            source=self.source,
            member=self.is_member,
            bodies=list(self.bodies),
        )


def is_anonymous(user: Any) -> bool:
    """jupyter_server's token login makes a random user whose username is a uuid hex. Only the
    username counts: its display name can be changed by the user (`PATCH api/me`)."""
    if user is None:
        return True
    username = getattr(user, "username", "") or ""
    return not username or bool(_ANON_ID.match(username))


def _find(bodies: list[ResolvedBody], pred) -> tuple[Member | None, tuple[str, ...]]:
    found: Member | None = None
    ids: list[str] = []
    for body in bodies:
        for m in body.members:
            if pred(m):
                found = found or m
                ids.append(body.id)
                break
    return found, tuple(ids)


def resolve_identity(
    bodies: list[ResolvedBody],
    user_id: str,
    server_user: Any,
    git_email: str | None,
    git_name: str | None,
) -> Identity:
    if user_id:
        member, ids = _find(bodies, lambda m: m.id.lower() == user_id.lower())
        return _identity(member, ids, user_id, user_id, None, "user_id")
    if not is_anonymous(server_user):
        username = server_user.username
        member, ids = _find(bodies, lambda m: m.id.lower() == username.lower())
        display = getattr(server_user, "name", "") or username
        return _identity(member, ids, username, display, None, "identity_provider")
    if git_email:
        email = git_email.strip().lower()
        member, ids = _find(bodies, lambda m: bool(m.email) and m.email.strip().lower() == email)
        return _identity(member, ids, git_email.strip(), git_name or "", git_email, "git_email")
    return Identity("anonymous", "Anonymous", None, "none")


def _identity(member, ids, fallback_id, fallback_name, email, source) -> Identity:
    if member is not None:
        name = member.name or member.id
        return Identity(member.id, name, member.email or email, source, ids, member.id)
    return Identity(fallback_id, fallback_name or fallback_id, email, source)
