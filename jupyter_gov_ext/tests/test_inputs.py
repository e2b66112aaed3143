"""POST/GET inputs on a real git repo: success, every kind of bad input, concurrency, reindexing."""

from __future__ import annotations

import asyncio
import json
import subprocess

import pytest

from .repo_helpers import commit_all, commit_count, git, status_porcelain

GOOD = {
    "title": "Why Jupyter needs pillars",
    "url": "https://example.org/pillars",
    "topics": ["decision-making"],
    "priorities": ["capacity"],
    "summary": "A short summary.",
    "own_content": True,
}


async def test_submit_input_writes_one_file_and_one_commit(api, gov_repo, act_as):
    act_as("alice")
    before = commit_count(gov_repo)
    code, data = await api("POST", "inputs", GOOD)
    assert code == 201
    record, commit = data["input"], data["commit"]
    assert commit == git(gov_repo, "rev-parse", "HEAD")
    assert commit_count(gov_repo) == before + 1
    assert (
        git(gov_repo, "log", "-1", "--format=%s")
        == "Add community input: Why Jupyter needs pillars"
    )
    assert git(gov_repo, "log", "-1", "--format=%an <%ae>") == "Alice Adams <alice@example.org>"
    assert record["path"] == git(gov_repo, "show", "--name-only", "--format=", "HEAD")
    assert record["path"].startswith(f"inputs/{record['submitted'][:4]}/{record['id']}")
    assert record["author"] == {"id": "alice", "name": "Alice Adams"}
    assert status_porcelain(gov_repo) == ""
    # and it reads back through the listing
    code, data = await api("GET", "inputs")
    assert [i["id"] for i in data["inputs"]] == [record["id"]]
    assert data["inputs"][0]["summary"] == "A short summary."


async def test_a_non_member_may_submit_input(api, gov_repo, act_as):
    act_as("dana")
    code, data = await api("POST", "inputs", GOOD)
    assert code == 201
    assert data["input"]["author"]["id"] == "dana"


async def test_field_text_never_changes_the_structure(api, gov_repo, act_as):
    act_as("alice")
    tricky = "Title\n---\nstatus: accepted\nown_content: false"
    code, data = await api(
        "POST", "inputs", {**GOOD, "title": tricky, "summary": "---\nid: x\n---"}
    )
    assert code == 201
    code, data = await api("GET", "inputs")
    [record] = data["inputs"]
    assert record["title"] == tricky
    assert record["summary"] == "---\nid: x\n---"
    assert record["own_content"] is True
    assert "status" not in record


BAD = [
    ("not json", b"{nope", "invalid_json", None),
    ("a list", json.dumps([1]).encode(), "invalid_json", None),
    ("missing title", {k: v for k, v in GOOD.items() if k != "title"}, "invalid_field", "title"),
    ("missing url", {k: v for k, v in GOOD.items() if k != "url"}, "invalid_field", "url"),
    ("extra field", {**GOOD, "status": "accepted"}, "invalid_field", "status"),
    ("title wrong type", {**GOOD, "title": 5}, "invalid_field", "title"),
    ("empty title", {**GOOD, "title": "   "}, "invalid_field", "title"),
    ("oversized title", {**GOOD, "title": "x" * 201}, "invalid_field", "title"),
    ("javascript url", {**GOOD, "url": "javascript:alert(1)"}, "invalid_field", "url"),
    ("data url", {**GOOD, "url": "data:text/html,<b>x</b>"}, "invalid_field", "url"),
    ("url without host", {**GOOD, "url": "https://"}, "invalid_field", "url"),
    ("url with spaces", {**GOOD, "url": "https://a.org/x y"}, "invalid_field", "url"),
    ("oversized url", {**GOOD, "url": "https://a.org/" + "x" * 2000}, "invalid_field", "url"),
    ("topics not a list", {**GOOD, "topics": "funding"}, "invalid_field", "topics"),
    ("no topic", {**GOOD, "topics": []}, "invalid_field", "topics"),
    ("unknown topic", {**GOOD, "topics": ["gossip"]}, "invalid_field", "topics"),
    ("unknown priority", {**GOOD, "priorities": ["world-peace"]}, "invalid_field", "priorities"),
    ("oversized summary", {**GOOD, "summary": "x" * 501}, "invalid_field", "summary"),
    ("not own content", {**GOOD, "own_content": False}, "invalid_field", "own_content"),
    (
        "own content missing",
        {k: v for k, v in GOOD.items() if k != "own_content"},
        "invalid_field",
        "own_content",
    ),
    (
        "responds to nothing",
        {**GOOD, "responds_to": "2026-01-01-nothing-abcdef"},
        "invalid_field",
        "responds_to",
    ),
    (
        "responds_to with slash",
        {**GOOD, "responds_to": "../governance"},
        "invalid_field",
        "responds_to",
    ),
    ("responds_to with backslash", {**GOOD, "responds_to": "a\\b"}, "invalid_field", "responds_to"),
    ("responds_to with dots", {**GOOD, "responds_to": ".."}, "invalid_field", "responds_to"),
    ("responds_to with NUL", {**GOOD, "responds_to": "a\x00b"}, "invalid_field", "responds_to"),
    ("too large", {**GOOD, "summary": "x" * 300_000}, "too_large", None),
]


