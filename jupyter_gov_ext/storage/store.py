"""The governance store: records as files in a git repo, read through an index, every write a commit.

Reads go through `snapshot()`, which refreshes the per-folder indexes from what changed on disk
(a commit pulled in or a hand edit shows up on the next request). Writes go through `save()`, one
transaction: place and serialise each record (layout), check its path (never through a symbolic
link), journal the old bytes in `.git/`, write each file atomically, commit exactly those files; on
any failure the files are put back as they were, and a write interrupted by a crash is rolled back
(or finished) by the next writer or start. Services hand records to this layer, never paths.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import json
import logging
import os
from collections.abc import AsyncIterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..contract.errors import GovError
from ..contract.records import (
    Ballot,
    GovernanceConfig,
    Input,
    Pillar,
    Priority,
    Proposal,
    Signature,
    parse_governance,
)
from ..domain.history import LoggedCommit
from ..domain.roster import resolve_bodies
from ..domain.signatures import SignatureStatus, status_of
from ..domain.snapshot import Snapshot
from . import files, frontmatter, journal, layout, verdicts
from .gitrepo import GitRepo
from .recordindex import RecordIndex
from .remote import Remotes, SyncOutcome
from .watch import Watcher

log = logging.getLogger(__name__)
# Set while this task holds the repo's write lock (see GovernanceStore.writing).
_HOLDING: ContextVar[bool] = ContextVar("jupyter_gov_ext_holding", default=False)


def _index_cache(root: Path, folder: str, model: Any) -> tuple[Path | None, str]:
    """Where an index is kept across restarts (in `.git/`, which no pull writes) and the tag that
    must match for it to be used: the record model's schema, so a changed model parses again."""
    git_dir = root / ".git"
    if not git_dir.is_dir() or git_dir.is_symlink():
        return None, ""
    schema = json.dumps(model.model_json_schema(), sort_keys=True)
    tag = hashlib.sha1(schema.encode(), usedforsecurity=False).hexdigest()[:16]
    return git_dir / "jupyter-gov-ext" / f"index-{folder}.pickle", tag


def _markdown_parser(model):
    """A parser for one kind of front-matter record whose id must match its file name."""

    def parse(rel: str, text: str):
        meta, body = frontmatter.loads(text)
        record = model.model_validate({**meta, "body": body})
        if layout.stem(rel) != record.id:
            raise ValueError(f"id '{record.id}' does not match the file name")
        return record

    return parse


def _parse_ballot(rel: str, text: str) -> Ballot:
    data = frontmatter.load_yaml(text)
    if not isinstance(data, dict):
        raise ValueError("a ballot must be a YAML mapping")
    return Ballot.model_validate({**data, "member": layout.stem(rel)})


@dataclass(frozen=True)
class RepoState:
    """What `GET status` shows of git: where the repo is and how it stands to its remote."""

    is_git_repo: bool
    branch: str | None
    head: str | None
    remotes: list[str]
    upstream: str | None
    ahead_behind: tuple[int, int] | None
    fork_url: str | None = None
    waiting_for_review: int = 0


