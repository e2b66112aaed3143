"""The repo as it stood at a commit, read with the same parsers as the work tree: the commit's tree
is extracted (`git archive`, no links followed out of it) into a temporary folder and read there.
Used by the notebook API to audit a decision at any commit or date."""

from __future__ import annotations

import dataclasses
import io
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from ..domain.roster import ResolvedBody, resolve_bodies
from ..domain.snapshot import Snapshot
from . import files
from .store import GovernanceStore

# The voting bodies as each year's rosters had them (terms in a roster file change who sits).
BodiesByYear = dict[int, list[ResolvedBody]]


def _vote_years(snap: Snapshot) -> set[int]:
    """The years votes opened in and decisions were recorded in."""
    times = [p.vote.opened for p in snap.proposals if p.vote is not None]
    times += [p.decision.decided for p in snap.proposals if p.decision is not None]
    return {datetime.fromisoformat(t.replace("Z", "+00:00")).year for t in times}


def bodies_by_year(snap: Snapshot, root: Path) -> BodiesByYear:
    """Each year a vote opened in -> the bodies with the members their rosters list that year."""
    if snap.config is None:
        return {}
    return {
        year: resolve_bodies(snap.config.all_bodies(), lambda rel: files.read_yaml(root, rel), year)
        for year in _vote_years(snap)
    }


async def read_work_tree(store: GovernanceStore) -> tuple[Snapshot, BodiesByYear]:
    snap = await store.snapshot()
    return snap, bodies_by_year(snap, store.root)


async def read_commit(store: GovernanceStore, commit: str) -> tuple[Snapshot, BodiesByYear]:
    """The snapshot of `commit`'s tree, ballot signatures as of that commit included."""
    data = await store.git.archive(commit)
    with tempfile.TemporaryDirectory(prefix="jupyter-gov-ext-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(tmp, filter="data")
        reader = GovernanceStore(Path(tmp), timeout=store.git.timeout)
        try:
            snap = reader.read_files()
            if any(body.signed_only for body in snap.bodies):
                signers, _ = reader.allowed_signers(snap.config)
                statuses = await store.ballot_signatures(reader.ballot_files, signers, commit)
                snap = dataclasses.replace(snap, signatures=statuses)
            return snap, bodies_by_year(snap, Path(tmp))
        finally:
            reader.watcher.close()
