"""Which record files changed since the last look: inotify where the system has it (Linux).

A request then re-reads exactly the files that changed (a hand edit in place, a pull, this server's
own write) instead of stat-ing every record. Where inotify is missing, or its queue overflowed,
`changes()` answers None and the caller walks the folders as before.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
from pathlib import Path

IN_MODIFY = 0x002
IN_ATTRIB = 0x004
IN_CLOSE_WRITE = 0x008
IN_MOVED_FROM = 0x040
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_DELETE = 0x200
IN_DELETE_SELF = 0x400
IN_MOVE_SELF = 0x800
IN_Q_OVERFLOW = 0x4000
IN_IGNORED = 0x8000
IN_ONLYDIR = 0x01000000
IN_DONT_FOLLOW = 0x02000000
IN_ISDIR = 0x40000000
IN_NONBLOCK = os.O_NONBLOCK
IN_CLOEXEC = os.O_CLOEXEC
MASK = (
    IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
    | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW
)  # fmt: skip
_EVENT = struct.Struct("iIII")


def _libc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.inotify_init1  # noqa: B018 (present on Linux only)
        return libc
    except (OSError, AttributeError):
        return None


class Watcher:
    """Watches folders of one repo (relative paths); `changes()` drains what happened."""

    def __init__(self, root: Path):
        self.root = root
        self._libc = _libc()
        self._fd = self._libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC) if self._libc else -1
        self._dirs: dict[int, str] = {}  # watch descriptor -> folder ('' is the repo's top)
        self._lost = self._fd < 0

    @property
    def available(self) -> bool:
        return self._fd >= 0

    def watch(self, rel: str) -> None:
        """Watch a folder and the folders below it (a missing one is picked up when created)."""
        if not self.available:
            return
        path = self.root / rel if rel else self.root
        if path.is_symlink() or not path.is_dir():
            return
        wd = self._libc.inotify_add_watch(self._fd, os.fsencode(path), MASK)
        if wd < 0:  # e.g. the watch limit: fall back to walking
            self._lost = True
            return
        self._dirs[wd] = rel
        if rel:  # below the top level, every folder holds records
            with os.scandir(path) as it:
                for entry in it:
                    if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                        self.watch(f"{rel}/{entry.name}")

    def changes(self) -> set[str] | None:
        """The repo-relative paths that changed since the last call, folders included; None when
        that is unknown (no inotify, a lost watch, an overflowed queue): walk everything then."""
        if not self.available:
            return None
        changed: set[str] = set()
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                break
            offset = 0
            while offset < len(data):
                wd, mask, _, length = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size : offset + _EVENT.size + length].rstrip(b"\0")
                offset += _EVENT.size + length
                if mask & IN_Q_OVERFLOW:
                    self._lost = True
                    continue
                folder = self._dirs.get(wd)
                if mask & IN_IGNORED:
                    self._dirs.pop(wd, None)
                    continue
                if folder is None:
                    continue
                rel = f"{folder}/{os.fsdecode(name)}" if folder else os.fsdecode(name)
                changed.add(rel)
                if mask & IN_ISDIR and mask & (IN_CREATE | IN_MOVED_TO):
                    self.watch(rel)
        if self._lost:
            self._lost = False
            return None
        return changed

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __del__(self) -> None:  # each watcher holds one of the user's few inotify instances
        self.close()
