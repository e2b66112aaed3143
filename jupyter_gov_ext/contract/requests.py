"""What clients may send (CONTRACT.md §3): every request body, validated here and nowhere else."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import GovError
from .fields import BODY_MAX, SHORT_TEXT, SUMMARY_MAX, HttpLink, Tag, Title, text
from .records import Stakeholder, Threshold


class _Request(BaseModel):
    # Clients must send exactly the contract's fields: a typo is an error, not silently ignored.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# --- requests ------------------------------------------------------------------------------------


class InputCreate(_Request):
    model_config = ConfigDict(title="IInputDraft", extra="forbid", str_strip_whitespace=True)
    title: Title
    url: HttpLink
    topics: list[Tag] = Field(min_length=1, max_length=10)
    priorities: list[Tag] = Field(default_factory=list, max_length=10)
    responds_to: Annotated[str, Field(max_length=128)] | None = None
    summary: text(SUMMARY_MAX) = ""
    own_content: bool
    stakeholder: Stakeholder = "community"
    prompt: Tag | None = None

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
    model_config = ConfigDict(title="IProposalDraft", extra="forbid", str_strip_whitespace=True)
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


RecordIds = Annotated[
    list[Annotated[str, Field(max_length=128)]], Field(default_factory=list, max_length=1000)
]


class PillarCreate(_Request):
    model_config = ConfigDict(title="IPillarDraft", extra="forbid", str_strip_whitespace=True)
    title: Title
    summary: text(SUMMARY_MAX * 4) = ""
    inputs: RecordIds


class PillarPatch(_Request):
    """Change a pillar: its words, or which inputs support it (added and removed by id, so two
    people placing different inputs do not undo each other)."""

    model_config = ConfigDict(title="IPillarPatch", extra="forbid", str_strip_whitespace=True)
    title: Title | None = None
    summary: text(SUMMARY_MAX * 4) | None = None
    add: RecordIds
    remove: RecordIds


class ProposeFromPillars(_Request):
    """Turn pillars into a proposal: yes / no for one pillar, a ranked vote over several."""

    model_config = ConfigDict(title="IProposeRequest", extra="forbid", str_strip_whitespace=True)
    pillars: list[Annotated[str, Field(max_length=128)]] = Field(min_length=1, max_length=20)
    title: Title
    seats: int = Field(1, ge=1, le=19)
    door: Literal["one-way", "two-way"] = "two-way"
    bodies: list[Annotated[str, Field(max_length=64)]] = Field(default_factory=list, max_length=10)

    @model_validator(mode="after")
    def _seats_fit(self) -> ProposeFromPillars:
        if len(set(self.pillars)) != len(self.pillars):
            raise GovError("invalid_field", "Name each pillar once.", field="pillars")
        if len(self.pillars) > 1 and self.seats >= len(self.pillars):
            raise GovError(
                "invalid_field", "Choose fewer pillars to adopt than there are.", field="seats"
            )
        if len(self.pillars) == 1 and self.seats != 1:
            raise GovError("invalid_field", "One pillar is a yes / no vote.", field="seats")
        return self


class ProposalPatch(_Request):
    model_config = ConfigDict(title="IProposalPatch", extra="forbid", str_strip_whitespace=True)
    title: Title | None = None
    body: text(BODY_MAX) | None = None


class TransitionRequest(_Request):
    model_config = ConfigDict(title="ITransitionRequest", extra="forbid", str_strip_whitespace=True)
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
    model_config = ConfigDict(title="IBallotRequest", extra="forbid", str_strip_whitespace=True)
    value: Literal["yes", "no", "blank"] | None = None
    ranking: list[text(SHORT_TEXT, min_length=1)] | None = Field(None, max_length=20)
    comment: text(SUMMARY_MAX * 4) = ""

    @model_validator(mode="after")
    def _value_or_ranking(self) -> BallotRequest:
        if (self.value is None) == (self.ranking is None):
            raise GovError("invalid_field", "Send either a 'value' or a 'ranking'.", field="value")
        return self


class ForkRequest(_Request):
    model_config = ConfigDict(title="IForkRequest", extra="forbid", str_strip_whitespace=True)
    url: Annotated[str, Field(min_length=1, max_length=2000)]


class ImportPrioritiesRequest(_Request):
    model_config = ConfigDict(title="IImportRequest", extra="forbid", str_strip_whitespace=True)
    path: Annotated[str, Field(min_length=1, max_length=4096)]


# Where Jupyter's community input lives today.
JUPYTER_FORUM = "https://discourse.jupyter.org"


class ForumTopicRequest(_Request):
    """A Discourse topic to read input from: its JSON export as saved (`topic`), or its address
    (`url`, fetched by the server). Exactly one of the two."""

    model_config = ConfigDict(title="IForumTopic", extra="forbid", str_strip_whitespace=True)
    topic: dict[str, Any] | None = None
    url: HttpLink | None = None
    forum: HttpLink = Field(JUPYTER_FORUM, description="The forum a saved export comes from")

    @model_validator(mode="after")
    def _one_source(self) -> ForumTopicRequest:
        if (self.topic is None) == (self.url is None):
            raise GovError(
                "invalid_field",
                "Give either the topic's saved JSON export or its address, not both.",
                field="topic" if self.topic is None else "url",
            )
        return self


class ForumImportRequest(ForumTopicRequest):
    """The candidates a council member confirmed, by key, and what every new input is filed as."""

    model_config = ConfigDict(title="IForumImport", extra="forbid", str_strip_whitespace=True)
    keys: list[Annotated[str, Field(max_length=4200)]] = Field(min_length=1, max_length=500)
    topics: list[Tag] = Field(default_factory=list, max_length=10)
    priorities: list[Tag] = Field(default_factory=list, max_length=10)
    stakeholder: Stakeholder = "community"
    prompt: Tag | None = None


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


def _label(field: str | None) -> str:
    """A field name as a person reads it: 'responds_to' -> 'Responds to'."""
    if field == "url":
        return "The link"
    return (field or "the request").replace("_", " ").capitalize()


def _first_error(exc: ValidationError) -> GovError:
    """The first problem as a sentence a person can act on, naming its field (the form shows it
    there) and never pydantic's own wording."""
    err = exc.errors()[0]
    loc = [str(p) for p in err.get("loc", ())]
    field = loc[0] if loc else None
    inner = err.get("ctx", {}).get("error")
    if isinstance(inner, GovError):
        return inner
    kind = err.get("type", "")
    ctx = err.get("ctx", {})
    label = _label(field)
    if kind == "extra_forbidden":
        return GovError("invalid_field", f"Unknown field '{field}'.", field=field)
    if kind == "missing":
        return GovError("invalid_field", f"{label} is required.", field=field)
    if isinstance(err.get("input"), str) and kind in ("too_short", "too_long"):
        kind = f"string_{kind}"
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        message = (
            f"{label} cannot be empty."
            if least <= 1
            else f"{label} needs at least {least} characters."
        )
        return GovError("invalid_field", message, field=field)
    if kind == "string_too_long":
        message = f"{label} is too long: at most {ctx.get('max_length')} characters."
        return GovError("invalid_field", message, field=field)
    if kind == "too_short":
        return GovError(
            "invalid_field", f"{label}: choose at least {ctx.get('min_length')}.", field=field
        )
    if kind == "too_long":
        return GovError(
            "invalid_field", f"{label}: at most {ctx.get('max_length')} allowed.", field=field
        )
    message = err.get("msg", "is not valid").removeprefix("Value error, ")
    where = " ".join([label, *loc[1:]]) if field else label
    return GovError("invalid_field", f"{where}: {message}", field=field)