class GovernanceStore:
    def __init__(
        self,
        root: Path,
        git: GitRepo | None = None,
        timeout: float = 60.0,
        network_timeout: float = 30.0,
    ):
        self.root = root.resolve()
        self.git = git or GitRepo(self.root, timeout=timeout)
        self.remotes = Remotes(self.git, network_timeout)

        def index(folder: str, suffix: str, depth: int, model: Any, parse: Any) -> RecordIndex:
            return RecordIndex(
                self.root, folder, suffix, depth, parse, *_index_cache(self.root, folder, model)
            )

        self.priorities = index("priorities", ".md", 1, Priority, _markdown_parser(Priority))
        self.inputs = index("inputs", ".md", 2, Input, _markdown_parser(Input))
        self.proposals = index("proposals", ".md", 1, Proposal, _markdown_parser(Proposal))
        self.votes = index("votes", ".yml", 2, Ballot, _parse_ballot)
        self.pillars = index("pillars", ".md", 1, Pillar, _markdown_parser(Pillar))
        self._config_cache: tuple[Any, GovernanceConfig] | None = None
        self._read_lock = asyncio.Lock()
        # proposal id -> lower-cased member id -> the file that holds that member's ballot
        self._ballot_files: dict[str, dict[str, str]] = {}
        # The last snapshot and what it was read from: shared by requests until something changes
        # (a snapshot is never modified once made).
        self._snap: Snapshot | None = None
        self._snap_key: tuple | None = None
        self._identity: tuple[tuple, tuple[str | None, str | None]] | None = None
        # The last snapshot given signatures, what they were verified against, and the result.
        self._signed: tuple[Snapshot, tuple, Snapshot] | None = None
        self._verdicts: tuple[str, verdicts.Verdicts] = ("", {})
        # Changed files from inotify (Linux); where it is missing, the folders' mtimes instead.
        self.watcher = Watcher(self.root)
        for folder in ("", *(index.folder for index in self.indexes)):
            self.watcher.watch(folder)
        self._generation = 0
        self._derived_cache: dict[str, tuple[int, Any, list[dict[str, str]]]] = {}

    @property
    def indexes(self) -> tuple[RecordIndex, ...]:
        return (self.priorities, self.inputs, self.proposals, self.votes, self.pillars)

    # --- reading ---------------------------------------------------------------------------------

    async def snapshot(self) -> Snapshot:
        await self._recover_if_interrupted()
        stamp = self._git_stamp(await self.git.git_dir())
        async with self._read_lock:
            snap = await asyncio.to_thread(self._snapshot_sync, stamp)
            if any(body.signed_only for body in snap.bodies):
                snap = await self._with_signatures(snap)
            return snap

    async def ballot_signatures(
        self,
        ballot_files: dict[str, dict[str, str]],
        signers: Path | None,
        rev: str = "HEAD",
        changed: set[str] | frozenset[str] = frozenset(),
    ) -> dict[str, dict[str, SignatureStatus]]:
        """proposal id -> member -> the signature status of the newest commit (of `rev`'s
        history) that wrote that member's ballot file; a file in `changed` is unsigned."""
        newest = await self.git.last_commits("votes", rev)
        verdicts = await self._verified(sorted(set(newest.values())), signers)
        found: dict[str, dict[str, SignatureStatus]] = {}
        for proposal_id, by_member in ballot_files.items():
            for member, rel in by_member.items():
                commit = None if rel in changed else newest.get(rel)
                letter = verdicts.get(commit, ("N", ""))[0] if commit else "N"
                found.setdefault(proposal_id, {})[member] = status_of(letter)
        return found

    async def _verified(
        self, commits: Sequence[str], signers: Path | None
    ) -> dict[str, tuple[str, str]]:
        """git's verdict on each commit's signature. A verdict never changes for a commit while
        the allowed signers stay the same, so each commit is verified once, and the verdicts
        are kept across restarts (verdicts.py)."""
        tag = verdicts.tag_of(signers)
        kept = await self.git.git_dir() / "jupyter-gov-ext" / "signature-verdicts"
        if self._verdicts[0] != tag:
            self._verdicts = (tag, verdicts.load(kept, tag))
        known = self._verdicts[1]
        missing = [c for c in commits if c not in known]
        if missing:
            known.update(await self.git.signatures(missing, signers))
            await asyncio.to_thread(verdicts.save, kept, tag, known)
        return {c: known[c] for c in commits if c in known}

    def read_paths(self, config: GovernanceConfig | None) -> list[str]:
        """Every file and folder a snapshot reads: the records, governance.yml, the rosters it
        names and its allowed-signers file."""
        extra = [config.allowed_signers] if config and config.allowed_signers else []
        return [
            layout.GOVERNANCE_FILE,
            *(index.folder for index in self.indexes),
            *_roster_files(config),
            *extra,
        ]

    def read_files(self) -> Snapshot:
        """A snapshot of the files as they are, without git (a tree extracted from a commit)."""
        return self._snapshot_sync()

    @property
    def ballot_files(self) -> dict[str, dict[str, str]]:
        """proposal id -> lower-cased member -> the file of that ballot, as last read."""
        return self._ballot_files

    def allowed_signers(self, config: GovernanceConfig | None) -> tuple[Path | None, str | None]:
        """The repo's allowed-signers file that governance.yml names, and why it cannot be used."""
        if config is None or not config.allowed_signers:
            return None, None
        try:
            path = files.safe_path(self.root, config.allowed_signers)
        except GovError as exc:
            return None, exc.message
        if not path.is_file():
            return None, "the allowed signers file named in governance.yml does not exist"
        return path, None

    async def _with_signatures(self, snap: Snapshot) -> Snapshot:
        """The snapshot with each ballot's signature status, as git verifies the commit that
        wrote the ballot file (a file changed since that commit is not signed)."""
        signers, problem = self.allowed_signers(snap.config)
        # HEAD (a new commit may sign what the files already said) and the signers file (a
        # key vouched for): either may change a verdict while no record file changed.
        head = await self.git.head_from_files() or await self.git.head()
        key = (head, signers and files.stat_key(signers))
        if self._signed is not None and self._signed[0] is snap and self._signed[1] == key:
            return self._signed[2]
        changed = await self.git.changed_paths("votes")
        found = await self.ballot_signatures(self._ballot_files, signers, "HEAD", changed)
        problems = snap.problems + (
            [{"path": snap.config.allowed_signers or "", "problem": problem}]
            if problem and snap.config
            else []
        )
        signed = dataclasses.replace(snap, signatures=found, problems=problems)
        if self._signed is not None and self._signed[2].signatures != found:
            self._generation += 1  # what a response shows changed: no cached answer stands
        self._signed = (snap, key, signed)
        return signed

    def _git_stamp(self, git_dir: Path) -> tuple:
        """git's index and HEAD as stat keys: every commit, checkout and pull replaces them."""
        return tuple(files.stat_key(git_dir / name) for name in ("index", "HEAD"))

    async def refs_stamp(self) -> str:
        """What `GET status` shows of git, as a cheap stamp: HEAD, the index, the config (remotes)
        and every ref (a commit, a fetch, a push to a fork replace a file in .git/refs)."""
        git_dir = await self.git.git_dir()
        parts = [
            files.stat_key(git_dir / name)
            for name in ("HEAD", "index", "config", "packed-refs", "FETCH_HEAD")
        ]
        for folder, dirs, _ in os.walk(git_dir / "refs"):
            parts.append((folder, files.stat_key(Path(folder))))
            dirs.sort()
        return hashlib.sha1(repr(parts).encode(), usedforsecurity=False).hexdigest()[:16]

    @property
    def generation(self) -> int:
        """Moves each time the snapshot is made again: something in the repo changed."""
        return self._generation

    async def version(self) -> str:
        """A token that changes whenever anything a response shows may have changed. Cheap when
        nothing changed (the files that did are read again, no others), so a request whose data
        did not change is answered from a cache (304) before any work."""
        await self.snapshot()
        return f"{id(self)}-{self.generation}"

    def _snapshot_sync(self, stamp: tuple = ()) -> Snapshot:
        changes = self.watcher.changes()
        walked = [index.refresh(stamp, changes) for index in self.indexes]
        problems: list[dict[str, str]] = []
        config, initialised = self._read_config(problems)
        key = (
            config is not None and id(config),
            initialised,
            tuple(problems and [p["problem"] for p in problems]),
            tuple(files.stat_key(self.root / rel) for rel in _roster_files(config)),
        )
        if not any(walked) and self._snap is not None and key == self._snap_key:
            return self._snap
        snap = self._build_snapshot(config, initialised, problems)
        self._snap, self._snap_key = snap, key
        self._generation += 1
        return snap

    def _build_snapshot(
        self, config: GovernanceConfig | None, initialised: bool, problems: list[dict[str, str]]
    ) -> Snapshot:
        # Rosters are re-read every time: they are small, and their maintainers edit them by hand.
        bodies = (
            resolve_bodies(config.all_bodies(), lambda rel: files.read_yaml(self.root, rel))
            if config
            else []
        )
        for body in bodies:
            problems += [
                {"path": body.roster_file or layout.GOVERNANCE_FILE, "problem": p}
                for p in body.problems
            ]
        priorities, inputs, proposals, (ballots, ballot_files), pillars = (
            self._derived(index, problems) for index in self.indexes
        )
        self._ballot_files = ballot_files
        return Snapshot(
            initialised=initialised,
            config=config,
            bodies=bodies,
            priorities=priorities,
            inputs=inputs,
            proposals=proposals,
            ballots=ballots,
            pillars=pillars,
            problems=problems,
        )

    def _derived(self, index: RecordIndex, problems: list[dict[str, str]]) -> Any:
        """What the snapshot takes from one index, made again only when that index changed (a
        new input does not re-sort the ballots)."""
        cached = self._derived_cache.get(index.folder)
        if cached is None or cached[0] != index.generation:
            found: list[dict[str, str]] = list(index.problems())
            if index is self.votes:
                value: Any = _ballots_by_proposal(index, found)
            elif index is self.priorities:
                value = sorted(index.records(), key=lambda p: (p.order, p.title))
            else:
                value = _unique(index, found)
            cached = (index.generation, value, found)
            self._derived_cache[index.folder] = cached
        problems += cached[2]
        return cached[1]

    def _read_config(self, problems: list[dict[str, str]]) -> tuple[GovernanceConfig | None, bool]:
        path = self.root / layout.GOVERNANCE_FILE
        try:
            st = path.lstat()
        except FileNotFoundError:
            return None, False
        config = None
        try:
            key = (st.st_mtime_ns, st.st_size, st.st_ino)
            if self._config_cache and self._config_cache[0] == key:
                config = self._config_cache[1]
            else:
                config = parse_governance(files.read_yaml(self.root, layout.GOVERNANCE_FILE))
                self._config_cache = (key, config)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ())) or "file"
            problems.append({"path": layout.GOVERNANCE_FILE, "problem": f"{where}: {first['msg']}"})
        except (ValueError, OSError) as exc:
            problems.append({"path": layout.GOVERNANCE_FILE, "problem": str(exc)})
        return config, True

    def exists(self, rel: str) -> bool:
        """Whether the repo has a file at `rel` (a layout constant such as the roster)."""
        return (self.root / rel).is_file()

    # --- the repo as git sees it -----------------------------------------------------------------

    async def head(self) -> str | None:
        return await self.git.head()

    async def history(self, record_paths: Sequence[str]) -> list[LoggedCommit]:
        """The commits that wrote these repo-relative paths (files or folders), newest first."""
        return await self.git.log(record_paths)

    async def commit_signatures(
        self, commits: Sequence[str], config: GovernanceConfig | None
    ) -> dict[str, tuple[SignatureStatus, str]]:
        """commit -> its signature status and signer, verified against the repo's signers."""
        signers, _ = self.allowed_signers(config)
        verdicts = await self._verified(commits, signers)
        return {c: (status_of(letter), signer) for c, (letter, signer) in verdicts.items()}

    async def ignore_locally(self, pattern: str) -> None:
        """Have git ignore `pattern` in this clone only (.git/info/exclude, never committed)."""
        exclude = await self.git.git_dir() / "info" / "exclude"
        lines = exclude.read_text().splitlines() if exclude.is_file() else []
        if pattern not in lines:
            exclude.parent.mkdir(parents=True, exist_ok=True)
            files.restore(exclude, "\n".join([*lines, pattern, ""]).encode())

    async def git_identity(self) -> tuple[str | None, str | None]:
        """This clone's `user.name` and `user.email`: read once, and again only when a git config
        file that could set them changed."""
        files_ = [await self.git.git_dir() / "config", *_global_git_configs()]
        key = tuple(files.stat_key(f) for f in files_)
        if self._identity is None or self._identity[0] != key:
            identity = (await self.git.config("user.name"), await self.git.config("user.email"))
            self._identity = (key, identity)
        return self._identity[1]

    async def provenance(self, path: Path) -> tuple[str, str | None, str | None]:
        """Where a file outside this repo comes from: its path in its own git repo, that repo's
        folder name and HEAD commit (or just its name when it is in no repo)."""
        source = GitRepo(path.parent, timeout=self.git.timeout)
        top = await source.toplevel()
        if top is None:
            return path.name, None, None
        return str(path.relative_to(top)), top.name, await source.head()

    async def create_repo(self) -> None:
        """`git init` a new repo (the starter repo)."""
        await self.git.init()

    async def set_git_identity(self, name: str, email: str) -> None:
        """Give a repo this server created a git identity of its own (never the user's repos)."""
        await self.git.run("config", "user.name", name)
        await self.git.run("config", "user.email", email)

    async def state(self, fork_branch: str = "") -> RepoState:
        """Ahead / behind are as of the last fetch (see `fetch`)."""
        if not await self.git.is_work_tree():
            return RepoState(False, None, None, [], None, None)
        upstream = await self.git.upstream()
        return RepoState(
            True,
            await self.git.branch(),
            await self.git.head(),
            await self.git.remotes(),
            upstream,
            await self.git.ahead_behind() if upstream else None,
            await self.remotes.fork_url(),
            await self.remotes.waiting_for_review(fork_branch) if fork_branch else 0,
        )

    async def sync(self, fork_branch: str) -> SyncOutcome:
        """Pull (rebase) and push the upstream; the rebase holds the repo (see Remotes.sync)."""
        return await self.remotes.sync(fork_branch, self.writing)

    async def fetch(self) -> None:
        """Update what is known of the remotes; the work tree, the index and HEAD are untouched,
        so writes go on meanwhile."""
        await self.remotes.fetch()

    async def set_fork(self, url: str) -> None:
        async with self.writing():
            await self.remotes.set_fork(url)

    # --- writing ---------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def writing(self) -> AsyncIterator[None]:
        """Hold the repo for a read-modify-write: a snapshot taken inside is current until the
        end, so two requests that change one record never lose one another's change. Re-entrant
        within a task; the writes inside do not lock again."""
        if _HOLDING.get():
            yield
            return
        async with self.git.write_lock():
            await self.recover()
            token = _HOLDING.set(True)
            try:
                yield
            finally:
                _HOLDING.reset(token)

    async def save(self, records: Sequence[layout.Record], message: str, author: Signature) -> str:
        """Write `records` where the layout puts them and commit exactly those files (one commit);
        return its id, or the current HEAD when nothing changed."""
        placed = {
            layout.path_of(r, self._existing_ballots(r)): layout.serialise(r) for r in records
        }
        return await self.write(placed, message, author)

    async def initialise(
        self,
        content: dict[str, str],
        records: Sequence[layout.Record],
        message: str,
        author: Signature,
    ) -> tuple[str, list[str]]:
        """Add the starter files (laid out as the repo is) and records that do not exist yet, in
        one commit; never touch a file that already exists."""
        placed = content | {layout.path_of(r): layout.serialise(r) for r in records}
        new_files = {rel: text for rel, text in sorted(placed.items()) if not self.exists(rel)}
        return await self.write(new_files, message, author), sorted(new_files)

    def _existing_ballots(self, record: layout.Record) -> dict[str, str] | None:
        if isinstance(record, layout.CastBallot):
            return self._ballot_files.get(record.proposal_id)
        return None

    async def write(self, changes: dict[str, str | None], message: str, author: Signature) -> str:
        """Write (or delete, for None) files and commit exactly them; return the commit id.

        All or nothing: if anything fails, every file is restored and the index entries reset. A
        write that changes nothing makes no commit and returns the current HEAD.
        """
        for rel in changes:
            files.safe_path(self.root, rel)  # refuse bad paths before waiting for the lock
        async with self.writing():
            paths = {rel: files.safe_path(self.root, rel) for rel in changes}  # links may be new
            backups = {rel: p.read_bytes() if p.is_file() else None for rel, p in paths.items()}
            changed = {
                rel: None if text is None else text.encode("utf-8")
                for rel, text in changes.items()
                if (None if text is None else text.encode("utf-8")) != backups[rel]
            }
            if not changed:
                return await self.git.head() or ""
            git_dir = await self.git.git_dir()
            journal.write(git_dir, journal.Entry(await self.git.head(), message, backups))
            try:
                for rel, data in changed.items():
                    files.restore(paths[rel], data)
                has_committer = (await self.git_identity())[1] is not None
                commit = await self.git.commit_paths(list(changed), message, author, has_committer)
            except BaseException:
                for rel in changed:
                    files.restore(paths[rel], backups[rel])
                await asyncio.shield(self.git.unstage(list(changed)))
                journal.clear(git_dir)
                raise
            journal.clear(git_dir)
            return commit

    # --- recovering from a crash -----------------------------------------------------------------

    async def _recover_if_interrupted(self) -> None:
        """A journal left by a writer that died: undo it before anyone reads the half-write."""
        git_dir = await self.git.git_dir()
        if not journal.exists(git_dir):
            return  # the common case: one stat
        async with self.git.try_write_lock() as mine:
            if mine:  # else a live writer holds it, and the journal is its own
                await self.recover()

    async def recover_at_start(self) -> None:
        """At server start: undo a write that a crash cut short, before the first request."""
        if await self.git.is_work_tree():
            async with self.git.write_lock():
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
                files.restore(self.root / rel, old)
            await self.git.unstage(list(entry.backups))
        journal.clear(git_dir)
        log.warning(
            "jupyter_gov_ext: %s an interrupted write (%s)",
            "finished" if landed else "rolled back",
            entry.message,
        )
        return True


