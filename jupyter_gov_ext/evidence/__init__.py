"""Evidence anyone can re-run: jupyter_gov_ext's governance repo as data, for notebooks.

Importable without a Jupyter server::

    from jupyter_gov_ext.evidence import open_repo, table

    repo = open_repo("path/to/governance", at="HEAD")   # or a commit, a tag, "2025-06-30", None
    repo.proposals()                  # every record as a list of dicts (pandas.DataFrame-ready)
    repo.inputs(); repo.priorities(); repo.pillars(); repo.ballots("<proposal id>")
    result = repo.recount("<proposal id>")   # the vote recounted with the server's rules code
    result.matches                    # True, False (see result.differences) or None (still open)
    repo.audit()                      # every decided vote recounted
    repo.figures()                    # growth and participation figures by id, as lists of dicts
    table(repo.figure("contributors"))  # a Markdown table in a notebook

`audit_notebook(...)` writes the notebook that the "Audit this decision in a notebook" command
opens in JupyterLab.
"""

from __future__ import annotations

from ..domain.audit import Recount
from ..domain.audit_notebook import audit_notebook
from .repo import GovernanceRepo, figure_ids, open_repo
from .table import Table, table

__all__ = [
    "GovernanceRepo",
    "Recount",
    "Table",
    "audit_notebook",
    "figure_ids",
    "open_repo",
    "table",
]
