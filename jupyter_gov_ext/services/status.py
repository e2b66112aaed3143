"""`GET status` and `POST sync`: the repo's state as the panel shows it, and sharing it via a remote."""

from __future__ import annotations

from ..contract import responses
from ..domain.identity import Identity
from ..domain.snapshot import Snapshot
from ..storage.store import GovernanceStore


async def repo_status(
    store: GovernanceStore, snap: Snapshot, who: Identity, version: str
) -> responses.Status:
    state = await store.state()
    config = snap.config
    ahead_behind = state.ahead_behind
    return responses.Status(
        version=version,
        repo_path=str(store.root),
        is_git_repo=state.is_git_repo,
        branch=state.branch,
        head=state.head,
        initialised=snap.initialised,
        identity=who.public(),
        member=who.is_member,
        bodies=[b.public() for b in snap.bodies],
        topics=list(config.topics) if config else [],
        rules=responses.RulesView.model_validate(config.rules.model_dump()) if config else None,
        remote=responses.RemoteState(
            names=state.remotes,
            upstream=state.upstream,
            ahead=ahead_behind[0] if ahead_behind else None,
            behind=ahead_behind[1] if ahead_behind else None,
        ),
        counts=responses.Counts(
            priorities=len(snap.priorities),
            inputs=len(snap.inputs),
            proposals=len(snap.proposals),
        ),
        problems=[responses.Problem.model_validate(p) for p in snap.problems],
    )


async def sync(store: GovernanceStore) -> responses.SyncResult:
    """Pull (rebase) from the upstream branch, then push. A conflict is reported, never left behind."""
    outcome = await store.sync()
    return responses.SyncResult(
        pulled=outcome.pulled, pushed=outcome.pushed, head=outcome.head, upstream=outcome.upstream
    )
