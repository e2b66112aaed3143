"""Import funding priorities from a MyST document such as the Foundation's doc/funding/priorities.md
(parsed by domain.priorities_doc). The source path and commit go into every priority. Importing
again rewrites only the priorities that changed and says what changed.
"""

from __future__ import annotations

from pathlib import Path

from ..contract import responses
from ..contract.errors import GovError
from ..contract.records import Priority
from ..domain.identity import Identity
from ..domain.priorities_doc import parse_priorities
from ..domain.snapshot import Snapshot
from ..storage.store import GovernanceStore

MAX_SOURCE_BYTES = 1_000_000
COMPARED = ("title", "summary", "outcomes", "examples", "order", "body")


def _resolve_source(raw: str, base: Path, roots: list[Path]) -> Path:
    """The file to import: a Markdown file inside one of the allowed roots (the repo's parent)."""
    if "\0" in raw:
        raise GovError("invalid_field", "Not a valid path.", field="path")
    candidate = Path(raw).expanduser()
    if not candidate.is_absolute():
        candidate = base / candidate
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
    roots: list[Path],
) -> responses.ImportReport:
    snap.require_config()
    path = _resolve_source(raw_path, store.root.parent, roots)
    try:
        parsed = parse_priorities(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise GovError("invalid_field", f"{raw_path} is not UTF-8 text.", field="path") from None
    if not parsed:
        raise GovError("invalid_field", "No '## ' sections found in that file.", field="path")
    rel, repo, commit = await store.provenance(path)
    source = responses.PrioritySource(path=rel, repo=repo, commit=commit)
    existing = {p.id: p for p in snap.priorities}
    records: list[Priority] = []
    added: list[str] = []
    updated: list[responses.ImportUpdate] = []
    unchanged: list[str] = []
    for item in parsed:
        record = Priority.model_validate({**item, "source": source.model_dump(exclude_none=True)})
        old = existing.get(record.id)
        if old is None:
            added.append(record.id)
        else:
            changed = [f for f in COMPARED if getattr(old, f) != getattr(record, f)]
            if not changed:
                unchanged.append(record.id)
                continue
            updated.append(responses.ImportUpdate(id=record.id, changed=changed))
        records.append(record)
    commit = None
    if records:
        commit = await store.save(
            records, f"Import funding priorities from {source.path}", who.signature()
        )
    return responses.ImportReport(
        added=added, updated=updated, unchanged=unchanged, commit=commit, source=source
    )
