"""The git CLI, run as asyncio subprocesses: argv lists, no shell, no prompts, a timeout on the process.

Writers are serialised by `RepoLock`: an asyncio lock for this process plus an flock on a file in the
git directory, which also holds between two Jupyter servers on one repo.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import GovError

log = logging.getLogger(__name__)


class GitError(GovError):
    def __init__(self, args: Sequence[str], returncode: int, stderr: str):
        detail = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {returncode}"
        super().__init__("repo_error", f"git {args[0]} failed: {detail}", 500)
        self.returncode = returncode
        self.stderr = stderr


@dataclass(frozen=True)
class Signature:
    name: str
    email: str

    def safe(self) -> Signature:
        # git would reject or mangle these characters in an ident; never let them through.
        def clean(s: str) -> str:
            return "".join(c for c in s if c not in "<>\n\r\0").strip()

        return Signature(clean(self.name) or "unknown", clean(self.email) or "unknown@localhost")


class GitRepo:
    def __init__(self, root: Path, timeout: float = 60.0, stale_lock_seconds: float = 120.0):
        self.root = root
        self.timeout = timeout
        self.stale_lock_seconds = stale_lock_seconds
        self._lock = asyncio.Lock()

    # --- running git -----------------------------------------------------------------------------

    async def run(
        self,
        *args: str,
        check: bool = True,
        env: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> str:
        full_env = {
            **os.environ,
            "GIT_TERMINAL_PROMPT": "0",
            "LC_ALL": "C",
            "GIT_PAGER": "cat",
            **(env or {}),
        }
        proc = await asyncio.create_subprocess_exec(
            "git",
            "-C",
            str(self.root),
            *args,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=full_env,
        )
        try:
            out, err = await asyncio.wait_for(proc.communicate(), timeout or self.timeout)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()
            raise GovError(
                "repo_error", f"git {args[0]} did not finish in {timeout or self.timeout} s", 504
            ) from None
        if check and proc.returncode != 0:
            raise GitError(args, proc.returncode or 1, err.decode(errors="replace"))
        return out.decode(errors="replace")

    async def try_run(self, *args: str) -> str | None:
        try:
            return (await self.run(*args)).strip()
        except GitError:
            return None

    # --- reading ---------------------------------------------------------------------------------

    async def is_work_tree(self) -> bool:
        return await self.try_run("rev-parse", "--is-inside-work-tree") == "true"

    async def toplevel(self) -> Path | None:
        top = await self.try_run("rev-parse", "--show-toplevel")
        return Path(top) if top else None

    async def git_dir(self) -> Path:
        return Path((await self.run("rev-parse", "--absolute-git-dir")).strip())

    async def head(self) -> str | None:
        return await self.try_run("rev-parse", "--verify", "-q", "HEAD")

    async def branch(self) -> str | None:
        return await self.try_run("symbolic-ref", "--short", "-q", "HEAD")

    async def config(self, key: str) -> str | None:
        return await self.try_run("config", "--get", key) or None

    async def upstream(self) -> str | None:
        return await self.try_run("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}")

    async def remotes(self) -> list[str]:
        out = await self.try_run("remote")
        return out.split() if out else []

    async def ahead_behind(self) -> tuple[int, int] | None:
        """Commits ahead of and behind the upstream branch, as of the last fetch."""
        out = await self.try_run("rev-list", "--left-right", "--count", "HEAD...@{u}")
        if not out:
            return None
        ahead, behind = out.split()
        return int(ahead), int(behind)

    async def tracked(self, paths: Sequence[str]) -> set[str]:
        out = await self.run("ls-files", "-z", "--", *paths)
        return {p for p in out.split("\0") if p}

    # --- writing ---------------------------------------------------------------------------------

    async def init(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        await self.run("init", "-q")

    async def commit_paths(self, paths: Sequence[str], message: str, author: Signature) -> str:
        """Stage exactly `paths` (additions, changes, deletions) and commit only them.

        Whatever else the user has staged or changed in the work tree stays out of the commit.
        """
        author = author.safe()
        env = {"GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email}
        # A fresh machine may have no committer identity; commit as the author then.
        if not await self.config("user.email"):
            env |= {"GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email}
        await self.run("add", "-A", "--", *paths)
        await self.run("commit", "-q", "--no-edit", "-m", message, "--only", "--", *paths, env=env)
        return (await self.run("rev-parse", "HEAD")).strip()

    async def unstage(self, paths: Sequence[str]) -> None:
        """Put the index entries of `paths` back as they are in HEAD (or drop them on no HEAD)."""
        if await self.head():
            await self.run("reset", "-q", "--", *paths, check=False)
        else:
            await self.run("rm", "-q", "--cached", "--ignore-unmatch", "--", *paths, check=False)

    # --- locking ---------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def write_lock(self) -> AsyncIterator[None]:
        """Hold the repo for one write: this process first, then every process on this repo."""
        async with self._lock:
            git_dir = await self.git_dir()
            fd = os.open(git_dir / "jupyter-gov.lock", os.O_RDWR | os.O_CREAT, 0o644)
            try:
                deadline = time.monotonic() + self.timeout
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            raise GovError(
                                "repo_busy", "Another server is writing to this repo.", 503
                            ) from None
                        await asyncio.sleep(0.05)
                try:
                    await self._clear_stale_index_lock(git_dir)
                    yield
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    async def _clear_stale_index_lock(self, git_dir: Path) -> None:
        """A git that crashed leaves .git/index.lock behind and every later commit fails.

        A lock younger than `stale_lock_seconds` may belong to a git the user is running: wait for
        it. An older one cannot (no git command holds the index that long), so remove it.
        """
        lock = git_dir / "index.lock"
        deadline = time.monotonic() + min(self.timeout, 10)
        while True:
            try:
                age = time.time() - lock.stat().st_mtime
            except FileNotFoundError:
                return
            if age > self.stale_lock_seconds:
                log.warning("Removing stale %s (%.0f s old)", lock, age)
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                return
            if time.monotonic() > deadline:
                raise GovError(
                    "repo_busy",
                    "Another git command holds the repo's index (.git/index.lock); try again.",
                    503,
                )
            await asyncio.sleep(0.1)
