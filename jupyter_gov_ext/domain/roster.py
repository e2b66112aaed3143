"""Voting bodies and their members, from governance.yml or from a roster file already in the repo.

A roster (such as jupyter/governance's docs/_data/contributors.yml) is read, never written: when its
maintainers edit it, who may vote changes with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..contract import responses
from ..contract.fields import MEMBER_ID
from ..contract.records import Body, Member

_YEAR = re.compile(r"\b(19|20)\d{2}\b")


@dataclass(frozen=True)
class ResolvedBody:
    id: str
    name: str
    members: tuple[Member, ...]
    roster_file: str | None = None
    problems: tuple[str, ...] = field(default_factory=tuple)
    signed_only: bool = False  # only signed ballots count

    def public(self) -> responses.VotingBody:
        return responses.VotingBody(
            id=self.id,
            name=self.name,
            roster_file=self.roster_file,
            members=[
                responses.BodyMember(id=m.id, name=m.name or m.id, github=m.github)
                for m in self.members
            ],
        )


def term_is_current(term: Any, year: int) -> bool:
    """A term such as "2023-2026", "2023" or "Founding member, 2014-2022"; none means current."""
    if term is None:
        return True
    years = [int(m.group(0)) for m in _YEAR.finditer(str(term))]
    if not years:
        return True
    return min(years) <= year <= max(years)


def members_from_roster(data: Any, team: str, current_only: bool, year: int) -> list[Member]:
    """People of `team` in a contributors.yml-shaped document (`authors` or `contributors`)."""
    if not isinstance(data, dict):
        raise ValueError("roster must be a YAML mapping")
    people = data.get("authors", data.get("contributors"))
    if not isinstance(people, list):
        raise ValueError("roster has no 'authors' list")
    members: list[Member] = []
    for person in people:
        if not isinstance(person, dict) or not re.match(MEMBER_ID, str(person.get("id", ""))):
            continue
        for membership in person.get("teams") or []:
            if not isinstance(membership, dict) or membership.get("team") != team:
                continue
            if current_only and not term_is_current(membership.get("term"), year):
                continue
            years = [int(m.group(0)) for m in _YEAR.finditer(str(membership.get("term") or ""))]
            members.append(
                Member(
                    id=str(person["id"]),
                    name=str(person.get("name") or person["id"]),
                    email=person.get("email"),
                    github=person.get("github"),
                    # A term "2023-2026" seats them from the first day of 2023 to the last of 2026.
                    since=f"{min(years)}-01-01" if years else None,
                    until=f"{max(years)}-12-31" if years else None,
                )
            )
            break
    return members


def resolve_bodies(bodies: list[Body], read_yaml, year: int | None = None) -> list[ResolvedBody]:
    """Turn configured bodies into member lists; `read_yaml(relpath)` reads a roster in the repo."""
    year = year or datetime.now(UTC).year
    resolved = []
    for body in bodies:
        members = list(body.members)
        problems: list[str] = []
        if body.roster is not None:
            try:
                data = read_yaml(body.roster.file)
                members += members_from_roster(
                    data, body.roster.team, body.roster.current_only, year
                )
            except (OSError, ValueError) as exc:
                problems.append(f"{body.roster.file}: {exc}")
        resolved.append(
            ResolvedBody(
                body.id,
                body.name,
                tuple(members),
                body.roster.file if body.roster else None,
                tuple(problems),
                body.require_signed_ballots,
            )
        )
    return resolved
