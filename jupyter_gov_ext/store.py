"""The governance store: records as files in a git repo, read through an index, every write a commit.

Reads go through `snapshot()`, which refreshes the per-folder indexes from what changed on disk
(a commit pulled in or a hand edit shows up on the next request). Writes go through `write()`, one
transaction: validate paths, write each file atomically, commit exactly those files; on any failure
the files and the index entries are put back as they were.
"""

from __future__ import annotations

import asyncio
import contextlib
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

from . import frontmatter
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
                "repo_error", "governance.yml cannot be read; see `problems` in status.", 500
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
        """The absolute path of a repo-relative record path, refused unless it stays in the repo."""
        if not rel or "\0" in rel or "\\" in rel or rel.startswith("/"):
            raise GovError("invalid_field", "Not a path inside the governance repo.", 400)
        parts = PurePosixPath(rel).parts
        if ".." in parts or "." in parts:
            raise GovError("invalid_field", "Not a path inside the governance repo.", 400)
        path = (self.root / rel).resolve()
        if not path.is_relative_to(self.root):
            raise GovError("invalid_field", "Not a path inside the governance repo.", 400)
        return path

    def read_repo_yaml(self, rel: str) -> Any:
        path = self.safe_path(rel)
        if path.stat().st_size > frontmatter.MAX_FILE_BYTES:
            raise ValueError("file too large")
        return frontmatter.load_yaml(path.read_text(encoding="utf-8"))

    # --- reading ---------------------------------------------------------------------------------

    async def snapshot(self) -> Snapshot:
        async with self._read_lock:
            return await asyncio.to_thread(self._snapshot_sync)

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
            inputs=self.inputs.records(),
            proposals=self.proposals.records(),
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

        All or nothing: if anything fails, every file is restored and the index entries reset.
        """
        paths = {rel: self.safe_path(rel) for rel in files}
        async with self.git.write_lock():
            backups: dict[str, bytes | None] = {}
            for rel, path in paths.items():
                backups[rel] = path.read_bytes() if path.exists() else None
            try:
                for rel, content in files.items():
                    if content is None:
                        with contextlib.suppress(FileNotFoundError):
                            paths[rel].unlink()
                    else:
                        _atomic_write(paths[rel], content.encode("utf-8"))
                return await self.git.commit_paths(list(files), message, author)
            except BaseException:
                for rel, old in backups.items():
                    if old is None:
                        with contextlib.suppress(FileNotFoundError):
                            paths[rel].unlink()
                    else:
                        _atomic_write(paths[rel], old)
                await asyncio.shield(self.git.unstage(list(files)))
                raise


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
