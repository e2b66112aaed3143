"""A governance repo opened for reading in a notebook: records, recounts and figures as plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import _run_in_thread
from ..contract.records import GovernanceConfig
from ..domain import audit, growth
from ..domain.audit import Recount
from ..domain.snapshot import Snapshot
from ..storage.gitrepo import GitRepo
from ..storage.store import GovernanceStore
from ..storage.tree import BodiesByYear, read_commit, read_work_tree

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$")


def open_repo(path: str | Path = ".", at: str | None = "HEAD") -> GovernanceRepo:
    """Open the governance repo at `path` (a git work tree) for reading.

    `at` chooses what is read: "HEAD" (the default: the last commit), any commit id, branch or
    tag, a date or time ("2025-06-30", "2025-06-30T12:00:00Z": the last commit made by then), or
    None for the files as they are on disk now, uncommitted changes included.
    """
    root = Path(path).expanduser().resolve()
    return _run_in_thread(_open(root, at))


async def _open(root: Path, at: str | None) -> GovernanceRepo:
    git = GitRepo(root)
    if not await git.is_work_tree():
        raise ValueError(f"{root} is not a git work tree")
    store = GovernanceStore(root, git)
    try:
        if at is None:
            snap, bodies = await read_work_tree(store)
            return GovernanceRepo(root, None, snap, bodies)
        commit = await (git.commit_before(at) if _DATE.match(at) else git.resolve(at))
        if commit is None:
            what = "no commit was made by" if _DATE.match(at) else "no commit is named"
            raise ValueError(f"{what} {at!r} in {root}")
        records = store.read_paths(None)
        if commit == await git.head() and not await git.changed_paths(*records, ignored=True):
            # HEAD, as the work tree holds it when no file the snapshot reads differs from it:
            # read it there, where the index kept in .git/ makes a large repo quick to open.
            # The rosters and signers governance.yml names are known once it is read.
            snap, bodies = await read_work_tree(store)
            named = store.read_paths(snap.config)[len(records) :]
            if not named or not await git.changed_paths(*named, ignored=True):
                return GovernanceRepo(root, commit, snap, bodies)
        snap, bodies = await read_commit(store, commit)
        return GovernanceRepo(root, commit, snap, bodies)
    finally:
        store.watcher.close()


@dataclass(frozen=True)
class GovernanceRepo:
    """What a governance repo holds at one commit (or on disk), as plain data.

    Every list is a list of dicts, ready for `pandas.DataFrame(...)`.
    """

    path: Path
    commit: str | None  # None: the files on disk
    snapshot: Snapshot
    bodies_by_year: BodiesByYear

    @property
    def config(self) -> GovernanceConfig | None:
        return self.snapshot.config

    @property
    def problems(self) -> list[dict[str, str]]:
        """Files that could not be read, and why."""
        return list(self.snapshot.problems)

    def priorities(self) -> list[dict[str, Any]]:
        return [p.model_dump(mode="json") for p in self.snapshot.priorities]

    def inputs(self) -> list[dict[str, Any]]:
        return [i.model_dump(mode="json") for i in self.snapshot.inputs]

    def proposals(self) -> list[dict[str, Any]]:
        return [p.model_dump(mode="json") for p in self.snapshot.proposals]

    def pillars(self) -> list[dict[str, Any]]:
        return [p.model_dump(mode="json") for p in self.snapshot.pillars]

    def ballots(self, proposal_id: str) -> list[dict[str, Any]]:
        """One row per ballot file of the proposal (with its signature status when a body
        requires signed ballots)."""
        self.snapshot.proposal(proposal_id)
        statuses = (self.snapshot.signatures or {}).get(proposal_id, {})
        return [
            {
                "member": b.member,
                **b.model_dump(mode="json", exclude={"member"}),
                **({"signature": statuses.get(who, "missing")} if statuses else {}),
            }
            for who, b in sorted(self.snapshot.ballots.get(proposal_id, {}).items())
        ]

    def recount(self, proposal_id: str) -> Recount:
        """Recount the proposal's vote from its ballot files with the rules the server decides
        with, and compare with the decision it records."""
        p = self.snapshot.proposal(proposal_id)
        return audit.recount(self.snapshot, p, self.bodies_by_year)

    def audit(self) -> list[Recount]:
        """Every decided vote recounted."""
        return [self.recount(p.id) for p in self.snapshot.proposals if p.decision is not None]

    def figures(self) -> dict[str, list[dict[str, Any]]]:
        """Every growth and participation figure, by id (see `figure_ids`)."""
        return growth.figures(self.snapshot)

    def figure(self, figure_id: str) -> list[dict[str, Any]]:
        for f in growth.FIGURES:
            if f.id == figure_id:
                return f.make(self.snapshot)
        raise KeyError(f"no figure {figure_id!r}; there are {', '.join(figure_ids())}")


def figure_ids() -> list[str]:
    return [f.id for f in growth.FIGURES]
