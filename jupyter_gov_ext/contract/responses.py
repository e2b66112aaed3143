"""What the server answers (CONTRACT.md §3): one model per response, and per object in one.

Handlers return these and nothing else. Each model's title is the name of the TypeScript interface
generated from it (src/api/types.ts), so a field added here reaches the client by regeneration.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .records import ProposalStatus, SignatureStatus, Stakeholder, Threshold


class _Response(BaseModel):
    # Every field is sent (None as null), so every field is required in the generated types.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)


def _named(title: str) -> ConfigDict:
    return ConfigDict(title=title, json_schema_serialization_defaults_required=True)


# --- shared parts ---------------------------------------------------------------------------------


class Problem(_Response):
    """A file the server could not use, and why; listed in `status`, never fatal."""

    model_config = _named("IProblem")
    path: str
    problem: str


class BodyMember(_Response):
    model_config = _named("IBodyMember")
    id: str
    name: str
    github: str | None


class VotingBody(_Response):
    model_config = _named("IBody")
    id: str
    name: str
    roster_file: str | None
    members: list[BodyMember]


class Identity(_Response):
    model_config = _named("IIdentity")
    id: str
    name: str
    email: str | None
    source: Literal["user_id", "identity_provider", "git_email", "none"]
    member: bool
    bodies: list[str]


class Author(_Response):
    model_config = _named("IAuthor")
    id: str
    name: str


# --- status ---------------------------------------------------------------------------------------


class RulesView(_Response):
    model_config = _named("IRules")
    vote_days: int
    quorum: float
    participation: float
    threshold: Threshold


class RemoteState(_Response):
    """How the clone stands to its remote, as of the last fetch."""

    model_config = _named("IRemoteState")
    names: list[str]
    upstream: str | None
    ahead: int | None = Field(description="Local commits the upstream does not have yet.")
    behind: int | None = Field(description="Upstream commits this clone does not have yet.")
    fork_url: str | None = Field(None, description="The fork that refused pushes go to, if set.")
    waiting_for_review: int = Field(
        0, description="Local commits pushed to the fork, waiting for a pull request's review."
    )


class Counts(_Response):
    model_config = _named("ICounts")
    priorities: int
    inputs: int
    proposals: int


class PromptView(_Response):
    model_config = _named("IPrompt")
    id: str
    text: str


class Status(_Response):
    model_config = _named("IStatus")
    version: str
    repo_path: str
    is_git_repo: bool
    branch: str | None
    head: str | None
    initialised: bool
    identity: Identity
    member: bool
    bodies: list[VotingBody]
    topics: list[str]
    prompts: list[PromptView]
    rules: RulesView | None
    remote: RemoteState
    counts: Counts
    problems: list[Problem]


class InitResult(_Response):
    model_config = _named("IInitResult")
    commit: str
    added: list[str]


# --- priorities and inputs ------------------------------------------------------------------------


class PrioritySource(_Response):
    model_config = _named("IPrioritySource")
    path: str | None = None
    repo: str | None = None
    commit: str | None = None


class PriorityView(_Response):
    model_config = _named("IPriority")
    id: str
    title: str
    summary: str
    outcomes: list[str]
    examples: list[str]
    order: int
    body: str
    source: PrioritySource | None
    input_count: int
    proposal_count: int


class PriorityList(_Response):
    model_config = _named("IPriorityList")
    priorities: list[PriorityView]


class ImportUpdate(_Response):
    model_config = _named("IImportUpdate")
    id: str
    changed: list[str]


class ImportReport(_Response):
    model_config = _named("IImportReport")
    added: list[str]
    updated: list[ImportUpdate]
    unchanged: list[str]
    commit: str | None
    source: PrioritySource


class InputView(_Response):
    model_config = _named("IInput")
    id: str
    title: str
    url: str
    author: Author
    submitted: str
    topics: list[str]
    priorities: list[str]
    responds_to: str | None
    own_content: Literal[True]
    stakeholder: Stakeholder | None
    prompt: str | None
    summary: str
    source: str | None = Field(None, description="The forum post it was imported from, if any")


class InputList(_Response):
    model_config = _named("IInputList")
    inputs: list[InputView]
    total: int = Field(description="How many inputs match, on every page together.")
    next_cursor: str | None = Field(description="`cursor` for the next page; null on the last.")


class SubmittedInput(InputView):
    model_config = _named("ISubmittedInput")
    path: str


class InputCreated(_Response):
    model_config = _named("IInputCreated")
    input: SubmittedInput
    commit: str


# --- proposals ------------------------------------------------------------------------------------


class Round(_Response):
    model_config = _named("IRound")
    counts: dict[str, float]
    exhausted: float
    eliminated: list[str] = Field(description="Options out after this round.")
    elected: list[str] = Field(description="Options that reached the quota in this round.")
    quota: float | None


class TallyBase(_Response):
    """What every tally has, binary or ranked."""

    model_config = _named("ITallyBase")
    body: str
    body_name: str
    members: int
    cast: int
    quorum_needed: int
    quorum_met: bool
    outcome: Literal["accepted", "rejected"]
    reason: str
    signed_only: bool = Field(
        False, description="The body counts only ballots whose commit has a good signature."
    )
    not_counted: list[str] = Field(
        default_factory=list,
        description="Members whose ballot is shown but not counted: not signed with a good key.",
    )


class BinaryTally(TallyBase):
    model_config = _named("IBinaryTally")
    kind: Literal["binary"] = "binary"
    yes: int
    no: int
    blank: int
    threshold: Threshold
    yes_needed: int | None = Field(description="For two thirds: yes ballots needed of the body.")


class RankedTally(TallyBase):
    model_config = _named("IRankedTally")
    kind: Literal["ranked"] = "ranked"
    rounds: list[Round]
    winner: str | None
    blank: int
    seats: int
    elected: list[str]
    method: str
    tie_break: list[str] = Field(description="How ties for last place were settled, if any.")


Tally = Annotated[BinaryTally | RankedTally, Field(discriminator="kind")]


class Permission(_Response):
    """Whether the user may take an action now, and why not (decided by the server)."""

    model_config = _named("IPermission")
    allowed: bool
    why: str | None


class Actions(_Response):
    model_config = _named("IActions")
    edit: Permission
    feedback: Permission
    call: Permission
    second: Permission
    withdraw: Permission
    vote: Permission
    close: Permission


class VotePeriod(_Response):
    model_config = _named("IVotePeriod")
    opened: str
    closes: str


class DecisionView(_Response):
    model_config = _named("IDecision")
    decided: str
    outcome: str
    tally: dict[str, Any]
    ballots_digest: str | None


class BallotView(_Response):
    model_config = _named("IBallot")
    member: str | None
    value: Literal["yes", "no", "blank"] | None
    ranking: list[str] | None
    cast: str
    comment: str
    before_edit: bool = Field(description="Cast before the proposal's text last changed.")


class ProposalView(_Response):
    model_config = _named("IProposal")
    id: str
    title: str
    sponsor: str = Field(description="The member who called the vote; until then, the author.")
    author: str = Field(description="Who drafted it (anyone may).")
    seconded_by: str | None
    created: str
    edited: str | None
    status: ProposalStatus
    kind: Literal["binary", "ranked"]
    options: list[str]
    seats: int
    threshold: Threshold
    door: Literal["one-way", "two-way"]
    priorities: list[str]
    cites: list[str]
    pillars: list[str]
    bodies: list[str]
    body_names: list[str]
    second_requested: bool
    vote: VotePeriod | None
    decision: DecisionView | None
    seconds_left: int | None
    can_vote: bool
    waiting_for_me: bool
    my_ballot: BallotView | None
    tallies: list[Tally]
    outcome_so_far: Literal["accepted", "rejected"] | None
    voters: int
    eligible: int
    actions: Actions


class CitedInput(_Response):
    model_config = _named("ICitedInput")
    id: str
    title: str
    url: str


class ProposalDetail(ProposalView):
    model_config = _named("IProposalDetail")
    body: str
    ballots: list[BallotView]
    cited_inputs: list[CitedInput]
    members: list[VotingBody]
    why_not: str | None


class ProposalList(_Response):
    model_config = _named("IProposalList")
    proposals: list[ProposalView]


class ProposalCreated(_Response):
    model_config = _named("IProposalCreated")
    proposal: ProposalView
    commit: str


class ProposalChanged(_Response):
    model_config = _named("IProposalChanged")
    proposal: ProposalDetail
    commit: str


class ProposalOne(_Response):
    model_config = _named("IProposalOne")
    proposal: ProposalDetail


class PillarProposal(_Response):
    """A proposal made from a pillar, and what became of it."""

    model_config = _named("IPillarProposal")
    id: str
    title: str
    status: ProposalStatus
    decided: str | None


class PillarView(_Response):
    model_config = _named("IPillar")
    id: str
    title: str
    summary: str
    author: str
    created: str
    edited: str | None
    inputs: list[str] = Field(description="The inputs that support it, as the file names them")
    missing: list[str] = Field(description="Inputs it names that the repo does not have")
    stakeholders: dict[str, int] = Field(description="Supporting inputs per stakeholder")
    priorities: dict[str, int] = Field(description="Supporting inputs per funding priority")
    prompts: dict[str, int] = Field(description="Supporting inputs per council prompt")
    proposals: list[PillarProposal]


class PillarList(_Response):
    model_config = _named("IPillarList")
    pillars: list[PillarView]
    can_edit: bool = Field(description="Whether this user may create and change pillars")


class PillarChanged(_Response):
    model_config = _named("IPillarChanged")
    pillar: PillarView
    commit: str


class HistoryEvent(_Response):
    """One step of a proposal's life, as one commit recorded it."""

    model_config = _named("IHistoryEvent")
    kind: Literal[
        "drafted", "edited", "feedback", "called", "seconded", "withdrawn", "closed",
        "ballot", "ballot_changed", "changed",
    ]  # fmt: skip
    commit: str
    author: str
    time: str
    subject: str
    members: list[str] = Field(description="Whose ballot files the commit wrote, if any")
    signature: SignatureStatus = Field(
        "missing", description="The commit's signature as git verifies it (allowed signers)."
    )
    signer: str = Field("", description="Whom git names as the signer, when it knows")


