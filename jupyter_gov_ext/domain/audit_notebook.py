"""Notebooks anyone can run again: the audit notebook recounts one decision and says, in its last
cell, whether the count matches the record; the growth notebook computes every figure and recounts
every decided vote."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def audit_notebook(repo: str | Path, proposal_id: str, title: str, commit: str | None) -> dict:
    """The notebook (nbformat 4, as a dict) that audits `proposal_id` at `commit`."""
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
        new_code_cell(_opening(repo, commit) + f"\nPROPOSAL = {proposal_id!r}"),
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
    return _notebook(cells)


def _opening(repo: str | Path, commit: str | None) -> str:
    """The code cell that opens the repo at the commit the notebook was written for."""
    return (
        "from jupyter_gov_ext.evidence import open_repo, table\n\n"
        f"REPO = {str(repo)!r}\n"
        f"AT = {repr(commit) if commit else 'None'}\n\n"
        "repo = open_repo(REPO, at=AT)\n"
        'print("Commit:", repo.commit or "the files on disk")'
    )


def _notebook(cells: list) -> dict:
    notebook = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(notebook)
    return dict(notebook)


def growth_notebook(
    repo: str | Path, commit: str | None, figures: list[tuple[str, str, str]]
) -> dict:
    """The notebook that computes each figure `(id, title, description)` as a table and then
    recounts every decided vote, at `commit`."""
    cells = [
        new_markdown_cell(
            "# Growth and decisions\n\n"
            "Every figure of the Growth and decisions view, computed from the governance repo by "
            "`jupyter_gov_ext.evidence`, and every decided vote recounted from its ballot files. "
            "Set `REPO` to your clone to run it again; `AT` is the commit it was written for. "
            "Each figure is a list of dicts: `pandas.DataFrame(repo.figure(...))` takes it as is."
        ),
        new_code_cell(_opening(repo, commit)),
    ]
    for figure_id, title, description in figures:
        cells += [
            new_markdown_cell(f"## {_md(title)}\n\n{_md(description)}"),
            new_code_cell(f"table(repo.figure({figure_id!r}))"),
        ]
    cells += [
        new_markdown_cell("## Was each vote counted right?"),
        new_code_cell(
            "recounts = repo.audit()\n"
            "for result in recounts:\n"
            "    print(result.summary())\n"
            'print(f"{sum(r.matches is True for r in recounts)} of {len(recounts)} decided votes '
            'match their record.")'
        ),
    ]
    return _notebook(cells)


def _md(text: str) -> str:
    """A title as plain text inside Markdown (no markup, no HTML)."""
    return "".join("\\" + c if c in "\\`*_[]{}()<>#+-.!|~" else c for c in text)