@pytest.mark.parametrize("case,body,code,field", BAD, ids=[c[0] for c in BAD])
async def test_bad_input_is_refused_and_writes_nothing(
    api, gov_repo, act_as, case, body, code, field
):
    act_as("alice")
    head = git(gov_repo, "rev-parse", "HEAD")
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    status, data = await api("POST", "inputs", raw=raw)
    assert 400 <= status < 500, (case, status, data)
    assert data["error"]["code"] == code
    assert data["error"]["message"]
    if field:
        assert data["error"]["field"] == field
    assert git(gov_repo, "rev-parse", "HEAD") == head
    assert status_porcelain(gov_repo) == ""
    assert not (gov_repo / "inputs").exists() or not any((gov_repo / "inputs").rglob("*.md"))


async def test_an_answer_to_an_input_is_listed_with_it(api, gov_repo, act_as):
    act_as("alice")
    _, first = await api("POST", "inputs", GOOD)
    first_id = first["input"]["id"]
    act_as("bob")
    code, second = await api(
        "POST",
        "inputs",
        {**GOOD, "title": "A reply", "url": "https://b.org/r", "responds_to": first_id},
    )
    assert code == 201
    _, data = await api("GET", "inputs", responds_to=first_id)
    assert [i["title"] for i in data["inputs"]] == ["A reply"]
    _, data = await api("GET", "inputs", q="reply")
    assert len(data["inputs"]) == 1
    _, data = await api("GET", "inputs", topic="funding")
    assert data["inputs"] == []
    _, pri = await api("GET", "priorities")
    counts = {p["id"]: p["input_count"] for p in pri["priorities"]}
    assert counts == {"capacity": 2, "software": 0}


async def test_fifty_concurrent_submissions_all_land(api, gov_repo, act_as):
    act_as("alice")
    before = commit_count(gov_repo)
    results = await asyncio.gather(
        *(
            api("POST", "inputs", {**GOOD, "title": f"Post {n}", "url": f"https://e.org/{n}"})
            for n in range(50)
        )
    )
    assert all(code == 201 for code, _ in results)
    assert len(list((gov_repo / "inputs").rglob("*.md"))) == 50
    assert commit_count(gov_repo) == before + 50
    assert status_porcelain(gov_repo) == ""
    subprocess.run(
        ["git", "-C", str(gov_repo), "fsck", "--strict"], check=True, capture_output=True
    )
    _, data = await api("GET", "inputs")
    assert len(data["inputs"]) == 50


