"""Talking to remotes: fetch, sync (fetch, rebase, push, retried when the push loses a race), the
fork workflow, and git's errors turned into stable codes a person can act on.

Every call runs through GitRepo, so it is bounded by the network timeout and, on expiry, its whole
process group (git-remote-http, ssh) is killed. A failure keeps git's whole message in `detail`.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from pathlib import Path

from ..contract.errors import GovError
from .gitrepo import GitError, GitRepo

FORK_REMOTE = "fork"
PUSH_ATTEMPTS = 5
_SEP = "\x1f"


@dataclass(frozen=True)
class Commit:
    sha: str
    subject: str
    author: str


@dataclass(frozen=True)
class ForkPush:
    """Where the commits went when the upstream refused them, and how to propose them."""

    remote: str
    url: str
    branch: str
    pull_request_url: str | None
    reason: str


@dataclass(frozen=True)
class SyncOutcome:
    upstream: str
    head: str | None
    incoming: list[Commit] = field(default_factory=list)
    outgoing: list[Commit] = field(default_factory=list)
    pushed: bool = False
    attempts: int = 1
    fork: ForkPush | None = None

    @property
    def pulled(self) -> bool:
        return bool(self.incoming)


# git's words -> (code, HTTP status, a sentence a person can act on). First match wins.
_KINDS: list[tuple[re.Pattern[str], str, int, str]] = [
    (
        re.compile(r"\[rejected\].*\((fetch first|non-fast-forward)\)|failed to update ref|"
                   r"cannot lock ref|Updates were rejected because the (tip|remote)", re.I),
        "push_race", 409, "Someone pushed at the same moment.",
    ),
    (
        re.compile(r"could not read Username|Authentication failed|terminal prompts disabled|"
                   r"Permission denied \(publickey|HTTP (Basic: Access denied|401)|"
                   r"returned error: 40[13]|invalid credentials", re.I),
        "auth_failed", 403,
        "The remote did not accept your credentials. Git's own credential helper or SSH key is "
        "used: sign in with `git push` in a terminal once, or set up a credential helper.",
    ),
    (
        re.compile(r"does not appear to be a git repository|Repository not found|"
                   r"repository '.*' not found|No such remote|returned error: 404", re.I),
        "remote_not_found", 404,
        "The remote repository does not exist at that address (or is private): check "
        "`git remote -v`.",
    ),
    (
        re.compile(r"\[remote rejected\]|pre-receive hook declined|protected branch|GH006|"
                   r"\[rejected\]|permission to .* denied|denied to|403", re.I),
        "push_rejected", 409,
        "The remote refused your push: you may not push to this branch.",
    ),
    (
        re.compile(r"Could not resolve host|Connection refused|Connection timed out|"
                   r"Failed to connect|Network is unreachable|unable to access|timed out|"
                   r"did not finish in", re.I),
        "remote_unreachable", 502,
        "The remote could not be reached: check your network and the remote's address.",
    ),
]  # fmt: skip


def classify(stderr: str, action: str) -> GovError:
    """A failed fetch or push as a GovError with a stable code; git's whole output in `detail`."""
    for pattern, code, status, sentence in _KINDS:
        if pattern.search(stderr):
            reason = remote_reason(stderr)
            message = f"{action} failed. {sentence}"
            if reason and code == "push_rejected":
                message += f" The remote said: {reason}"
            err = GovError(code, message, status)
            err.detail = stderr.strip()
            return err
    err = GovError("repo_error", f"{action} failed: {_last_line(stderr)}", 409)
    err.detail = stderr.strip()
    return err


def remote_reason(stderr: str) -> str:
    """What the remote itself said (its `remote:` lines), e.g. GitHub's GH006 message."""
    lines = [ln[len("remote:") :].strip() for ln in stderr.splitlines() if ln.startswith("remote:")]
    return " ".join(ln for ln in lines if ln)


def _last_line(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1] if lines else "unknown error"


_GITHUB = re.compile(r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)"
                     r"([^/]+)/([^/]+?)(?:\.git)?/?$")  # fmt: skip


def pull_request_url(upstream_url: str, base: str, fork_url: str, branch: str) -> str | None:
    """GitHub's "compare across forks" page that opens a pull request; None elsewhere."""
    up, fork = _GITHUB.match(upstream_url.strip()), _GITHUB.match(fork_url.strip())
    if not up or not fork:
        return None
    return (
        f"https://github.com/{up.group(1)}/{up.group(2)}/compare/"
        f"{base}...{fork.group(1)}:{fork.group(2)}:{branch}?expand=1"
    )


