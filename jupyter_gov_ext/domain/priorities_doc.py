"""A MyST funding-priorities document (such as the Foundation's doc/funding/priorities.md) as data.

Each `## heading` is a priority: its id from a `(goal:<id>)=` label above the heading (else a slug of
the heading), its outcomes from "Key outcomes", its examples from "Example activities" (or
"Examples ..."), its body the section's Markdown. Pure: text in, dicts out.
"""

from __future__ import annotations

import re
from typing import Any

from .slugs import slugify

_LABEL = re.compile(r"^\(([^)]+)\)=\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")


def _plain(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text).strip()


def _list_items(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        m = _ITEM.match(line)
        if m:
            items.append(_plain(m.group(1)))
        elif items and line.startswith("   ") and line.strip():
            items[-1] += " " + _plain(line)
    return items


def parse_priorities(text: str) -> list[dict[str, Any]]:
    lines = text.replace("\r\n", "\n").split("\n")
    sections: list[tuple[str | None, str, list[str]]] = []
    label: str | None = None
    for line in lines:
        m = _LABEL.match(line)
        if m:
            label = m.group(1)
            continue
        if line.startswith("## "):
            sections.append((label, line[3:].strip(), []))
            label = None
            continue
        if line.strip():
            label = None  # a label only names the heading right below it
        if sections:
            sections[-1][2].append(line)
    out = []
    for order, (label_text, heading, body_lines) in enumerate(sections, start=1):
        parts: dict[str, list[str]] = {"": []}
        current = ""
        for line in body_lines:
            if line.startswith("### "):
                current = line[4:].strip().lower()
                parts[current] = []
            else:
                parts.setdefault(current, []).append(line)
        intro = "\n".join(parts[""]).strip()
        summary = _plain(intro.split("\n\n")[0]) if intro else ""
        outcomes = next((v for k, v in parts.items() if k.startswith("key outcomes")), [])
        examples = next((v for k, v in parts.items() if k.startswith("example")), [])
        pid = label_text.split(":")[-1] if label_text else heading
        out.append(
            {
                "id": slugify(pid, 60),
                "title": heading,
                "summary": " ".join(summary.split()),
                "outcomes": _list_items(outcomes),
                "examples": _list_items(examples),
                "order": order,
                "body": "\n".join(body_lines).strip("\n"),
            }
        )
    return out
