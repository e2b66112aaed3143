"""A generated governance repo for the benchmark: N inputs, P proposals with their ballots."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jupyter_gov_ext.contract.fields import format_time  # noqa: E402
from jupyter_gov_ext.storage import frontmatter  # noqa: E402
from jupyter_gov_ext.tests.repo_helpers import commit_all, make_governance_repo  # noqa: E402

TOPICS = ["decision-making", "membership", "funding", "software", "community"]
MEMBERS = 8


def governance(members: int = MEMBERS) -> str:
    people = "\n".join(
        f"    - {{id: m{i}, name: Member {i}, email: m{i}@example.org}}" for i in range(members)
    )
    return f"council:\n  name: Bench Council\n  members:\n{people}\ntopics: [{', '.join(TOPICS)}]\n"


def generate(repo: Path, inputs: int, proposals: int, ballots_per_proposal: int) -> Path:
    make_governance_repo(repo, governance())
    folder = repo / "inputs" / "2026"
    folder.mkdir(parents=True)
    for i in range(inputs):
        rid = f"2026-01-{i % 28 + 1:02d}-generated-post-{i}-{i:06x}"
        meta = {
            "id": rid,
            "title": f"Generated post {i}",
            "url": f"https://example.org/posts/{i}",
            "author": {"id": f"user{i % 97}", "name": f"User {i % 97}"},
            "submitted": f"2026-01-{i % 28 + 1:02d}T10:{i % 60:02d}:{i % 59:02d}Z",
            "topics": [TOPICS[i % len(TOPICS)]],
            "priorities": ["capacity"] if i % 2 else ["software"],
            "own_content": True,
        }
        (folder / f"{rid}.md").write_text(frontmatter.dumps(meta, f"Summary {i}."))
    now = datetime.now(UTC)
    (repo / "proposals").mkdir()
    for p in range(proposals):
        pid = f"2026-02-{p % 28 + 1:02d}-proposal-{p}-{p:06x}"
        meta = {
            "id": pid,
            "title": f"Proposal {p}",
            "sponsor": "m0",
            "seconded_by": "m1",
            "created": format_time(now - timedelta(days=3)),
            "status": "voting",
            "vote": {
                "opened": format_time(now - timedelta(days=1)),
                "closes": format_time(now + timedelta(days=6)),
            },
        }
        (repo / "proposals" / f"{pid}.md").write_text(frontmatter.dumps(meta, f"Text {p}."))
        votes = repo / "votes" / pid
        votes.mkdir(parents=True)
        # Never m0 (the bench votes as m0) nor every member: no vote closes during the run.
        for m in range(min(ballots_per_proposal, MEMBERS - 2)):
            value = ("yes", "no", "blank")[(p + m) % 3]
            (votes / f"m{m + 1}.yml").write_text(
                f"value: {value}\ncast: '{format_time(now - timedelta(hours=m + 1))}'\n"
            )
    commit_all(repo, "generated records")
    return repo