class Remotes:
    """The remotes of one repo, through its GitRepo."""

    def __init__(self, git: GitRepo, network_timeout: float):
        self.git = git
        self.timeout = network_timeout

    async def _net(self, action: str, *args: str) -> str:
        try:
            return await self.git.run(*args, timeout=self.timeout)
        except GitError as exc:
            raise classify(exc.stderr, action) from None
        except GovError as exc:
            if exc.status == 504:  # the process group was killed on the timeout
                err = GovError(
                    "remote_unreachable",
                    f"{action} failed: the remote did not answer within {self.timeout:.0f} s. "
                    "Nothing was changed; try again later.",
                    504,
                )
                err.detail = exc.message
                raise err from None
            raise

    async def _commits(self, spec: str) -> list[Commit]:
        out = await self.git.run("log", f"--format=%H{_SEP}%s{_SEP}%an", spec, "--", check=False)
        return [Commit(*line.split(_SEP, 2)) for line in out.splitlines() if line.count(_SEP) == 2]

    async def upstream(self) -> tuple[str, str, str]:
        """The upstream as (`origin/main`, `origin`, `main`), or the no_remote error."""
        upstream = await self.git.upstream()
        if not upstream:
            raise GovError(
                "no_remote",
                "This branch has no upstream on a remote: add one with "
                "`git remote add origin <url>` and `git push -u origin <branch>`.",
                409,
            )
        remote, branch = upstream.split("/", 1)
        return upstream, remote, branch

    async def fetch(self) -> None:
        """Fetch the upstream's remote (and the fork's, if any); never pushes, never merges."""
        _, remote, _ = await self.upstream()
        await self._net("Fetching", "fetch", "--quiet", remote)
        if await self.fork_url():
            await self._net("Fetching the fork", "fetch", "--quiet", FORK_REMOTE)

    async def sync(
        self, fork_branch: str, holding: Callable[[], AbstractAsyncContextManager[None]]
    ) -> SyncOutcome:
        """Fetch, rebase onto the upstream, push.

        Only the rebase holds the repo (`holding`): the network steps do not, so a slow or silent
        remote never makes a write wait. A push that loses a race (the remote moved meanwhile) is
        retried with backoff after a new fetch and rebase. A push the remote refuses goes to the
        fork remote, if there is one, on `fork_branch`. A conflict is reported with its files and
        nothing is left behind.
        """
        upstream, remote, branch = await self.upstream()
        incoming: list[Commit] = []
        for attempt in range(1, PUSH_ATTEMPTS + 1):
            await self._net("Fetching", "fetch", "--quiet", remote)
            async with holding():
                incoming += await self._commits(f"HEAD..{upstream}")
                await self._rebase(upstream)
                outgoing = await self._commits(f"{upstream}..HEAD")
            if not outgoing:
                return SyncOutcome(upstream, await self.git.head(), incoming, [], False, attempt)
            try:
                await self._net("Pushing", "push", "--quiet", remote, f"HEAD:{branch}")
                return SyncOutcome(
                    upstream, await self.git.head(), incoming, outgoing, True, attempt
                )
            except GovError as err:
                if err.code == "push_rejected":
                    fork = await self._push_to_fork(upstream, branch, fork_branch, err)
                    return SyncOutcome(
                        upstream, await self.git.head(), incoming, outgoing, False, attempt, fork
                    )
                if err.code != "push_race" or attempt == PUSH_ATTEMPTS:
                    raise
            # Someone pushed meanwhile: back off a little (with jitter, so two do not collide
            # again), then fetch and rebase on what they pushed.
            await asyncio.sleep(0.1 * 2**attempt * (0.5 + random.random()))  # noqa: S311
        raise AssertionError("unreachable")

    async def _rebase(self, upstream: str) -> None:
        try:
            await self.git.run("rebase", "--quiet", "--autostash", upstream)
        except GitError as exc:
            conflicts = (
                await self.git.run("diff", "--name-only", "--diff-filter=U", check=False)
            ).split()
            await self.git.run("rebase", "--abort", check=False)
            err = GovError(
                "sync_conflict",
                "Pulling would conflict in: "
                + (", ".join(conflicts) or _last_line(exc.stderr))
                + ". Nothing was changed; resolve it with git.",
                409,
            )
            err.detail = exc.stderr.strip()
            raise err from None

    async def url(self, remote: str) -> str | None:
        """A remote's address as configured (before git's insteadOf rewriting): what the user set,
        and what tells a GitHub remote."""
        return await self.git.config(f"remote.{remote}.url")

    async def fork_url(self) -> str | None:
        return await self.url(FORK_REMOTE)

    async def set_fork(self, url: str) -> None:
        """Add (or change) the fork remote: where commits go when the upstream refuses them."""
        if await self.fork_url():
            await self.git.run("remote", "set-url", FORK_REMOTE, url)
        else:
            await self.git.run("remote", "add", FORK_REMOTE, url)

    async def _push_to_fork(
        self, upstream: str, base: str, fork_branch: str, refused: GovError
    ) -> ForkPush:
        fork_url = await self.fork_url()
        if not fork_url:
            refused.message += (
                " Your commits are safe in your clone. To propose them as a pull request, add "
                "your fork of the repository (Sync > Set up a fork), then sync again."
            )
            raise refused
        # The branch is this clone's own on the fork: after a rebase it must be replaced.
        await self._net(
            "Pushing to your fork", "push", "--quiet", "--force", FORK_REMOTE,
            f"HEAD:refs/heads/{fork_branch}",
        )  # fmt: skip
        upstream_url = await self.url(upstream.split("/", 1)[0])
        return ForkPush(
            FORK_REMOTE,
            fork_url,
            fork_branch,
            pull_request_url(upstream_url or "", base, fork_url, fork_branch),
            remote_reason(getattr(refused, "detail", "")) or refused.message,
        )

    async def waiting_for_review(self, fork_branch: str) -> int:
        """Commits ahead of the upstream that the fork branch holds (proposed, not yet merged)."""
        upstream = await self.git.upstream()
        if not upstream or not await self.fork_url():
            return 0
        ref = f"refs/remotes/{FORK_REMOTE}/{fork_branch}"
        if await self.git.try_run("rev-parse", "-q", "--verify", ref) is None:
            return 0
        out = await self.git.try_run("rev-list", "--count", f"{upstream}..{ref}")
        return int(out) if out and out.isdigit() else 0


def is_git_url(url: str) -> bool:
    """A remote address git can use: https, ssh, scp-like, file URLs or an absolute path."""
    url = url.strip()
    if any(c.isspace() for c in url) or url.startswith("-"):
        return False
    if re.match(r"^(https?|ssh|git|file)://[^\s]+$", url):
        return True
    if re.match(r"^[\w.-]+@[\w.-]+:[^\s]+$", url):
        return True
    return Path(url).is_absolute()