class ProposalHistory(_Response):
    model_config = _named("IProposalHistory")
    events: list[HistoryEvent]
    allowed_signers: str | None = Field(
        None, description="The repo's allowed-signers file that signatures are verified against"
    )


class Export(_Response):
    model_config = _named("IExport")
    markdown: str


# --- participation and sync -----------------------------------------------------------------------


class ParticipationRow(_Response):
    model_config = _named("IParticipationRow")
    member: str
    year: int
    open: int
    cast: int
    share: float
    required: float
    required_text: str = Field(description='The requirement as a fraction, e.g. "2/3".')
    meets: bool


class Participation(_Response):
    model_config = _named("IParticipation")
    participation: list[ParticipationRow]


class CommitView(_Response):
    model_config = _named("ICommit")
    sha: str
    subject: str
    author: str


class ForkPushView(_Response):
    """The upstream refused the push: the commits went to the user's fork instead."""

    model_config = _named("IForkPush")
    remote: str
    url: str
    branch: str
    pull_request_url: str | None = Field(description="Opens the pull request (GitHub).")
    reason: str = Field(description="Why the upstream refused, as the remote said it.")


class SyncResult(_Response):
    model_config = _named("ISyncResult")
    pulled: bool
    pushed: bool
    head: str | None
    upstream: str
    incoming: list[CommitView] = Field(description="What came in from the upstream.")
    outgoing: list[CommitView] = Field(description="What went out (to the upstream or the fork).")
    attempts: int = Field(description="Pushes tried: more than one when someone pushed meanwhile.")
    fork: ForkPushView | None


