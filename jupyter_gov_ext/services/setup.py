"""Initialising a governance repo: the starter repo on first start, and `POST init` on any repo.

The content lives as files in `starter/` (base: what every repo gets; examples: an input and a
proposal that only the new starter repo gets, so a newcomer has something to browse and answer).
Two votes are made at creation time, because their dates are relative to today: one open (seconded,
period running) for the newcomer to cast a ballot on, and one decided, with its recorded outcome.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..contract.errors import GovError
from ..contract.fields import format_time
from ..contract.records import Ballot, Proposal, Signature
from ..domain import rules
from ..storage import frontmatter, layout
from ..storage.store import GovernanceStore

log = logging.getLogger(__name__)

DEFAULT_STARTER = Path("~/.jupyter-gov/governance").expanduser()
# Who the newcomer is in the starter repo when git has no identity configured on this machine.
NEWCOMER = Signature("Newcomer", "newcomer@localhost")
OPEN_VOTE_ID = "starter-hold-a-newcomer-sprint-each-quarter"
DECIDED_VOTE_ID = "starter-publish-council-minutes-within-a-week"


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
    if not email or f"email: {email.lower()}}}" in governance_text.lower():
        return governance_text  # no identity, or already an example member
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
    if store.exists(layout.GOVERNANCE_FILE):
        raise GovError("already_initialised", "This repo already has a governance.yml.", 409)
    if not (await store.state()).is_git_repo:
        raise GovError("repo_error", f"{store.root} is not a git work tree.", 409)
    content = _content("base") | (_content("examples") if examples else {})
    if store.exists(layout.ROSTER_FILE):
        # A jupyter/governance clone: its own roster says who sits on which council.
        roster_config = files("jupyter_gov_ext") / "starter" / "roster-governance.yml"
        content[layout.GOVERNANCE_FILE] = roster_config.read_text(encoding="utf-8")
    else:
        name, email = await store.git_identity()
        content[layout.GOVERNANCE_FILE] = _with_local_member(
            content[layout.GOVERNANCE_FILE], name, email
        )
    records: list[layout.Record] = []
    if examples:
        config = frontmatter.load_yaml(content[layout.GOVERNANCE_FILE])["council"]
        members = [m["id"] for m in config["members"]]
        records = live_votes(datetime.now(UTC), members, 0.5)
    return await store.initialise(content, records, "Initialise governance data", author)


def _proposal(**meta: Any) -> Proposal:
    return Proposal.model_validate({"kind": "binary", "door": "two-way", **meta})


def _ballots(proposal_id: str, values: dict[str, str], cast: datetime) -> list[layout.Record]:
    return [
        layout.CastBallot(proposal_id, member, Ballot(value=value, cast=format_time(cast)))
        for member, value in values.items()
    ]


def live_votes(now: datetime, members: list[str], quorum: float) -> list[layout.Record]:
    """An open vote (bob calls, carol seconds, both voted) and a decided one, dated around `now`."""
    opened = now - timedelta(days=1)
    open_vote = _proposal(
        id=OPEN_VOTE_ID,
        title="Hold a newcomer sprint each quarter",
        sponsor="bob",
        seconded_by="carol",
        created=format_time(now - timedelta(days=3)),
        status="voting",
        priorities=["capacity"],
        vote={"opened": format_time(opened), "closes": format_time(opened + timedelta(days=7))},
        body="An example vote that ships with the starter repo, **open now**. Bob called it and "
        "Carol\nseconded it; they have voted, one yes and one no. Cast your ballot in the Votes "
        "section\nand watch the tally move: you can change it until the vote closes.",
    )
    decided_values = {"alice": "yes", "bob": "yes", "carol": "blank"}
    opened = now - timedelta(days=30)
    closes = opened + timedelta(days=7)
    tally = rules.tally_binary(decided_values, members, quorum)
    decided = _proposal(
        id=DECIDED_VOTE_ID,
        title="Publish the council's minutes within a week of each meeting",
        sponsor="alice",
        seconded_by="bob",
        created=format_time(opened - timedelta(days=5)),
        status=tally.outcome,
        vote={"opened": format_time(opened), "closes": format_time(closes)},
        decision={
            "decided": format_time(closes),
            "outcome": tally.outcome,
            "tally": {"bodies": [{"body": "council", **tally.as_dict()}]},
        },
        body="An example of a **decided** vote: the ballots stay in `votes/`, and the outcome "
        "was\nwritten into this file when the vote closed.",
    )
    return [
        open_vote,
        *_ballots(OPEN_VOTE_ID, {"bob": "yes", "carol": "no"}, opened + timedelta(hours=2)),
        decided,
        *_ballots(DECIDED_VOTE_ID, decided_values, opened + timedelta(days=1)),
    ]


async def ensure_starter_repo(path: Path, timeout: float = 60.0) -> None:
    """Create the starter repo on first start (git init, content, one commit); reuse it after."""
    store = GovernanceStore(path, timeout=timeout)
    state = await store.state() if path.exists() else None
    if state and state.is_git_repo and state.head:
        return
    if path.exists() and any(path.iterdir()) and not (state and state.is_git_repo):
        raise GovError("repo_error", f"{path} exists and is not a git repo; not touching it.", 409)
    log.info("Creating the starter governance repo at %s", path)
    await store.create_repo()
    name, email = await store.git_identity()
    if not email:
        # No git identity on this machine: give the starter repo one, so that the newcomer is
        # recognised as the council member seated below and can try every action.
        await store.set_git_identity(NEWCOMER.name, NEWCOMER.email)
        name, email = NEWCOMER.name, NEWCOMER.email
    await initialise(store, Signature(name or NEWCOMER.name, email), examples=True)