def _global_git_configs() -> list[Path]:
    """Where git reads a user's identity besides the repo (the order does not matter here)."""
    if os.environ.get("GIT_CONFIG_GLOBAL"):
        return [Path(os.environ["GIT_CONFIG_GLOBAL"])]
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return [Path.home() / ".gitconfig", Path(xdg) / "git" / "config", Path("/etc/gitconfig")]


def _roster_files(config: GovernanceConfig | None) -> list[str]:
    if config is None:
        return []
    return [b.roster.file for b in config.all_bodies() if b.roster is not None]


def _ballots_by_proposal(index: RecordIndex, problems: list[dict[str, str]]) -> tuple[dict, dict]:
    """proposal id -> lower-cased member -> ballot, and -> the file that holds it."""
    ballots: dict[str, dict[str, Ballot]] = {}
    ballot_files: dict[str, dict[str, str]] = {}
    for rel, ballot in sorted(index.items()):
        proposal_id = layout.proposal_of_ballot(rel)
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
    return ballots, ballot_files


def _unique(index: RecordIndex, problems: list[dict[str, str]]) -> list:
    """Records with distinct ids: a second file with an id already seen is reported, not listed."""
    records = index.records()
    if len({r.id for r in records}) == len(records):
        return records  # the usual case, without sorting thousands of paths
    seen: dict[str, str] = {}
    out = []
    for rel, record in sorted(index.items()):
        first = seen.setdefault(record.id, rel)
        if first != rel:
            problems.append({"path": rel, "problem": f"the id '{record.id}' is also {first}"})
            continue
        out.append(record)
    return out
