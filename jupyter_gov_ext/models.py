"""The contract's records and request bodies (CONTRACT.md §1 and §3): the server's one statement of it.

Records are what the files in a governance repo hold; requests are what clients may send. Both are
validated here and nowhere else, so the store and the handlers never see unchecked data.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from .errors import GovError

# Ids the server makes: <YYYY-MM-DD>-<slug>-<rand6>; priority ids are slugs. Lowercase, no dots or
# slashes, so an id checked against this pattern is always a single safe path segment.
RECORD_ID = r"^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$"
# Member ids are GitHub handles (mixed case, hyphens), used as vote file names.
MEMBER_ID = r"^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})$"
SHORT_TEXT = 200
SUMMARY_MAX = 500
BODY_MAX = 100_000
URL_MAX = 2000

# Control characters (C0 but tab and newline, DEL, C1), lone surrogates and non-characters: they
# cannot be stored as typed (or at all) in YAML and UTF-8, so they are refused with a 400.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Every way of breaking a line becomes "\n" before anything is checked or stored, so text always
# reads back exactly as it was acknowledged.
_LINE_BREAK = re.compile(r"\r\n|[\r\x85\u2028\u2029]")


def _newlines(value: Any) -> Any:
    return _LINE_BREAK.sub("\n", value) if isinstance(value, str) else value


def utc_now() -> str:
    return format_time(datetime.now(UTC))


def format_time(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _timestamp(value: Any) -> str:
    """Accept a datetime (YAML may parse one from a hand-edited file) or an ISO 8601 string."""
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, str):
        try:
            return format_time(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            pass
    raise ValueError("must be an ISO 8601 date and time")


def _no_control(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


def text(max_length: int, min_length: int = 0) -> Any:
    """Text a person typed: line breaks normalised, then stripped, bounded and checked."""
    return Annotated[
        str,
        BeforeValidator(_newlines),
        Field(min_length=min_length, max_length=max_length),
        AfterValidator(_no_control),
    ]


def _http_url(value: str) -> str:
    value = value.strip()
    if any(c.isspace() for c in value) or _CONTROL.search(value):
        raise ValueError("must be a single link with no spaces")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError("must be an http:// or https:// link to your post")
    return value


Timestamp = Annotated[str, BeforeValidator(_timestamp)]
RecordId = Annotated[str, Field(pattern=RECORD_ID, max_length=128)]
MemberId = Annotated[str, Field(pattern=MEMBER_ID)]
Title = text(SHORT_TEXT, min_length=1)
HttpLink = Annotated[str, Field(max_length=URL_MAX), AfterValidator(_http_url)]
Tag = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")]


class _Record(BaseModel):
    # Hand-edited files may carry fields we do not know; keep them rather than fail.
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class _Request(BaseModel):
    # Clients must send exactly the contract's fields: a typo is an error, not silently ignored.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# --- governance.yml ------------------------------------------------------------------------------


def _share(value: Any) -> Any:
    """`participation: 2/3` may be written as a fraction."""
    if isinstance(value, str) and "/" in value:
        num, _, den = value.partition("/")
        try:
            return int(num) / int(den)
        except (ValueError, ZeroDivisionError):
            raise ValueError("must be a number or a fraction such as 2/3") from None
    return value


def _day(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


Day = Annotated[str, BeforeValidator(_day), Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]


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


Threshold = Literal["majority", "two-thirds"]


class Rules(_Record):
    vote_days: int = Field(7, ge=1, le=365)
    quorum: float = Field(0.5, ge=0, le=1)
    participation: Annotated[float, BeforeValidator(_share)] = Field(0.667, ge=0, le=1)
    # The threshold a new proposal gets unless its author picks one: a council may require two
    # thirds of the whole body for everything it decides.
    threshold: Threshold = "majority"


class GovernanceConfig(_Record):
    council: Body | None = None
    bodies: list[Body] = Field(default_factory=list)
    rules: Rules = Field(default_factory=Rules)
    topics: list[Tag] = Field(default_factory=list)

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
    bodies: list[str] = Field(default_factory=list)
    second_requested: bool = False
    vote: VotePeriod | None = None
    decision: Decision | None = None
    body: str = ""


def _yaml11_bool(value: Any) -> Any:
    """`value: yes` by hand reads as a YAML 1.1 boolean: take it as the word that was written."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


class Ballot(_Record):
    value: Annotated[Literal["yes", "no", "blank"] | None, BeforeValidator(_yaml11_bool)] = None
    ranking: list[str] | None = None
    cast: Timestamp
    comment: str = ""
    member: str | None = None


