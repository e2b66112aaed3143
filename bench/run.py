"""Benchmark the store's read path on a generated repo of community input.

One command: `python bench/run.py [--inputs N]` (or `make bench`). It builds a real git repo with N
inputs, then times, in the same run:

- baseline: parsing every record file from scratch (what a store without an index would do);
- cold: the store's first snapshot (parses everything once);
- warm: a snapshot with nothing changed (the incremental index: one stat per file);
- one edit: a snapshot after one file changed (re-parses only that file);
- filter: `filter_inputs` with a text query over the whole set.

It prints each time and its ratio to the baseline. Targets (warm <= 0.25 x baseline) are checked
here, never in unit tests; the exit code is 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jupyter_gov_ext.domain.views import filter_inputs  # noqa: E402
from jupyter_gov_ext.storage import frontmatter  # noqa: E402
from jupyter_gov_ext.storage.store import GovernanceStore  # noqa: E402
from jupyter_gov_ext.tests.repo_helpers import (  # noqa: E402
    commit_all,
    make_governance_repo,
)

TOPICS = ["decision-making", "membership", "funding", "software", "community"]


def generate(repo: Path, n: int) -> None:
    folder = repo / "inputs" / "2026"
    folder.mkdir(parents=True)
    for i in range(n):
        rid = f"2026-01-{i % 28 + 1:02d}-generated-post-{i}-{i:06x}"
        meta = {
            "id": rid,
            "title": f"Generated post {i}",
            "url": f"https://example.org/posts/{i}",
            "author": {"id": f"user{i % 97}", "name": f"User {i % 97}"},
            "submitted": f"2026-01-{i % 28 + 1:02d}T10:{i % 60:02d}:00Z",
            "topics": [TOPICS[i % len(TOPICS)]],
            "priorities": ["capacity"] if i % 2 else ["software"],
            "own_content": True,
        }
        if i and i % 5 == 0:
            meta["responds_to"] = (
                f"2026-01-{(i - 1) % 28 + 1:02d}-generated-post-{i - 1}-{i - 1:06x}"
            )
        (folder / f"{rid}.md").write_text(frontmatter.dumps(meta, f"Summary {i}."))
    commit_all(repo, "generated inputs")


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) if runs > 1 else statistics.mean(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = make_governance_repo(Path(tmp) / "gov")
        generate(repo, args.inputs)
        files = sorted((repo / "inputs").rglob("*.md"))

        parse_input = GovernanceStore(repo).inputs.parse

        def baseline() -> None:
            for f in files:
                parse_input(f"inputs/2026/{f.name}", f.read_text())

        store = GovernanceStore(repo)
        t_base = best_of(args.runs, baseline)
        t_cold = best_of(1, lambda: asyncio.run(store.snapshot()))
        t_warm = best_of(args.runs, lambda: asyncio.run(store.snapshot()))

        def one_edit() -> None:
            f = files[len(files) // 2]
            f.write_text(f.read_text().replace("Summary", "Edited summary", 1))
            asyncio.run(store.snapshot())

        t_edit = best_of(args.runs, one_edit)
        snap = asyncio.run(store.snapshot())
        t_filter = best_of(args.runs, lambda: filter_inputs(snap, q="post 99", topic="funding"))

    rows = [
        ("baseline: parse every file", t_base),
        ("cold snapshot", t_cold),
        ("warm snapshot (nothing changed)", t_warm),
        ("snapshot after one edit", t_edit),
        ("filter inputs (text + topic)", t_filter),
    ]
    print(f"{args.inputs} inputs, best of {args.runs}")
    for name, t in rows:
        print(f"{name:36s} {t * 1000:9.1f} ms   {t / t_base:6.3f} x baseline")
    target = 0.25
    ok = t_warm <= target * t_base and t_edit <= target * t_base
    print(
        f"target: warm and one-edit snapshots <= {target} x baseline: {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
