"""The audit notebook: a notebook anyone can run again that recounts one decision and says, in its
last cell, whether the count matches the record."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def audit_notebook(repo: str | Path, proposal_id: str, title: str, commit: str | None) -> dict:
    """The notebook (nbformat 4, as a dict) that audits `proposal_id` at `commit`."""
    at = repr(commit) if commit else "None"
    cells = [
        new_markdown_cell(
            f"# Audit of a decision: {_md(title)}\n\n"
            f"This notebook recounts the vote on **{_md(title)}** (`{proposal_id}`) from the "
            "ballot files of the governance repo, with the same rules code the JupyterLab "
            "extension decides with, and compares the result with the decision the proposal "
            "records.\n\n"
            "Anyone with a clone of the repo can run it again: set `REPO` to your clone. `AT` is "
            'the commit audited; `"HEAD"` audits the latest commit, `None` the files as they are '
            "on disk. The API is documented in `help(jupyter_gov_ext.evidence)`."
        ),
        new_code_cell(
            "from jupyter_gov_ext.evidence import open_repo, table\n\n"
            f"REPO = {str(repo)!r}\n"
            f"AT = {at}\n"
            f"PROPOSAL = {proposal_id!r}\n\n"
            "repo = open_repo(REPO, at=AT)\n"
            'print("Audited commit:", repo.commit or "the files on disk")'
        ),
        new_markdown_cell("## The ballots\n\nOne row per ballot file under `votes/`."),
        new_code_cell("table(repo.ballots(PROPOSAL))"),
        new_markdown_cell(
            "## Recorded and recounted\n\nEach body's counts as the proposal records them and as "
            "the ballot files give them."
        ),
        new_code_cell("result = repo.recount(PROPOSAL)\ntable(result.rows())"),
        new_markdown_cell("## Verdict"),
        new_code_cell("print(result.summary())\nresult.matches"),
    ]
    notebook = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(notebook)
    return dict(notebook)


def _md(text: str) -> str:
    """A title as plain text inside Markdown (no markup, no HTML)."""
    return "".join("\\" + c if c in "\\`*_[]{}()<>#+-.!|~" else c for c in text)