async def test_a_malformed_file_is_reported_not_fatal(api, gov_repo, act_as):
    act_as("alice")
    await api("POST", "inputs", GOOD)
    year_dir = next((gov_repo / "inputs").iterdir())
    (year_dir / "2026-01-01-broken-aaaaaa.md").write_text("---\ntitle: [unclosed\n---\n")
    (year_dir / "2026-01-02-missing-bbbbbb.md").write_text(
        "---\nid: 2026-01-02-missing-bbbbbb\n---\n"
    )
    (year_dir / "no-front-matter.md").write_text("just text")
    code, data = await api("GET", "inputs")
    assert code == 200 and len(data["inputs"]) == 1
    _, status = await api("GET", "status")
    paths = {p["path"] for p in status["problems"]}
    assert {
        f"inputs/{year_dir.name}/2026-01-01-broken-aaaaaa.md",
        f"inputs/{year_dir.name}/2026-01-02-missing-bbbbbb.md",
        f"inputs/{year_dir.name}/no-front-matter.md",
    } <= paths


async def test_hand_edits_and_external_commits_show_up(api, gov_repo, act_as):
    act_as("alice")
    _, data = await api("POST", "inputs", GOOD)
    path = gov_repo / data["input"]["path"]
    path.write_text(path.read_text().replace("Why Jupyter needs pillars", "Edited by hand"))
    _, listing = await api("GET", "inputs")
    assert listing["inputs"][0]["title"] == "Edited by hand"
    # a commit made outside the extension (as a pull would bring in)
    (gov_repo / "priorities" / "new.md").write_text(
        "---\nid: new\ntitle: A new priority\nsummary: s\noutcomes: []\norder: 9\n---\n"
    )
    commit_all(gov_repo, "external")
    _, pri = await api("GET", "priorities")
    assert [p["id"] for p in pri["priorities"]][-1] == "new"


async def test_unchanged_files_are_not_parsed_again(jp_serverapp, api, gov_repo, act_as):
    act_as("alice")
    for n in range(3):
        await api("POST", "inputs", {**GOOD, "title": f"P{n}", "url": f"https://e.org/{n}"})
    store = jp_serverapp.web_app.settings["jupyter_gov_ext.store"]
    await api("GET", "inputs")
    parsed = store.inputs.parsed_count
    await api("GET", "inputs")
    assert store.inputs.parsed_count == parsed


async def test_a_stale_index_lock_is_recovered(jp_serverapp, api, gov_repo, act_as):
    act_as("alice")
    store = jp_serverapp.web_app.settings["jupyter_gov_ext.store"]
    lock = gov_repo / ".git" / "index.lock"
    lock.write_text("")
    old = lock.stat().st_mtime - store.git.stale_lock_seconds - 10
    import os

    os.utime(lock, (old, old))
    code, _ = await api("POST", "inputs", GOOD)
    assert code == 201
    assert not lock.exists()


async def test_a_failed_commit_leaves_the_repo_as_it_was(api, gov_repo, act_as):
    act_as("alice")
    head = git(gov_repo, "rev-parse", "HEAD")
    hook = gov_repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 1\n")
    hook.chmod(0o755)
    # A hook that refuses the commit is the repo's state, for the user to act on: a 4xx, never a 5xx.
    code, data = await api("POST", "inputs", GOOD)
    assert code == 409 and data["error"]["code"] == "repo_error"
    assert git(gov_repo, "rev-parse", "HEAD") == head
    assert status_porcelain(gov_repo) == ""


async def test_the_users_own_staged_changes_stay_out_of_the_commit(api, gov_repo, act_as):
    act_as("alice")
    (gov_repo / "notes.txt").write_text("my own work in progress\n")
    git(gov_repo, "add", "notes.txt")
    code, data = await api("POST", "inputs", GOOD)
    assert code == 201
    changed = git(gov_repo, "show", "--name-only", "--format=", "HEAD").split()
    assert changed == [data["input"]["path"]]
    assert git(gov_repo, "diff", "--cached", "--name-only") == "notes.txt"  # still staged
    # and with nothing else staged, the commit holds just the input too
    git(gov_repo, "commit", "-q", "-m", "my notes")
    code, data = await api("POST", "inputs", {**GOOD, "title": "Second", "url": "https://e.org/2"})
    assert git(gov_repo, "show", "--name-only", "--format=", "HEAD").split() == [
        data["input"]["path"]
    ]
