"""The records a governance repo holds (CONTRACT.md §1): governance.yml, priorities, inputs,
proposals and ballots. Files are validated against these and nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .fields import (
    Day,
    HttpLink,
    MemberId,
    RecordId,
    Tag,
    Timestamp,
    _share,
    _yaml11_bool,
)


class _Record(BaseModel):
    # Hand-edited files may carry fields we do not know; keep them rather than fail.
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


# --- governance.yml ------------------------------------------------------------------------------


class Member(_Record):
    id: MemberId
    name: str = ""
    email: str | None = None
    github: str | None = None
    # The member's seat, for participation: votes held outside it are not charged to them.
    since: Day | None = None
    until: Day | None = None


class Roster(_Record):
    """Members read from a roster file already in the repo (e.g. docs/_data/contributors.yml)."""

    file: str
    team: str
    current_only: bool = True


class Body(_Record):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
    name: str
    members: list[Member] = Field(default_factory=list)
    roster: Roster | None = None
    # Only ballots whose commit carries a good signature count (see domain/signatures.py).
    require_signed_ballots: bool = False


Threshold = Literal["majority", "two-thirds"]


class Rules(_Record):
    vote_days: int = Field(7, ge=1, le=365)
    quorum: float = Field(0.5, ge=0, le=1)
    participation: Annotated[float, BeforeValidator(_share)] = Field(0.667, ge=0, le=1)
    # The threshold a new proposal gets unless its author picks one: a council may require two
    # thirds of the whole body for everything it decides.
    threshold: Threshold = "majority"


# Whose voice an input is, as its author says: the funding priorities speak of "the shared needs of
# the community and the member organisations".
Stakeholder = Literal["community", "member-organisation", "council", "other"]


class Prompt(_Record):
    """A question the council asks the community now (governance.yml `prompts`)."""

    id: Tag
    text: str


class GovernanceConfig(_Record):
    council: Body | None = None
    bodies: list[Body] = Field(default_factory=list)
    rules: Rules = Field(default_factory=Rules)
    topics: list[Tag] = Field(default_factory=list)
    prompts: list[Prompt] = Field(default_factory=list)
    # The repo's own list of signing keys (git's allowed-signers format), against which every
    # clone verifies ballot signatures: a path inside the repo.
    allowed_signers: str | None = None

    @model_validator(mode="after")
    def _one_body_at_least(self) -> GovernanceConfig:
        if self.council is None and not self.bodies:
            raise ValueError("governance.yml needs a 'council' or a list of 'bodies'")
        return self

    def all_bodies(self) -> list[Body]:
        """The voting bodies; the single `council` form is the first (and default) body."""
        return ([self.council] if self.council is not None else []) + list(self.bodies)


def _council_default_id(data: Any) -> Any:
    if isinstance(data, dict) and isinstance(data.get("council"), dict):
        data = {**data, "council": {"id": "council", **data["council"]}}
    return data


def parse_governance(data: Any) -> GovernanceConfig:
    return GovernanceConfig.model_validate(_council_default_id(data))


# --- records -------------------------------------------------------------------------------------


class Author(_Record):
    id: str
    name: str = ""


class Priority(_Record):
    id: RecordId
    title: str
    summary: str = ""
    outcomes: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    order: int = 0
    source: dict[str, Any] | None = None
    body: str = ""


class Input(_Record):
    id: RecordId
    title: str
    url: HttpLink
    author: Author
    submitted: Timestamp
    topics: list[str] = Field(default_factory=list)
    priorities: list[str] = Field(default_factory=list)
    responds_to: str | None = None
    own_content: Literal[True] = True
    stakeholder: Stakeholder | None = None
    prompt: str | None = None  # the id of the council's prompt it answers
    # Where it was found, for input imported from the forum: the post that links it.
    source: HttpLink | None = None
    body: str = ""


ProposalStatus = Literal["draft", "feedback", "voting", "accepted", "rejected", "withdrawn"]


class VotePeriod(_Record):
    opened: Timestamp
    closes: Timestamp


class Decision(_Record):
    decided: Timestamp
    outcome: str
    tally: dict[str, Any] = Field(default_factory=dict)
    # sha256 of the counted ballots (see council.ballots_digest): survives a rebase, unlike a commit.
    ballots_digest: str | None = None
    ballots_commit: str | None = None  # written by earlier versions; kept when read


class Proposal(_Record):
    id: RecordId
    title: str
    # The member who called the vote (the sponsor of record); until a vote is called, the author.
    sponsor: str
    author: str | None = None  # who drafted it, a council member or anyone in the community
    seconded_by: str | None = None
    created: Timestamp
    edited: Timestamp | None = None
    status: ProposalStatus = "draft"
    kind: Literal["binary", "ranked"] = "binary"
    options: list[str] = Field(default_factory=list)
    seats: int = Field(1, ge=1, le=20)
    threshold: Threshold = "majority"
    door: Literal["one-way", "two-way"] = "two-way"
    priorities: list[str] = Field(default_factory=list)
    cites: list[str] = Field(default_factory=list)
    pillars: list[str] = Field(default_factory=list)  # the synthesis pillars it was proposed from
    bodies: list[str] = Field(default_factory=list)
    second_requested: bool = False
    vote: VotePeriod | None = None
    decision: Decision | None = None
    body: str = ""


class Pillar(_Record):
    """A strategic pillar the council synthesises from community input: one file per pillar (so
    two clones editing different pillars merge), naming the inputs that support it."""

    id: RecordId
    title: str
    author: str
    created: Timestamp
    edited: Timestamp | None = None
    inputs: list[str] = Field(default_factory=list)
    body: str = ""  # the pillar in one paragraph


# A ballot's commit signature as git verifies it (see domain/signatures.py).
SignatureStatus = Literal["good", "unknown", "missing", "bad"]


class Ballot(_Record):
    value: Annotated[Literal["yes", "no", "blank"] | None, BeforeValidator(_yaml11_bool)] = None
    ranking: list[str] | None = None
    cast: Timestamp
    comment: str = ""
    member: str | None = None


@dataclass(frozen=True)
class Signature:
    """Who a commit is by (git's author name and email)."""

    name: str
    email: str

    def safe(self) -> Signature:
        # git would reject or mangle these characters in an ident; never let them through.
        def clean(s: str) -> str:
            return "".join(c for c in s if c not in "<>\n\r\0").strip()

        return Signature(clean(self.name) or "unknown", clean(self.email) or "unknown@localhost")
