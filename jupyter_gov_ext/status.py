"""`GET status` and `POST sync`: the repo's state as the panel shows it, and sharing it via a remote."""

from __future__ import annotations

from typing import Any

from .errors import GovError
from .gitrepo import GitError
from .identity import Identity
from .store import GovernanceStore, Snapshot


async def repo_status(
    store: GovernanceStore, snap: Snapshot, who: Identity, version: str
) -> dict[str, Any]:
    git = store.git
    is_repo = await git.is_work_tree()
    remotes = await git.remotes() if is_repo else []
    upstream = await git.upstream() if is_repo else None
    ahead_behind = await git.ahead_behind() if upstream else None
    config = snap.config
    return {
        "version": version,
        "repo_path": str(store.root),
        "is_git_repo": is_repo,
        "branch": await git.branch() if is_repo else None,
        "head": await git.head() if is_repo else None,
        "initialised": snap.initialised,
        "identity": who.public(),
        "member": who.is_member,
        "bodies": [b.public() for b in snap.bodies],
        "topics": list(config.topics) if config else [],
        "rules": config.rules.model_dump() if config else None,
        "remote": {
            "names": remotes,
            "upstream": upstream,
            "ahead": ahead_behind[0] if ahead_behind else None,
            "behind": ahead_behind[1] if ahead_behind else None,
        },
        "counts": {
            "priorities": len(snap.priorities),
            "inputs": len(snap.inputs),
            "proposals": len(snap.proposals),
        },
        "problems": snap.problems,
    }


async def sync(store: GovernanceStore, who: Identity) -> dict[str, Any]:
    """Pull (rebase) from the upstream branch, then push. A conflict is reported, never left behind."""
    git = store.git
    upstream = await git.upstream()
    if not upstream:
        raise GovError(
            "no_remote",
            "This branch has no upstream on a remote: add one with "
            "`git remote add origin <url>` and `git push -u origin <branch>`.",
            409,
        )
    remote = upstream.split("/", 1)[0]
    async with git.write_lock():
        before = await git.head()
        await git.run("fetch", "--quiet", remote)
        try:
            await git.run("rebase", "--quiet", "--autostash", upstream)
        except GitError as exc:
            conflicts = (
                await git.run("diff", "--name-only", "--diff-filter=U", check=False)
            ).split()
            await git.run("rebase", "--abort", check=False)
            raise GovError(
                "sync_conflict",
                "Pulling would conflict in: "
                + (", ".join(conflicts) or exc.message)
                + ". Nothing was changed; resolve it with git.",
                409,
            ) from None
        pulled = before != await git.head()
        ahead_behind = await git.ahead_behind()
        pushed = False
        if ahead_behind and ahead_behind[0] > 0:
            await git.run("push", "--quiet", remote, f"HEAD:{upstream.split('/', 1)[1]}")
            pushed = True
    return {"pulled": pulled, "pushed": pushed, "head": await git.head(), "upstream": upstream}
