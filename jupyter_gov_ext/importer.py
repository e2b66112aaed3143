"""Import funding priorities from a MyST document such as the Foundation's doc/funding/priorities.md.

Each `## heading` is a priority: its id from a `(goal:<id>)=` label above the heading (else a slug of
the heading), its outcomes from "Key outcomes", its examples from "Example activities" (or
"Examples ..."), its body the section's Markdown. The source path and commit go into every file.
Importing again rewrites only the priorities that changed and says what changed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import frontmatter
from .errors import GovError
from .gitrepo import GitRepo
from .identity import Identity
from .models import Priority
from .store import GovernanceStore, Snapshot, slugify

_LABEL = re.compile(r"^\(([^)]+)\)=\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
MAX_SOURCE_BYTES = 1_000_000


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


def _resolve_source(store: GovernanceStore, raw: str, roots: list[Path]) -> Path:
    """The file to import: a Markdown file inside one of the allowed roots (the repo's parent)."""
    candidate = Path(raw).expanduser()
    if "\0" in raw:
        raise GovError("invalid_field", "Not a valid path.", field="path")
    if not candidate.is_absolute():
        candidate = store.root.parent / candidate
    path = candidate.resolve()
    if not any(path.is_relative_to(r.resolve()) for r in roots):
        allowed = ", ".join(str(r) for r in roots)
        raise GovError("invalid_field", f"Import only from files under {allowed}.", field="path")
    if path.suffix.lower() not in (".md", ".markdown") or not path.is_file():
        raise GovError("invalid_field", f"{raw} is not a Markdown file.", field="path")
    if path.stat().st_size > MAX_SOURCE_BYTES:
        raise GovError("too_large", "That file is too large to be a priorities document.", 413)
    return path


async def import_priorities(
    store: GovernanceStore,
    snap: Snapshot,
    raw_path: str,
    who: Identity,
    roots: list[Path] | None = None,
) -> dict[str, Any]:
    snap.require_config()
    path = _resolve_source(store, raw_path, roots or [store.root.parent])
    try:
        parsed = parse_priorities(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise GovError("invalid_field", f"{raw_path} is not UTF-8 text.", field="path") from None
    if not parsed:
        raise GovError("invalid_field", "No '## ' sections found in that file.", field="path")
    source_git = GitRepo(path.parent, timeout=store.git.timeout)
    top = await source_git.toplevel()
    source = {
        "path": str(path.relative_to(top)) if top else path.name,
        "repo": top.name if top else None,
        "commit": await source_git.head() if top else None,
    }
    existing = {p.id: p for p in snap.priorities}
    files: dict[str, str] = {}
    report: dict[str, list[Any]] = {"added": [], "updated": [], "unchanged": []}
    for item in parsed:
        body = item.pop("body")
        meta = {**item, "source": {k: v for k, v in source.items() if v}}
        record = Priority.model_validate({**meta, "body": body})
        old = existing.get(record.id)
        if old is None:
            report["added"].append(record.id)
        else:
            changed = [
                f
                for f in ("title", "summary", "outcomes", "examples", "order", "body")
                if getattr(old, f) != getattr(record, f)
            ]
            if not changed:
                report["unchanged"].append(record.id)
                continue
            report["updated"].append({"id": record.id, "changed": changed})
        files[f"priorities/{record.id}.md"] = frontmatter.dumps(meta, body)
    commit = None
    if files:
        commit = await store.write(
            files, f"Import funding priorities from {source['path']}", who.signature()
        )
    return {**report, "commit": commit, "source": source}
