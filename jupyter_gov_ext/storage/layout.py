"""The repo layout (CONTRACT.md §1): where each record lives and how it is written. Nothing else
in the package knows a path, a file name or the on-disk form of a record.

```
governance.yml                                   settings (bodies, members, rules, topics)
priorities/<id>.md                               one funding priority per file
inputs/<YYYY>/<YYYY-MM-DD>-<slug>-<rand6>.md     one community input per file
proposals/<YYYY-MM-DD>-<slug>-<rand6>.md         one proposal per file
pillars/<YYYY-MM-DD>-<slug>-<rand6>.md           one synthesis pillar per file
votes/<proposal-id>/<member-id>.yml              one member's current ballot on one proposal
```
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePosixPath

from ..contract.records import Ballot, Input, Pillar, Priority, Proposal
from ..domain.slugs import slugify
from . import frontmatter

GOVERNANCE_FILE = "governance.yml"
ROSTER_FILE = "docs/_data/contributors.yml"  # jupyter/governance's roster


@dataclass(frozen=True)
class CastBallot:
    """A member's ballot on a proposal: the one record whose place depends on two ids."""

    proposal_id: str
    member_id: str
    ballot: Ballot


Record = Input | Proposal | Priority | Pillar | CastBallot


def new_id(title: str, now: datetime | None = None) -> str:
    """`<YYYY-MM-DD>-<slug>-<rand6>`: two clones never make the same id, so merges never conflict."""
    now = now or datetime.now(UTC)
    rand = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6))
    return f"{now:%Y-%m-%d}-{slugify(title)}-{rand}"


def path_of(record: Record, existing_ballots: dict[str, str] | None = None) -> str:
    """The repo-relative path of a record. A ballot keeps the file its member already has (in
    whatever case it was named), so a member never has two ballot files."""
    if isinstance(record, CastBallot):
        existing = (existing_ballots or {}).get(record.member_id.lower())
        return existing or f"votes/{record.proposal_id}/{record.member_id}.yml"
    if isinstance(record, Input):
        return f"inputs/{record.submitted[:4]}/{record.id}.md"
    if isinstance(record, Pillar):
        return f"pillars/{record.id}.md"
    if isinstance(record, Proposal):
        return f"proposals/{record.id}.md"
    return f"priorities/{record.id}.md"


def proposal_paths(proposal_id: str) -> list[str]:
    """Every path a proposal's life writes: its file and its ballots' folder."""
    return [f"proposals/{proposal_id}.md", f"votes/{proposal_id}"]


def serialise(record: Record) -> str:
    """The file's text: YAML front matter + Markdown body, or YAML for a ballot."""
    if isinstance(record, CastBallot):
        data = record.ballot.model_dump(exclude={"member"}, exclude_none=True)
        if not data.get("comment"):
            data.pop("comment", None)
        return frontmatter.dump_yaml(data)
    meta = record.model_dump(exclude={"body"}, exclude_none=True)
    return frontmatter.dumps(meta, record.body)


def stem(rel: str) -> str:
    return PurePosixPath(rel).stem


def proposal_of_ballot(rel: str) -> str:
    return PurePosixPath(rel).parent.name
