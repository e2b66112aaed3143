"""`GET status`, and sharing the repo through its remotes: sync, fetch, the fork."""

from __future__ import annotations

from dataclasses import asdict

from ..contract import responses
from ..contract.errors import GovError
from ..contract.requests import ForkRequest
from ..domain.identity import Identity
from ..domain.slugs import slugify
from ..domain.snapshot import Snapshot
from ..storage.remote import is_git_url
from ..storage.store import GovernanceStore, RepoState


def fork_branch(who: Identity) -> str:
    """The branch a user's refused commits go to on their fork: one per person, stable."""
    return f"jupyter-gov/{slugify(who.member_id or who.id, 60)}"


def _remote(state: RepoState) -> responses.RemoteState:
    ahead_behind = state.ahead_behind
    return responses.RemoteState(
        names=state.remotes,
        upstream=state.upstream,
        ahead=ahead_behind[0] if ahead_behind else None,
        behind=ahead_behind[1] if ahead_behind else None,
        fork_url=state.fork_url,
        waiting_for_review=state.waiting_for_review,
    )


async def repo_status(
    store: GovernanceStore, snap: Snapshot, who: Identity, version: str
) -> responses.Status:
    state = await store.state(fork_branch(who))
    config = snap.config
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
        prompts=[{"id": p.id, "text": p.text} for p in config.prompts] if config else [],
        rules=responses.RulesView.model_validate(config.rules.model_dump()) if config else None,
        remote=_remote(state),
        counts=responses.Counts(
            priorities=len(snap.priorities),
            inputs=len(snap.inputs),
            proposals=len(snap.proposals),
        ),
        problems=[responses.Problem.model_validate(p) for p in snap.problems],
    )


async def sync(store: GovernanceStore, who: Identity) -> responses.SyncResult:
    """Fetch, rebase, push (retried when someone pushed meanwhile); a refused push goes to the
    user's fork. A conflict is reported, never left behind."""
    outcome = await store.sync(fork_branch(who))
    return responses.SyncResult.model_validate(
        {**asdict(outcome), "pulled": outcome.pulled, "pushed": outcome.pushed}
    )


async def fetch(store: GovernanceStore, who: Identity) -> responses.RemoteState:
    """The background fetch: what there is to pull and push, without changing anything local."""
    await store.fetch()
    return _remote(await store.state(fork_branch(who)))


async def set_fork(
    store: GovernanceStore, req: ForkRequest, who: Identity
) -> responses.RemoteState:
    if not is_git_url(req.url):
        raise GovError(
            "invalid_field",
            "Give your fork's address as git uses it, e.g. https://github.com/you/governance.git "
            "or git@github.com:you/governance.git.",
            field="url",
        )
    await store.set_fork(req.url)
    return _remote(await store.state(fork_branch(who)))
