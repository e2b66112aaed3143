"""Filesystem primitives of the repo: a path that stays in it (never through a symbolic link), a
bounded YAML read, and an atomic write."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from ..contract.errors import GovError
from . import frontmatter


def stat_key(path: Path) -> tuple[int, int, int] | None:
    """(mtime, size, inode), or None if there is no such file: changes when the file does."""
    try:
        st = path.lstat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def safe_path(root: Path, rel: str) -> Path:
    """`root/rel` for a repo-relative path that stays in the repo, with no symbolic link anywhere
    along it (a link could lead out of the repo, or onto another file in it)."""
    if not rel or "\0" in rel or "\\" in rel or rel.startswith("/"):
        raise GovError("invalid_field", "Not a path inside the governance repo.", 400)
    parts = PurePosixPath(rel).parts
    if ".." in parts or "." in parts or parts[0] == ".git":
        raise GovError("invalid_field", "Not a path inside the governance repo.", 400)
    path = root
    for part in parts:
        path = path / part
        if path.is_symlink():
            raise GovError(
                "conflict",
                f"{path.relative_to(root)} is a symbolic link in the repo; the server never writes "
                "or reads through one. Replace it with a plain file or folder.",
                409,
            )
    return path


def read_yaml(root: Path, rel: str) -> Any:
    """A YAML file of the repo (governance.yml, a roster). Any refusal is a ValueError, which
    callers report under `problems`."""
    try:
        path = safe_path(root, rel)
    except GovError as err:
        raise ValueError(err.message) from None
    if path.stat().st_size > frontmatter.MAX_FILE_BYTES:
        raise ValueError(f"larger than {frontmatter.MAX_FILE_BYTES} bytes")
    try:
        return frontmatter.load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the same folder, then rename: a crash leaves the old file or the new one.

    No fsync: the file is committed right after, and git does not fsync its objects either; what
    must reach the disk before the work tree changes is the write journal (journal.py), so that
    an interrupted write can always be undone.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gov-tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def restore(path: Path, old: bytes | None) -> None:
    """Put a file back as it was (None: it did not exist)."""
    if old is None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    else:
        atomic_write(path, old)
