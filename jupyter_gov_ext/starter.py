"""Initialising a governance repo: the starter repo on first start, and `POST init` on any repo.

The content lives as files in `starter/` (base: what every repo gets; examples: an input and a
proposal that only the new starter repo gets, so a newcomer has something to browse and answer).
"""

from __future__ import annotations

import json
import logging
import re
from importlib.resources import files
from pathlib import Path

from .errors import GovError
from .gitrepo import GitRepo, Signature
from .store import GOVERNANCE_FILE, GovernanceStore

log = logging.getLogger(__name__)

DEFAULT_STARTER = Path("~/.jupyter-gov/governance").expanduser()
ROSTER_FILE = "docs/_data/contributors.yml"
TOOL_SIGNATURE = Signature("jupyter_gov_ext", "jupyter-gov-ext@localhost")


def _content(part: str) -> dict[str, str]:
    base = files("jupyter_gov_ext") / "starter" / part
    out: dict[str, str] = {}

    def walk(node, prefix: str) -> None:
        for child in node.iterdir():
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, rel + "/")
            else:
                out[rel] = child.read_text(encoding="utf-8")

    walk(base, "")
    return out


def _with_local_member(governance_text: str, name: str | None, email: str | None) -> str:
    """Seat the person setting the repo up on the example council, so they can try every action."""
    if not email:
        return governance_text
    member_id = re.sub(r"[^A-Za-z0-9_-]+", "-", (name or email.split("@")[0])).strip("-")[:39]
    if not member_id or not re.match(r"^[A-Za-z0-9]", member_id):
        member_id = "me"
    entry = json.dumps({"id": member_id, "name": name or member_id, "email": email})
    marker = "used as the vote file name\n"
    return governance_text.replace(marker, f"{marker}    - {entry}\n", 1)


async def initialise(
    store: GovernanceStore, author: Signature, examples: bool = False
) -> tuple[str, list[str]]:
    """Add the governance files in one commit; never touch a file that already exists."""
    if (store.root / GOVERNANCE_FILE).exists():
        raise GovError("already_initialised", "This repo already has a governance.yml.", 409)
    if not await store.git.is_work_tree():
        raise GovError("repo_error", f"{store.root} is not a git work tree.", 500)
    content = _content("base") | (_content("examples") if examples else {})
    if (store.root / ROSTER_FILE).is_file():
        # A jupyter/governance clone: its own roster says who sits on which council.
        roster_config = files("jupyter_gov_ext") / "starter" / "roster-governance.yml"
        content[GOVERNANCE_FILE] = roster_config.read_text(encoding="utf-8")
    else:
        content[GOVERNANCE_FILE] = _with_local_member(
            content[GOVERNANCE_FILE],
            await store.git.config("user.name"),
            await store.git.config("user.email"),
        )
    new_files = {
        rel: text for rel, text in sorted(content.items()) if not (store.root / rel).exists()
    }
    commit = await store.write(new_files, "Initialise governance data", author)
    return commit, sorted(new_files)


async def ensure_starter_repo(path: Path) -> None:
    """Create the starter repo on first start (git init, content, one commit); reuse it after."""
    git = GitRepo(path)
    if path.exists() and await git.is_work_tree() and await git.head():
        return
    if path.exists() and any(path.iterdir()) and not await git.is_work_tree():
        raise GovError("repo_error", f"{path} exists and is not a git repo; not touching it.", 500)
    log.info("Creating the starter governance repo at %s", path)
    await git.init()
    store = GovernanceStore(path, git)
    name = await git.config("user.name")
    email = await git.config("user.email")
    author = Signature(name, email) if name and email else TOOL_SIGNATURE
    await initialise(store, author, examples=True)
