"""Real git repos in temp dirs for the tests: built by scripts, never shipped as binary fixtures."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# Copies of Jupyter's real governance documents, vendored in the repo (fixtures/README.md).
REAL_DATA = Path(__file__).resolve().parents[2] / "fixtures" / "real-data"

GOVERNANCE = """\
council:
  name: Test Council
  members:
    - {id: alice, name: Alice Adams, email: alice@example.org}
    - {id: bob, name: Bob Brown, email: bob@example.org}
    - {id: carol, name: Carol Chen, email: carol@example.org}
rules:
  vote_days: 7
  quorum: 0.5
  participation: 0.667
topics: [decision-making, membership, funding, software, community, code-of-conduct]
"""

PRIORITY = """\
---
id: {id}
title: {title}
summary: A summary of {id}.
outcomes:
- First outcome of {id}
- Second outcome of {id}
order: {order}
---

Body of **{id}**.
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def init_git(repo: Path, email: str = "alice@example.org", name: str = "Alice Adams") -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", email)
    git(repo, "config", "user.name", name)
    git(repo, "config", "commit.gpgsign", "false")
    return repo


def commit_all(repo: Path, message: str = "fixture") -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def make_governance_repo(repo: Path, governance: str = GOVERNANCE) -> Path:
    init_git(repo)
    (repo / "governance.yml").write_text(governance)
    (repo / "priorities").mkdir()
    for order, (pid, title) in enumerate(
        [("capacity", "Grow capacity"), ("software", "Reliable software")], start=1
    ):
        (repo / "priorities" / f"{pid}.md").write_text(
            PRIORITY.format(id=pid, title=title, order=order)
        )
    commit_all(repo, "governance fixture")
    return repo


def copy_real_data(name: str, dest: Path) -> Path:
    shutil.copytree(REAL_DATA / name, dest)
    for path in dest.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    dest.chmod(0o755)
    init_git(dest)
    commit_all(dest, "copy of real data")
    return dest


def commit_count(repo: Path) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD"))


def status_porcelain(repo: Path) -> str:
    return git(repo, "status", "--porcelain", "--untracked-files=all")
