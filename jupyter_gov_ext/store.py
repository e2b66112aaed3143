"""The governance store: records as files in a git repo, read through an index, every write a commit.

Reads go through `snapshot()`, which refreshes the per-folder indexes from what changed on disk
(a commit pulled in or a hand edit shows up on the next request). Writes go through `write()`, one
transaction: validate paths (never through a symbolic link), journal the old bytes in `.git/`, write
each file atomically, commit exactly those files; on any failure the files are put back as they
were, and a write interrupted by a crash is rolled back (or finished) by the next writer or start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import secrets
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from . import frontmatter, journal
from .errors import GovError
from .gitrepo import GitRepo, Signature
from .models import (
    RECORD_ID,
    Ballot,
    GovernanceConfig,
    Input,
    Priority,
    Proposal,
    parse_governance,
)
from .recordindex import RecordIndex
from .roster import ResolvedBody, resolve_bodies

log = logging.getLogger(__name__)
GOVERNANCE_FILE = "governance.yml"
DATA_DIRS = ("priorities", "inputs", "proposals", "votes")
_ID_RE = re.compile(RECORD_ID)


def slugify(text: str, max_len: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_len].rstrip("-") or "untitled"


def new_id(title: str, now: datetime | None = None) -> str:
    """`<YYYY-MM-DD>-<slug>-<rand6>`: two clones never make the same id, so merges never conflict."""
    now = now or datetime.now(UTC)
    rand = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6))
    return f"{now:%Y-%m-%d}-{slugify(title)}-{rand}"


def check_id(value: Any, field_name: str) -> str:
    """A client-sent id is used in a path only if it is one safe segment (no / \\ .. NUL)."""
    if not isinstance(value, str) or not _ID_RE.match(value):
        raise GovError("invalid_field", f"'{field_name}' is not a valid id.", 400, field_name)
    return value


@dataclass
class Snapshot:
    """Everything read from the repo for one request."""

    initialised: bool
    config: GovernanceConfig | None
    bodies: list[ResolvedBody]
    priorities: list[Priority]
    inputs: list[Input]
    proposals: list[Proposal]
    # proposal id -> lower-cased member id -> ballot: one member, one ballot, whatever the case
    ballots: dict[str, dict[str, Ballot]]
    problems: list[dict[str, str]] = field(default_factory=list)
    # proposal id -> lower-cased member id -> the file that holds the ballot (rewritten in place)
    ballot_files: dict[str, dict[str, str]] = field(default_factory=dict)

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


def _markdown_parser(model):
    """A parser for one kind of front-matter record whose id must match its file name."""

    def parse(rel: str, text: str):
        meta, body = frontmatter.loads(text)
        record = model.model_validate({**meta, "body": body})
        _check_stem(rel, record.id)
        return record

    return parse


_parse_priority = _markdown_parser(Priority)
_parse_input = _markdown_parser(Input)
_parse_proposal = _markdown_parser(Proposal)


def _parse_ballot(rel: str, text: str) -> Ballot:
    data = frontmatter.load_yaml(text)
    if not isinstance(data, dict):
        raise ValueError("a ballot must be a YAML mapping")
    member = PurePosixPath(rel).stem
    return Ballot.model_validate({**data, "member": member})


def _check_stem(rel: str, record_id: str) -> None:
    if PurePosixPath(rel).stem != record_id:
        raise ValueError(f"id '{record_id}' does not match the file name")


class GovernanceStore:
    def __init__(self, root: Path, git: GitRepo | None = None):
        self.root = root.resolve()
        self.git = git or GitRepo(self.root)
        self.priorities = RecordIndex(self.root, "priorities", ".md", 1, _parse_priority)
        self.inputs = RecordIndex(self.root, "inputs", ".md", 2, _parse_input)
        self.proposals = RecordIndex(self.root, "proposals", ".md", 1, _parse_proposal)
        self.votes = RecordIndex(self.root, "votes", ".yml", 2, _parse_ballot)
        self._config_cache: tuple[Any, Any] | None = None
        self._read_lock = asyncio.Lock()

    # --- paths -----------------------------------------------------------------------------------

    def safe_path(self, rel: str) -> Path:
        """The path of a repo-relative record path: one that stays in the repo, with no symbolic
        link anywhere along it (a link could lead out of the repo, or onto another file in it)."""
        if not rel or "\0" in rel or "\\" in rel or rel.startswith("/"):
            raise GovError("invalid_field", "Not a path inside the governance repo.", 400)
        parts = PurePosixPath(rel).parts
        if ".." in parts or "." in parts or parts[0] == ".git":
            raise GovError("invalid_field", "Not a path inside the governance repo.", 400)
        path = self.root
        for part in parts:
            path = path / part
            if path.is_symlink():
                raise GovError(
                    "conflict",
                    f"{path.relative_to(self.root)} is a symbolic link in the repo; the server never "
                    "writes or reads through one. Replace it with a plain file or folder.",
                    409,
                )
        return path

    def read_repo_yaml(self, rel: str) -> Any:
        """A YAML file of the repo (governance.yml, a roster); any refusal is a ValueError, which
        callers report under `problems`."""
        try:
            path = self.safe_path(rel)
        except GovError as err:
            raise ValueError(err.message) from None
        if path.stat().st_size > frontmatter.MAX_FILE_BYTES:
            raise ValueError("file too large")
        try:
            return frontmatter.load_yaml(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise ValueError("not UTF-8 text") from None

    # --- reading ---------------------------------------------------------------------------------

    async def snapshot(self) -> Snapshot:
        await self._recover_if_interrupted()
        async with self._read_lock:
            return await asyncio.to_thread(self._snapshot_sync)

    async def _recover_if_interrupted(self) -> None:
        """A journal left by a writer that died: undo it before anyone reads the half-write."""
        git_dir = await self.git.git_dir()
        if not journal.exists(git_dir):
            return  # the common case: one stat
        async with self.git.try_write_lock() as mine:
            if mine:  # else a live writer holds it, and the journal is its own
                await self.recover()

    async def recover(self) -> bool:
        """Finish or roll back an interrupted write; call with the write lock held. True if one was
        found. The commit landed if HEAD moved on from the journal's HEAD with its message."""
        git_dir = await self.git.git_dir()
        entry = journal.read(git_dir)
        if entry is None:
            return False
        head = await self.git.head()
        landed = False
        if head and head != entry.head:
            parent = await self.git.try_run("rev-parse", "-q", "--verify", "HEAD~1")
            subject = await self.git.try_run("log", "-1", "--format=%B", "HEAD")
            landed = parent == entry.head and (subject or "").strip() == entry.message.strip()
        if not landed:
            for rel, old in entry.backups.items():
                path = self.root / rel
                if old is None:
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
                else:
                    _atomic_write(path, old)
            await self.git.unstage(list(entry.backups))
        journal.clear(git_dir)
        log.warning(
            "jupyter_gov_ext: %s an interrupted write (%s)",
            "finished" if landed else "rolled back",
            entry.message,
        )
        return True

    def _snapshot_sync(self) -> Snapshot:
        problems: list[dict[str, str]] = []
        config, bodies, initialised = self._read_config(problems)
        for index in (self.priorities, self.inputs, self.proposals, self.votes):
            index.refresh()
            problems += index.problems()
        ballots: dict[str, dict[str, Ballot]] = {}
        ballot_files: dict[str, dict[str, str]] = {}
        for rel, ballot in sorted(self.votes.items()):
            proposal_id = PurePosixPath(rel).parent.name
            key = (ballot.member or "").lower()
            first = ballot_files.setdefault(proposal_id, {}).setdefault(key, rel)
            if first != rel:
                # Two files for one member (names differing in case): the first in path order
                # counts, once; the other is reported.
                problems.append(
                    {
                        "path": rel,
                        "problem": f"a second ballot of '{key}' (first: {first}); "
                        "only one ballot per member counts: remove one of the files",
                    }
                )
                continue
            ballots.setdefault(proposal_id, {})[key] = ballot
        for body in bodies:
            problems += [
                {"path": body.roster_file or GOVERNANCE_FILE, "problem": p} for p in body.problems
            ]
        return Snapshot(
            initialised=initialised,
            config=config,
            bodies=bodies,
            priorities=sorted(self.priorities.records(), key=lambda p: (p.order, p.title)),
            inputs=_unique(self.inputs, problems),
            proposals=_unique(self.proposals, problems),
            ballots=ballots,
            problems=problems,
            ballot_files=ballot_files,
        )

    def _read_config(self, problems: list[dict[str, str]]):
        path = self.root / GOVERNANCE_FILE
        try:
            st = path.lstat()
        except FileNotFoundError:
            return None, [], False
        config = None
        try:
            if path.is_symlink():
                raise ValueError("governance.yml must be a file, not a link")
            key = (st.st_mtime_ns, st.st_size, st.st_ino)
            if self._config_cache and self._config_cache[0] == key:
                config = self._config_cache[1]
            else:
                config = parse_governance(self.read_repo_yaml(GOVERNANCE_FILE))
                self._config_cache = (key, config)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ())) or "file"
            problems.append({"path": GOVERNANCE_FILE, "problem": f"{where}: {first['msg']}"})
        except (ValueError, OSError) as exc:
            problems.append({"path": GOVERNANCE_FILE, "problem": str(exc)})
        # Rosters are re-read every time: they are small, and their maintainers edit them by hand.
        bodies = resolve_bodies(config.all_bodies(), self.read_repo_yaml) if config else []
        return config, bodies, True

    # --- writing ---------------------------------------------------------------------------------

    async def write(self, files: dict[str, str | None], message: str, author: Signature) -> str:
        """Write (or delete, for None) `files` and commit exactly them; return the commit id.

        All or nothing: if anything fails, every file is restored and the index entries reset. A
        write that changes nothing makes no commit and returns the current HEAD.
        """
        for rel in files:
            self.safe_path(rel)  # refuse bad paths before waiting for the lock
        async with self.git.write_lock():
            await self.recover()
            paths = {rel: self.safe_path(rel) for rel in files}  # again: links may have appeared
            backups: dict[str, bytes | None] = {
                rel: path.read_bytes() if path.is_file() else None for rel, path in paths.items()
            }
            changed = {
                rel: None if content is None else content.encode("utf-8")
                for rel, content in files.items()
                if (None if content is None else content.encode("utf-8")) != backups[rel]
            }
            if not changed:
                return await self.git.head() or ""
            git_dir = await self.git.git_dir()
            journal.write(git_dir, journal.Entry(await self.git.head(), message, backups))
            try:
                for rel, data in changed.items():
                    if data is None:
                        with contextlib.suppress(FileNotFoundError):
                            paths[rel].unlink()
                    else:
                        _atomic_write(paths[rel], data)
                commit = await self.git.commit_paths(list(changed), message, author)
            except BaseException:
                for rel in changed:
                    old = backups[rel]
                    if old is None:
                        with contextlib.suppress(FileNotFoundError):
                            paths[rel].unlink()
                    else:
                        _atomic_write(paths[rel], old)
                await asyncio.shield(self.git.unstage(list(changed)))
                journal.clear(git_dir)
                raise
            journal.clear(git_dir)
            return commit


def _unique(index: RecordIndex, problems: list[dict[str, str]]) -> list:
    """Records with distinct ids: a second file with an id already seen is reported, not listed."""
    seen: dict[str, str] = {}
    out = []
    for rel, record in sorted(index.items()):
        first = seen.setdefault(record.id, rel)
        if first != rel:
            problems.append({"path": rel, "problem": f"the id '{record.id}' is also {first}"})
            continue
        out.append(record)
    return out


def _atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename: a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gov-tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
