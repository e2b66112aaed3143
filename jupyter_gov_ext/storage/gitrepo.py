"""The git CLI, run as asyncio subprocesses: argv lists, no shell, no prompts, a timeout on the process.

Writers are serialised by `write_lock()`: an asyncio lock for this process plus an flock on a file
in the git directory, which also holds between two Jupyter servers on one repo (and is released by
the kernel when its holder dies). Other git programs on the same repo (JupyterLab's git panel runs
`git status` all the time) take `.git/index.lock` briefly: a command that finds it taken is retried
with backoff, and a lock that no live process holds (its git was killed) is removed at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import re
import signal
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from ..contract.errors import GovError
from ..contract.records import Signature
from ..domain.history import LoggedCommit
from .files import stat_key

log = logging.getLogger(__name__)

# Commands that take .git/index.lock: retried while another git program holds it.
_INDEX_WRITERS = frozenset({"add", "commit", "reset", "rm", "rebase", "stash", "checkout", "merge"})
# About 20 s in all: a git panel polling `git status` on a busy machine may hold the lock often.
_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, *[1.0] * 19)
# What git says when the user's signing program could not sign (GPG or SSH).
_SIGNING_FAILED = re.compile(
    r"gpg failed to sign|Couldn't load public key|failed to sign|signing failed|ssh-keygen",
    re.IGNORECASE,
)
_BUSY = re.compile(
    r"index\.lock|index file smaller than expected|index file corrupt|bad index file"
)


def lock_is_held(lock: Path, repo: Path) -> bool | None:
    """Whether a live process may hold `lock`: it has the file open, or it is a git running in
    `repo`. None where /proc cannot tell (not Linux)."""
    proc = Path("/proc")
    if not (proc / "self" / "fd").is_dir():
        return None
    target, top = str(lock), str(repo)
    for pid in os.listdir(proc):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        base = f"/proc/{pid}"
        try:
            with open(f"{base}/comm", encoding="utf-8") as f:
                comm = f.read().strip()
            if comm.startswith("git"):
                cwd = os.readlink(f"{base}/cwd")
                if cwd == top or cwd.startswith(top + os.sep):
                    return True
            for fd in os.listdir(f"{base}/fd"):
                if os.readlink(f"{base}/fd/{fd}") == target:
                    return True
        except OSError:
            continue  # the process ended, or is not ours to look at
    return False


# Commits and their fields, split by characters no commit subject or name contains.
_LOG_FORMAT = "%x1e%H%x1f%an%x1f%aI%x1f%s"


class GitError(GovError):
    def __init__(self, args: Sequence[str], returncode: int, stderr: str):
        detail = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {returncode}"
        super().__init__("repo_error", f"git {args[0]} failed: {detail}", 409)
        self.returncode = returncode
        self.stderr = stderr
        self.detail = stderr.strip() or None


class GitRepo:
    def __init__(self, root: Path, timeout: float = 60.0, stale_lock_seconds: float = 120.0):
        self.root = root
        self.timeout = timeout
        self.stale_lock_seconds = stale_lock_seconds
        self._lock = asyncio.Lock()
        self._git_dir: Path | None = None
        self._clean_index: tuple[int, int, int] | None = None

    # --- running git -----------------------------------------------------------------------------

    async def run(
        self,
        *args: str,
        check: bool = True,
        env: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> str:
        for delay in (*_RETRY_DELAYS, None):
            code, out, err = await self._exec(args, env, timeout)
            # Another git program on the repo: its lock, or its index caught mid-replacement.
            busy = code != 0 and args[0] in _INDEX_WRITERS and _BUSY.search(err) is not None
            if not busy:
                break
            if delay is None:
                raise GovError(
                    "repo_busy",
                    "Another git program is using this repo (.git/index.lock); try again.",
                    409,
                )
            await self._clear_stale_index_lock(await self.git_dir(), wait=False)
            await asyncio.sleep(delay)
        if check and code != 0:
            raise GitError(args, code or 1, err)
        return out

    async def _exec(
        self, args: Sequence[str], env: dict[str, str] | None, timeout: float | None
    ) -> tuple[int, str, str]:
        code, out, err = await self._exec_bytes(args, env, timeout)
        return code, out.decode(errors="replace"), err.decode(errors="replace")

    async def _exec_bytes(
        self, args: Sequence[str], env: dict[str, str] | None, timeout: float | None
    ) -> tuple[int, bytes, bytes]:
        """Run git once; on timeout the whole process group (helpers included) is killed."""
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
            start_new_session=True,  # its own process group, so a timeout kills its helpers too
        )
        try:
            out, err = await asyncio.wait_for(proc.communicate(), timeout or self.timeout)
        except (TimeoutError, asyncio.CancelledError) as exc:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            await asyncio.shield(proc.wait())
            if isinstance(exc, asyncio.CancelledError):
                raise
            raise GovError(
                "repo_error", f"git {args[0]} did not finish in {timeout or self.timeout} s", 504
            ) from None
        return proc.returncode or 0, out, err

    async def _code(self, *args: str) -> int:
        """Just the exit code (e.g. `diff --quiet`: 0 same, 1 different)."""
        code, _, _ = await self._exec(args, None, None)
        return code

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
        if self._git_dir is None:
            self._git_dir = Path((await self.run("rev-parse", "--absolute-git-dir")).strip())
        return self._git_dir

    async def head(self) -> str | None:
        return await self.try_run("rev-parse", "--verify", "-q", "HEAD")

    async def log(self, paths: Sequence[str], limit: int = 1000) -> list[LoggedCommit]:
        """The commits that touched `paths`, newest first, with what each changed of them."""
        if await self.head() is None:
            return []
        out = await self.run(
            "-c", "core.quotePath=false", "log", f"--max-count={limit}", "--no-renames",
            f"--format={_LOG_FORMAT}", "--name-status", "--", *paths,
        )  # fmt: skip
        commits = []
        for chunk in out.split("\x1e")[1:]:
            head, _, names = chunk.partition("\n")
            commit, author, when, subject = (head.split("\x1f") + ["", "", ""])[:4]
            changes = tuple(
                (line[0], line.split("\t", 1)[1]) for line in names.splitlines() if "\t" in line
            )
            commits.append(LoggedCommit(commit, author, when, subject, changes))
        return commits

    async def resolve(self, rev: str) -> str | None:
        """The commit a branch, tag or commit id names, or None."""
        if rev.startswith("-"):
            return None  # never an option
        return await self.try_run(
            "rev-parse", "--verify", "-q", "--end-of-options", f"{rev}^{{commit}}"
        )

    async def commit_before(self, when: str) -> str | None:
        """The last commit of HEAD's first-parent line made on or before `when` (a date or time)."""
        return (
            await self.try_run("rev-list", "-1", "--first-parent", f"--before={when}", "HEAD")
            or None
        )

    async def archive(self, commit: str) -> bytes:
        """The tree of `commit` as a tar archive."""
        code, out, err = await self._exec_bytes(("archive", "--format=tar", commit), None, None)
        if code != 0:
            raise GitError(("archive", commit), code, err.decode(errors="replace"))
        return out

    async def last_commits(self, folder: str, rev: str = "HEAD") -> dict[str, str]:
        """repo-relative path -> the newest commit of `rev`'s history that wrote it, for the
        files under `folder`."""
        if await self.resolve(rev) is None:
            return {}
        out = await self.run(
            "-c", "core.quotePath=false", "log", "--no-renames", "--diff-filter=AM",
            "--format=%x1e%H", "--name-only", rev, "--", folder,
        )  # fmt: skip
        newest: dict[str, str] = {}
        for chunk in out.split("\x1e")[1:]:
            commit, _, names = chunk.partition("\n")
            for name in names.splitlines():
                if name:
                    newest.setdefault(name, commit.strip())
        return newest

    async def changed_paths(self, *paths: str, ignored: bool = False) -> set[str]:
        """Files under `paths` that differ from HEAD (changed, staged, new, and with `ignored`
        the ones git ignores too)."""
        out = await self.run(
            # Paths from governance.yml are plain paths, never pathspec magic (":!votes").
            "--no-optional-locks", "--literal-pathspecs", "-c", "core.quotePath=false", "status",
            "--porcelain=v1", "-z", "--untracked-files=all",
            *(["--ignored=matching"] if ignored else []), "--", *paths,
        )  # fmt: skip
        return {entry[3:] for entry in out.split("\0") if len(entry) > 3}

    async def signatures(
        self, commits: Sequence[str], allowed_signers: Path | None
    ) -> dict[str, tuple[str, str]]:
        """commit -> (git's %G? letter, the signer git names) as git verifies each signature.

        SSH signatures are checked against `allowed_signers` (the repo's file), or, when the repo
        names none, against an empty list, so a good signature by a key nobody vouched for reads
        as unknown rather than as missing."""
        if allowed_signers is not None:
            option = ["-c", f"gpg.ssh.allowedSignersFile={allowed_signers}"]
        elif await self.config("gpg.ssh.allowedSignersFile"):
            option = []  # the user's own list
        else:
            option = ["-c", f"gpg.ssh.allowedSignersFile={os.devnull}"]
        unique = list(dict.fromkeys(commits))
        found = {}
        for start in range(0, len(unique), 500):  # argv stays short
            out = await self.run(
                *option, "log", "--no-walk=unsorted", "--format=%H%x1f%G?%x1f%GS",
                *unique[start : start + 500], "--",
            )  # fmt: skip
            for line in out.splitlines():
                commit, letter, signer = (line.split("\x1f") + ["", ""])[:3]
                found[commit] = (letter or "N", signer)
        return found

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

    # --- writing ---------------------------------------------------------------------------------

    async def init(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        await self.run("init", "-q")

    async def commit_paths(
        self, paths: Sequence[str], message: str, author: Signature, has_committer: bool = True
    ) -> str:
        """Stage exactly `paths` (additions, changes, deletions) and commit only them.

        Whatever else the user has staged or changed in the work tree stays out of the commit.
        `has_committer`: git knows who commits here (user.email); else the author commits.
        """
        author = author.safe()
        env = {"GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email}
        if not has_committer:  # a fresh machine may have no identity: commit as the author then
            env |= {"GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email}
        # Nothing else staged (the usual case): a plain commit of the index. Else `--only`, which
        # keeps the user's other staged changes out, at the price of a temporary index (slower).
        index = await self.git_dir() / "index"
        clean = self._clean_index is not None and self._clean_index == stat_key(index)
        others_staged = not clean and await self._code("diff", "--cached", "--quiet") != 0
        await self.run("add", "-A", "--", *paths)
        only = ["--only", "--", *paths] if others_staged else []
        try:
            await self.run("commit", "-q", "--no-edit", "-m", message, *only, env=env)
        except GitError as exc:
            if _SIGNING_FAILED.search(exc.stderr):
                raise GovError(
                    "signing_failed",
                    "Your git is set to sign commits (commit.gpgsign) but could not sign this "
                    f"one: {exc.message.removeprefix('git commit failed: ')} Load your key into "
                    "ssh-agent or gpg-agent (the server cannot ask for a passphrase), or turn "
                    "signing off for this clone. Nothing was written.",
                    409,
                ) from None
            raise
        # After a plain commit the index is HEAD's: while it stays as it is, nothing else is staged.
        self._clean_index = None if others_staged else stat_key(index)
        return await self.head_from_files() or (await self.run("rev-parse", "HEAD")).strip()

    async def head_from_files(self) -> str | None:
        """HEAD's commit read from .git (no process): the loose ref a commit has just written."""
        git_dir = await self.git_dir()
        try:
            head = (git_dir / "HEAD").read_text().strip()
            if head.startswith("ref: "):
                head = (git_dir / head[5:]).read_text().strip()
        except OSError:
            return None
        return head if len(head) == 40 and all(c in "0123456789abcdef" for c in head) else None

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
                                "repo_busy", "Another server is writing to this repo.", 409
                            ) from None
                        await asyncio.sleep(0.05)
                try:
                    await self._clear_stale_index_lock(git_dir)
                    yield
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    @contextlib.asynccontextmanager
    async def try_write_lock(self) -> AsyncIterator[bool]:
        """The write lock if it is free now (True), else nothing (False); never waits."""
        if self._lock.locked():
            yield False
            return
        async with self._lock:
            git_dir = await self.git_dir()
            fd = os.open(git_dir / "jupyter-gov.lock", os.O_RDWR | os.O_CREAT, 0o644)
            try:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    yield False
                    return
                try:
                    yield True
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    async def _clear_stale_index_lock(self, git_dir: Path, wait: bool = True) -> None:
        """A git that was killed leaves .git/index.lock behind and every later commit fails.

        A lock that no live process holds (nobody has it open, no git runs in the repo) is stale:
        remove it at once. One that a live git holds is waited for (briefly); where /proc cannot
        tell, a lock older than `stale_lock_seconds` is taken as stale.
        """
        lock = git_dir / "index.lock"
        deadline = time.monotonic() + min(self.timeout, 10)
        while True:
            try:
                age = time.time() - lock.stat().st_mtime
            except FileNotFoundError:
                return
            held = await asyncio.to_thread(lock_is_held, lock, self.root)
            if held is False or (held is None and age > self.stale_lock_seconds):
                log.warning("Removing stale %s (%.1f s old, no live owner)", lock, age)
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                return
            if not wait:
                return
            if time.monotonic() > deadline:
                raise GovError(
                    "repo_busy",
                    "Another git command holds the repo's index (.git/index.lock); try again.",
                    409,
                )
            await asyncio.sleep(0.1)
