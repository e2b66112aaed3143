"""The repo as read for one request: typed records, the voting bodies, and what could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..contract.errors import GovError
from ..contract.records import Ballot, GovernanceConfig, Input, Pillar, Priority, Proposal
from .roster import ResolvedBody
from .signatures import SignatureStatus


@dataclass
class Snapshot:
    initialised: bool
    config: GovernanceConfig | None
    bodies: list[ResolvedBody]
    priorities: list[Priority]
    inputs: list[Input]
    proposals: list[Proposal]
    # proposal id -> lower-cased member id -> ballot: one member, one ballot, whatever the case
    ballots: dict[str, dict[str, Ballot]]
    pillars: list[Pillar] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)
    # proposal id -> lower-cased member id -> the signature status of the commit that wrote the
    # ballot; read from git only when a body requires signed ballots (else None).
    signatures: dict[str, dict[str, SignatureStatus]] | None = None

    def require_config(self) -> GovernanceConfig:
        if self.config is None:
            if not self.initialised:
                raise GovError(
                    "not_initialised",
                    "This repo has no governance.yml yet: initialise it first.",
                    409,
                )
            raise GovError(
                "repo_error", "governance.yml cannot be read; see `problems` in status.", 409
            )
        return self.config

    def require_known(self, field: str, ids: list[str], known: set[str], what: str) -> None:
        """Every id a request names must exist: the first unknown one is the field's error."""
        for value in ids:
            if value not in known:
                raise GovError("invalid_field", f"Unknown {what} '{value}'.", field=field)

    def require_priorities(self, ids: list[str]) -> None:
        self.require_known("priorities", ids, {p.id for p in self.priorities}, "funding priority")

    def pillar(self, pillar_id: str) -> Pillar:
        for p in self.pillars:
            if p.id == pillar_id:
                return p
        raise GovError("not_found", f"Pillar '{pillar_id}' does not exist.", 404)

    def proposal(self, proposal_id: str) -> Proposal:
        for p in self.proposals:
            if p.id == proposal_id:
                return p
        raise GovError("not_found", f"Proposal '{proposal_id}' does not exist.", 404)
