"""On copies of Jupyter's real governance repositories (fixtures/real-data), made into git repos."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from .repo_helpers import copy_real_data, git


@pytest.fixture
def real_repo(tmp_path: Path) -> Path:
    return copy_real_data("jupyter-governance", tmp_path / "governance")


@pytest.fixture
def board_repo(tmp_path: Path) -> Path:
    return copy_real_data("jupyter-foundation-governing-board", tmp_path / "board")


@pytest.fixture
def repo_path(real_repo: Path, board_repo: Path) -> Path:
    return real_repo


def current_members(repo: Path, team: str, year: int | None = None) -> set[str]:
    """An independent reading of the roster for the test's expectation (terms as of this year)."""
    year = year or date.today().year
    data = yaml.safe_load((repo / "docs/_data/contributors.yml").read_text())
    out = set()
    for person in data["authors"]:
        for t in person.get("teams") or []:
            if t.get("team") != team:
                continue
            years = [
                int(y)
                for y in str(t.get("term", "")).replace(",", " ").replace("-", " ").split()
                if y.isdigit()
            ]
            if not years or min(years) <= year <= max(years):
                out.add(person["id"])
    return out


async def test_init_reads_both_councils_from_the_roster(api, real_repo, act_as):
    code, data = await api("POST", "init")
    assert code == 201
    assert git(real_repo, "status", "--porcelain") == ""
    _, status = await api("GET", "status")
    bodies = {b["id"]: {m["id"] for m in b["members"]} for b in status["bodies"]}
    assert bodies["executive_council"] == current_members(real_repo, "executive_council")
    assert "Zsailer" in bodies["executive_council"]  # term 2024-2027
    assert "blink1073" not in bodies["executive_council"]  # a former member
    assert bodies["software_steering_council"] == current_members(
        real_repo, "software_steering_council"
    )
    act_as("Zsailer")
    _, status = await api("GET", "status")
    assert status["member"] is True and status["identity"]["source"] == "user_id"
    # The roster is read, never rewritten; editing it changes who may vote.
    roster = real_repo / "docs/_data/contributors.yml"
    roster.write_text(roster.read_text().replace("  - id: Zsailer\n", "  - id: Zsailer-renamed\n"))
    _, status = await api("GET", "status")
    assert status["member"] is False


async def test_two_body_vote_needs_both_bodies(api, real_repo, act_as):
    await api("POST", "init")
    _, status = await api("GET", "status")
    ec = [
        m["id"]
        for m in next(b for b in status["bodies"] if b["id"] == "executive_council")["members"]
    ]
    ssc = [
        m["id"]
        for m in next(b for b in status["bodies"] if b["id"] == "software_steering_council")[
            "members"
        ]
    ]
    act_as(ec[0])
    body = {
        "title": "Amend the decision-making guide",
        "bodies": ["executive_council", "software_steering_council"],
    }
    code, data = await api("POST", "proposals", body)
    assert code == 201, data
    pid = data["proposal"]["id"]
    await api("POST", f"proposals/{pid}/transition", {"to": "voting"})
    act_as(ec[1])
    assert (await api("POST", f"proposals/{pid}/transition", {"second": True}))[0] == 200
    for member in ec:
        act_as(member)
        await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
    _, data = await api("GET", f"proposals/{pid}")
    tallies = {t["body"]: t for t in data["proposal"]["tallies"]}
    assert tallies["executive_council"]["outcome"] == "accepted"
    assert tallies["software_steering_council"]["outcome"] == "rejected"
    assert data["proposal"]["outcome_so_far"] == "rejected"
    for member in ssc:
        act_as(member)
        code, data = await api(
            "PUT", f"proposals/{pid}/ballot", {"value": "yes" if member != ssc[0] else "no"}
        )
    # every member of both bodies voted: the vote closed by itself with the last ballot
    assert code == 200, data
    assert data["proposal"]["status"] == "accepted"
    assert data["proposal"]["decision"]["outcome"] == "accepted"
    _, export = await api("GET", f"proposals/{pid}/export")
    md = export["markdown"]
    assert md.startswith("## Amend the decision-making guide\n")
    assert "Executive Council:\n" in md and "Software Steering Council:\n" in md
    assert f"- @{ssc[0]}\n  - [ ] Yes\n  - [x] No\n  - [ ] Abstain" in md
    assert f"- @{ec[0]}\n  - [x] Yes\n  - [ ] No\n  - [ ] Abstain" in md
    assert "**Result: accepted**" in md


async def test_import_priorities_from_the_foundation_document(api, real_repo, board_repo, act_as):
    await api("POST", "init")
    act_as("Zsailer")
    source = f"{board_repo.name}/doc/funding/priorities.md"
    code, data = await api("POST", "priorities/import", {"path": source})
    assert code == 200, data
    assert {u["id"] for u in data["updated"]} == {"capacity", "software"}
    assert len(data["added"]) == 1
    assert data["source"]["commit"] == git(board_repo, "rev-parse", "HEAD")
    assert git(real_repo, "log", "-1", "--format=%s").startswith("Import funding priorities")
    _, pri = await api("GET", "priorities")
    by_id = {p["id"]: p for p in pri["priorities"]}
    capacity = by_id["capacity"]
    assert capacity["title"] == "Grow the contributor capacity of Jupyter"
    assert len(capacity["outcomes"]) == 3 and capacity["outcomes"][0].startswith(
        "Grow the number of contributors."
    )
    assert len(capacity["examples"]) == 8
    assert len(by_id["software"]["outcomes"]) == 4
    foundation = by_id[data["added"][0]]
    assert foundation["title"].startswith("Ensure that Jupyter has a reliable source of funding")
    assert len(foundation["outcomes"]) == 2 and len(foundation["examples"]) == 5
    # importing again changes nothing and makes no commit
    head = git(real_repo, "rev-parse", "HEAD")
    code, again = await api("POST", "priorities/import", {"path": source})
    assert again["commit"] is None and len(again["unchanged"]) == 3
    assert git(real_repo, "rev-parse", "HEAD") == head
    # a path outside the allowed roots, or not Markdown, is refused
    for bad in ("/etc/passwd", "../../etc/hosts.md", f"{board_repo.name}/doc/myst.yml"):
        code, err = await api("POST", "priorities/import", {"path": bad})
        assert code == 400 and err["error"]["field"] == "path"
