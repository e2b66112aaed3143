"""An in-memory index of the record files under one folder of the repo.

A refresh walks the folder (no symlinks followed) and re-parses only the files whose (mtime, size,
inode) changed, so a listing over thousands of unchanged records costs one `stat` each. Before that,
a cheaper check: every write here, git's checkouts and JupyterLab's saves replace files (a rename),
which changes the folder's mtime; so when no folder's mtime and not git's index changed, the walk
is skipped altogether (and done anyway every FULL_WALK_SECONDS, for a file edited in place). A file
that fails to parse is kept as a problem with its path and never breaks the listing.

The parsed index is persisted across restarts (`cache`, a file in the repo's `.git/`, which no pull
or checkout writes): a new server loads it and re-parses only the files whose stat key differs, so
its first request does not parse ten thousand files again. A cache that is missing, unreadable or
from another version is simply ignored. It is signed (HMAC-SHA256) with a key only this user can
read, in Jupyter's data folder, and never unpickled unless the signature is this user's: a file
someone else put in `.git/` is ignored like a torn one.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import os
import pickle
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from jupyter_core.paths import jupyter_data_dir
from pydantic import ValidationError

from .frontmatter import MAX_FILE_BYTES, FrontMatterError

log = logging.getLogger(__name__)

T = TypeVar("T")
# Bumped whenever what an entry holds changes shape: an older cache is then ignored.
CACHE_FORMAT = 1
# After the first walk, the cache is written again only once this many files were parsed since.
CACHE_EVERY = 100
StatKey = tuple[int, int, int]
FULL_WALK_SECONDS = 30.0


@functools.cache
def _signing_key() -> bytes:
    """This user's key for signing index caches: made once, readable by this user only."""
    path = Path(jupyter_data_dir()) / "jupyter_gov_ext" / "index-cache.key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key)
        return key


def sign(payload: bytes) -> bytes:
    """This user's HMAC-SHA256 of `payload`: what a file kept in .git/ must carry to be trusted."""
    return hmac.new(_signing_key(), payload, hashlib.sha256).digest()


@dataclass
class _Entry(Generic[T]):
    key: StatKey
    record: T | None
    problem: str | None