# --- requests ------------------------------------------------------------------------------------


class InputCreate(_Request):
    title: Title
    url: HttpLink
    topics: list[Tag] = Field(min_length=1, max_length=10)
    priorities: list[Tag] = Field(default_factory=list, max_length=10)
    responds_to: Annotated[str, Field(max_length=128)] | None = None
    summary: text(SUMMARY_MAX) = ""
    own_content: bool

    @model_validator(mode="after")
    def _own_content_only(self) -> InputCreate:
        if self.own_content is not True:
            raise GovError(
                "invalid_field",
                "Only link to writing that is your own and hosted elsewhere.",
                field="own_content",
            )
        return self


class ProposalCreate(_Request):
    title: Title
    body: text(BODY_MAX) = ""
    kind: Literal["binary", "ranked"] = "binary"
    options: list[text(SHORT_TEXT, min_length=1)] = Field(default_factory=list, max_length=20)
    seats: int = Field(1, ge=1, le=19)
    threshold: Threshold | None = None  # None: the repo's rules.threshold
    door: Literal["one-way", "two-way"] = "two-way"
    priorities: list[Tag] = Field(default_factory=list, max_length=10)
    cites: list[Annotated[str, Field(max_length=128)]] = Field(default_factory=list, max_length=50)
    bodies: list[Annotated[str, Field(max_length=64)]] = Field(default_factory=list, max_length=10)

    @model_validator(mode="after")
    def _options_for_ranked(self) -> ProposalCreate:
        if self.kind == "ranked":
            if len(self.options) < 2:
                raise GovError(
                    "invalid_field", "A ranked vote needs at least two options.", field="options"
                )
            if len(set(self.options)) != len(self.options):
                raise GovError("invalid_field", "Options must be different.", field="options")
            if self.seats >= len(self.options):
                raise GovError(
                    "invalid_field", "Elect fewer options than there are.", field="seats"
                )
            if self.threshold == "two-thirds":
                raise GovError(
                    "invalid_field", "Two thirds applies to yes / no votes.", field="threshold"
                )
        elif self.options:
            raise GovError("invalid_field", "Only a ranked vote has options.", field="options")
        elif self.seats != 1:
            raise GovError("invalid_field", "Only a ranked vote fills seats.", field="seats")
        return self


class ProposalPatch(_Request):
    title: Title | None = None
    body: text(BODY_MAX) | None = None


class TransitionRequest(_Request):
    to: Literal["feedback", "voting", "withdrawn"] | None = None
    second: bool | None = None

    @model_validator(mode="after")
    def _one_action(self) -> TransitionRequest:
        if (self.to is None) == (self.second is None):
            raise GovError("invalid_field", "Send either 'to' or 'second': true.", field="to")
        if self.second is False:
            raise GovError("invalid_field", "'second' can only be true.", field="second")
        return self


class BallotRequest(_Request):
    value: Literal["yes", "no", "blank"] | None = None
    ranking: list[text(SHORT_TEXT, min_length=1)] | None = Field(None, max_length=20)
    comment: text(SUMMARY_MAX * 4) = ""

    @model_validator(mode="after")
    def _value_or_ranking(self) -> BallotRequest:
        if (self.value is None) == (self.ranking is None):
            raise GovError("invalid_field", "Send either a 'value' or a 'ranking'.", field="value")
        return self


class ImportPrioritiesRequest(_Request):
    path: Annotated[str, Field(min_length=1, max_length=4096)]


def parse_request(model: type[BaseModel], data: Any) -> Any:
    """Validate a request body, turning the first problem into the contract's error."""
    if not isinstance(data, dict):
        raise GovError("invalid_json", "The request body must be a JSON object.")
    try:
        return model.model_validate(data)
    except GovError:
        raise
    except ValidationError as exc:
        raise _first_error(exc) from None


def _first_error(exc: ValidationError) -> GovError:
    err = exc.errors()[0]
    loc = [str(p) for p in err.get("loc", ())]
    field = loc[0] if loc else None
    inner = err.get("ctx", {}).get("error")
    if isinstance(inner, GovError):
        return inner
    kind = err.get("type", "")
    if kind == "extra_forbidden":
        return GovError("invalid_field", f"Unknown field '{field}'.", field=field)
    if kind == "missing":
        return GovError("invalid_field", f"'{field}' is required.", field=field)
    message = err.get("msg", "is not valid").removeprefix("Value error, ")
    return GovError("invalid_field", f"'{'.'.join(loc) or 'body'}': {message}", field=field)