# --- evidence: figures, audits, the forum import ------------------------------------------------


class Figure(_Response):
    """One growth or participation figure as rows (a list of flat objects); the panel draws it."""

    model_config = _named("IFigure")
    id: str
    title: str
    description: str
    rows: list[dict[str, Any]]


class Figures(_Response):
    model_config = _named("IFigures")
    figures: list[Figure]
    head: str | None = Field(description="The commit the figures were computed at")


class AuditNotebook(_Response):
    """The notebook that recounts a decision, where to save it, and what it will say."""

    model_config = _named("IAuditNotebook")
    path: str = Field(description="Where to save it, relative to the Jupyter root folder")
    notebook: dict[str, Any]
    matches: bool | None
    summary: str


class ForumCandidate(_Response):
    model_config = _named("IForumCandidate")
    key: str
    url: str
    title: str
    author: Author
    submitted: str
    post_number: int
    post_url: str
    excerpt: str
    imported: str | None = Field(description="The input that already holds this link, if any")


class ForumPreview(_Response):
    model_config = _named("IForumPreview")
    topic_title: str
    topic_url: str
    posts: int = Field(description="Posts read")
    posts_in_topic: int
    candidates: list[ForumCandidate]


class ForumImported(_Response):
    model_config = _named("IForumImported")
    added: list[str] = Field(description="The ids of the new inputs")
    skipped: list[str] = Field(description="Links not added: already an input")
    commit: str | None


# --- errors ---------------------------------------------------------------------------------------


class ErrorDetail(_Response):
    model_config = _named("IErrorDetail")
    code: str
    message: str
    field: str | None = None
    detail: str | None = Field(None, description="More for whoever must dig: git's whole output.")


class ErrorBody(_Response):
    """The contract's error envelope, with every 4xx."""

    model_config = _named("IErrorBody")
    error: ErrorDetail