class RecordIndex(Generic[T]):
    def __init__(
        self,
        root: Path,
        folder: str,
        suffix: str,
        depth: int,
        parse: Callable[[str, str], T],
        cache: Path | None = None,
        cache_tag: str = "",
    ):
        """`parse(relpath, text)` turns a file into a record or raises ValueError. `cache`: where
        the parsed index is kept across restarts; `cache_tag`: what must match for it to be used
        (the package version)."""
        self.root = root
        self.folder = folder
        self.suffix = suffix
        self.depth = depth
        self.parse = parse
        self._entries: dict[str, _Entry[T]] = {}
        self.parsed_count = 0  # files parsed since start: lets tests and the bench see the reuse
        self.generation = 0  # moves whenever the records may have changed
        self._token: tuple | None = None
        self._walked_at = 0.0
        self.cache = cache
        self._cache_tag = f"{CACHE_FORMAT}|{cache_tag}|{folder}|{suffix}|{depth}"
        self._cache_loaded = cache is None
        self._parsed_at_save = 0

    def folder_token(self) -> tuple:
        """The (name, mtime, inode) of the folder and of its subfolders: cheap, and changed by any
        file added, removed or replaced in them."""
        base = self.root / self.folder
        try:
            st = base.lstat()
        except FileNotFoundError:
            return ()
        token = [("", st.st_mtime_ns, st.st_ino)]
        if self.depth > 1 and base.is_dir() and not base.is_symlink():
            with os.scandir(base) as it:
                for entry in it:
                    if entry.is_dir(follow_symlinks=False):
                        sub = entry.stat(follow_symlinks=False)
                        token.append((entry.name, sub.st_mtime_ns, sub.st_ino))
        return tuple(sorted(token))

    def refresh(self, stamp: tuple = (), changes: set[str] | None = None) -> bool:
        """Bring the index up to date; True if anything was read.

        `changes`: the paths that changed since the last refresh (from inotify): only those are
        read again. None: unknown, so compare the cheap token (`stamp`: what else forces a walk,
        git's index) and walk the folder if it moved.
        """
        if not self._cache_loaded:
            self._load_cache()
        recent = time.monotonic() - self._walked_at < FULL_WALK_SECONDS * 10
        if changes is not None and self._token is not None and recent:
            reread = self._reread(changes)
            self.generation += reread
            return reread
        token = (self.folder_token(), stamp)
        fresh = time.monotonic() - self._walked_at < FULL_WALK_SECONDS
        if fresh and token == self._token:
            return False
        self._walk_all()
        self._token = token
        self._walked_at = time.monotonic()
        self.generation += 1
        if self.parsed_count - self._parsed_at_save >= (
            1 if not self._parsed_at_save else CACHE_EVERY
        ):
            self._save_cache()
        return True

    # --- the index kept across restarts ---------------------------------------------------------

    def _load_cache(self) -> None:
        self._cache_loaded = True
        try:
            data = self.cache.read_bytes()  # type: ignore[union-attr]
            signature, payload = data[:32], data[32:]
            if not hmac.compare_digest(signature, sign(payload)):
                raise ValueError("not signed by this user")
            # Safe to unpickle: this user's own server wrote it (the signature says so).
            tag, entries = pickle.loads(payload)  # noqa: S301
        except FileNotFoundError:
            return
        except Exception as exc:  # a torn or foreign file: parse the repo as if it were absent
            log.info("jupyter_gov_ext: ignoring the index cache %s: %s", self.cache, exc)
            return
        if tag == self._cache_tag and isinstance(entries, dict):
            self._entries = {
                rel: _Entry(key, record, problem) for rel, (key, record, problem) in entries.items()
            }

    def _save_cache(self) -> None:
        """Write the index (atomically: a reader never sees half a file)."""
        if self.cache is None:
            return
        self._parsed_at_save = max(self.parsed_count, 1)
        entries = {rel: (e.key, e.record, e.problem) for rel, e in self._entries.items()}
        tmp = self.cache.with_name(f".{self.cache.name}.{os.getpid()}.tmp")
        try:
            self.cache.parent.mkdir(parents=True, exist_ok=True)
            payload = pickle.dumps((self._cache_tag, entries), protocol=pickle.HIGHEST_PROTOCOL)
            tmp.write_bytes(sign(payload) + payload)
            os.replace(tmp, self.cache)
        except OSError as exc:  # a read-only .git: the index is simply not kept
            log.info("jupyter_gov_ext: could not keep the index cache: %s", exc)
            tmp.unlink(missing_ok=True)

    def _reread(self, changes: set[str]) -> bool:
        prefix = self.folder + "/"
        mine = [c for c in changes if c == self.folder or c.startswith(prefix)]
        if not mine:
            return False
        for rel in mine:
            path = self.root / rel
            if rel == self.folder or (path.is_dir() and not path.is_symlink()):
                self._walk_all()  # a folder appeared or went: walk, to see what it holds
                self._walked_at = time.monotonic()
                return True
        for rel in mine:
            level = rel.count("/")
            if level != self.depth or not rel.endswith(self.suffix) or "/." in f"/{rel}":
                continue
            path = self.root / rel
            if path.is_symlink():
                self._entries[rel] = _Entry((0, 0, 0), None, "a symbolic link: not read")
                continue
            try:
                st = path.lstat()
            except FileNotFoundError:
                self._entries.pop(rel, None)
                continue
            key = (st.st_mtime_ns, st.st_size, st.st_ino)
            old = self._entries.get(rel)
            if old is None or old.key != key:
                self._entries[rel] = self._load(rel, key, st.st_size)
        return True

    def _walk_all(self) -> None:
        seen: set[str] = set()
        for rel, st in self._walk():
            seen.add(rel)
            if st is None:
                self._entries[rel] = _Entry((0, 0, 0), None, "a symbolic link: not read")
                continue
            key = (st.st_mtime_ns, st.st_size, st.st_ino)
            old = self._entries.get(rel)
            if old is not None and old.key == key:
                continue
            self._entries[rel] = self._load(rel, key, st.st_size)
        for gone in self._entries.keys() - seen:
            del self._entries[gone]

    def records(self) -> list[T]:
        return [e.record for e in self._entries.values() if e.record is not None]

    def items(self) -> list[tuple[str, T]]:
        return [(rel, e.record) for rel, e in self._entries.items() if e.record is not None]

    def problems(self) -> list[dict[str, str]]:
        return [
            {"path": rel, "problem": e.problem}
            for rel, e in sorted(self._entries.items())
            if e.problem is not None
        ]

    def _load(self, rel: str, key: StatKey, size: int) -> _Entry[T]:
        self.parsed_count += 1
        if size > MAX_FILE_BYTES:
            return _Entry(key, None, f"file is larger than {MAX_FILE_BYTES} bytes")
        try:
            text = (self.root / rel).read_text(encoding="utf-8")
            return _Entry(key, self.parse(rel, text), None)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ())) or "record"
            return _Entry(key, None, f"{where}: {first.get('msg', 'invalid')}")
        except (FrontMatterError, ValueError, UnicodeDecodeError, OSError) as exc:
            return _Entry(key, None, str(exc) or type(exc).__name__)

    def _walk(self):
        base = self.root / self.folder
        if base.is_symlink() or not base.is_dir():
            return
        stack: list[tuple[Path, str, int]] = [(base, self.folder, 1)]
        while stack:
            path, rel, level = stack.pop()
            try:
                it = os.scandir(path)
            except OSError:
                continue
            with it:
                for entry in it:
                    if entry.name.startswith("."):
                        continue  # temp files of an unfinished write, editor swap files
                    child = f"{rel}/{entry.name}"
                    if entry.is_symlink():
                        # A link could point outside the repo: never read through it, but say so.
                        yield child, None
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        if level < self.depth:
                            stack.append((Path(entry.path), child, level + 1))
                    elif level == self.depth and entry.name.endswith(self.suffix):
                        yield child, entry.stat(follow_symlinks=False)
