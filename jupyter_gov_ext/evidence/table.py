"""Rows shown as a table in a notebook, with nothing but the standard library."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Table:
    """A list of dicts that a notebook shows as a Markdown table (and plain text elsewhere)."""

    def __init__(self, rows: Sequence[dict[str, Any]]):
        self.rows = list(rows)

    def columns(self) -> list[str]:
        return list(dict.fromkeys(key for row in self.rows for key in row))

    def _repr_markdown_(self) -> str:
        if not self.rows:
            return "*(no rows)*"
        columns = self.columns()
        lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
        for row in self.rows:
            lines.append("| " + " | ".join(_cell(row.get(c)) for c in columns) + " |")
        return "\n".join(lines)

    def __repr__(self) -> str:
        if not self.rows:
            return "(no rows)"
        columns = self.columns()
        return "\n".join(
            ["\t".join(columns)]
            + ["\t".join(str(row.get(c, "")) for c in columns) for row in self.rows]
        )


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # Markdown, not HTML: escape what would start markup or break the table.
    return "".join("\\" + c if c in "\\`*_[]<>|" else c for c in text).replace("\n", " ")


def table(rows: Sequence[dict[str, Any]]) -> Table:
    return Table(rows)
