"""Evidence from inside JupyterLab: the growth figures at HEAD, and the notebook that audits one
decision (the same API a notebook uses, jupyter_gov_ext.evidence)."""

from __future__ import annotations

from pathlib import Path

from ..contract import responses
from ..domain import audit, growth
from ..domain.audit_notebook import audit_notebook, growth_notebook
from ..domain.snapshot import Snapshot
from ..storage.store import GovernanceStore
from ..storage.tree import bodies_by_year

AUDIT_FOLDER = "governance-audits"


async def figures(store: GovernanceStore, snap: Snapshot) -> responses.Figures:
    snap.require_config()
    return responses.Figures(
        figures=[
            responses.Figure(id=f.id, title=f.title, description=f.description, rows=f.make(snap))
            for f in growth.FIGURES
        ],
        head=await store.head(),
    )


async def audit_for(
    store: GovernanceStore, snap: Snapshot, proposal_id: str, server_root: Path
) -> responses.AuditNotebook:
    """The audit notebook of one proposal, pinned to HEAD, and where to save it: a folder of the
    Jupyter root that git is told to ignore when it lies inside the governance repo."""
    p = snap.proposal(proposal_id)
    head = await store.head()
    await _keep_out_of_git(store, server_root)
    result = audit.recount(snap, p, bodies_by_year(snap, store.root))
    return responses.AuditNotebook(
        path=f"{AUDIT_FOLDER}/audit-{p.id}-{(head or 'files')[:7]}.ipynb",
        notebook=audit_notebook(store.root, p.id, p.title, head),
        matches=result.matches,
        summary=result.summary(),
    )


async def growth_notebook_for(
    store: GovernanceStore, snap: Snapshot, server_root: Path
) -> responses.AuditNotebook:
    """The notebook that computes every figure and recounts every decided vote, pinned to HEAD."""
    snap.require_config()
    head = await store.head()
    await _keep_out_of_git(store, server_root)
    by_year = bodies_by_year(snap, store.root)
    recounts = [audit.recount(snap, p, by_year) for p in snap.proposals if p.decision is not None]
    matching = sum(r.matches is True for r in recounts)
    return responses.AuditNotebook(
        path=f"{AUDIT_FOLDER}/growth-{(head or 'files')[:7]}.ipynb",
        notebook=growth_notebook(
            store.root, head, [(f.id, f.title, f.description) for f in growth.FIGURES]
        ),
        matches=matching == len(recounts) if recounts else None,
        summary=f"{matching} of {len(recounts)} decided votes match their record.",
    )


async def _keep_out_of_git(store: GovernanceStore, server_root: Path) -> None:
    """The notebooks' folder is not governance data: git ignores it where it is in the repo."""
    folder = server_root.resolve() / AUDIT_FOLDER
    if folder.is_relative_to(store.root):
        await store.ignore_locally(str(folder.relative_to(store.root)) + "/")
