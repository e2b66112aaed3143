"""Generated bad bodies against every write route of a real server (hypothesis).

For each: never a 5xx, never a hang; a 4xx writes no file and makes no commit; a 2xx reads back
exactly as it was acknowledged, and leaves the work tree clean.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jupyter_gov_ext.contract.fields import format_time
from jupyter_gov_ext.storage import frontmatter

from . import live
from .repo_helpers import commit_all, git, make_governance_repo, status_porcelain

OPEN_VOTE = "2026-01-01-an-open-vote-abcdef"
RANKED_VOTE = "2026-01-01-a-ranked-vote-abcdef"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("bad-input")
    repo = make_governance_repo(work / "gov")
    now = datetime.now(UTC)
    (repo / "proposals").mkdir()
    for pid, extra in ((OPEN_VOTE, {}), (RANKED_VOTE, {"kind": "ranked", "options": ["a", "b"]})):
        meta = {
            "id": pid, "title": pid, "sponsor": "alice", "seconded_by": "bob",
            "created": format_time(now), "status": "voting", **extra,
            "vote": {"opened": format_time(now), "closes": format_time(now + timedelta(days=7))},
        }  # fmt: skip
        (repo / "proposals" / f"{pid}.md").write_text(frontmatter.dumps(meta, "Text."))
    commit_all(repo, "open votes")
    srv = live.start(repo, work)
    yield srv
    srv.stop()


def head(repo: Path) -> str:
    return git(repo, "rev-parse", "HEAD")


SPECIAL = [
    "\r\n",
    "\r",
    "\x85",
    "\u2028",
    "\x00",
    "\x1c",
    "\x7f",
    "\x9b",
    "---\n",
    "\ufeff",
    "\ufffe",
]
TEXT = st.lists(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
    | st.sampled_from(SPECIAL),
    max_size=8,
).map("".join)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
GOOD_INPUT = {
    "title": "A post",
    "url": "https://example.org/post",
    "topics": ["community"],
    "priorities": [],
    "summary": "",
    "own_content": True,
}


def mutate(base: dict) -> st.SearchStrategy:
    """A valid body with some fields replaced by generated text or JSON, or extra fields."""
    return st.fixed_dictionaries(
        {k: st.one_of(st.just(v), TEXT, JSON) for k, v in base.items()}
    ) | st.builds(lambda extra: {**base, **extra}, st.dictionaries(TEXT, JSON, max_size=2))


# The smallest Discourse topic export with one post that links one page.
TOPIC = {
    "id": 1,
    "title": "Input",
    "slug": "input",
    "post_stream": {
        "posts": [
            {
                "id": 10,
                "post_number": 2,
                "username": "jdoe",
                "created_at": "2026-10-02T14:31:07.120Z",
                "cooked": '<p><a href="https://example.org/x">mine</a></p>',
            }
        ]
    },
}
BODIES = {
    ("POST", "inputs"): mutate(GOOD_INPUT),
    ("POST", "proposals"): mutate({"title": "P", "body": "b", "kind": "ranked", "options": ["x", "y"]}),
    ("PATCH", f"proposals/{OPEN_VOTE}"): mutate({"title": "T", "body": "B"}),
    ("POST", f"proposals/{OPEN_VOTE}/transition"): mutate({"second": True}),
    ("PUT", f"proposals/{OPEN_VOTE}/ballot"): mutate({"value": "yes", "comment": "c"}),
    ("PUT", f"proposals/{RANKED_VOTE}/ballot"): mutate({"ranking": ["a"], "comment": "c"}),
    ("POST", "priorities/import"): mutate({"path": "gov/README.md"}),
    ("POST", "forum/preview"): mutate({"topic": TOPIC}),
    ("POST", "forum/import"): mutate({"topic": TOPIC, "keys": ["10:https://example.org/x"]}),
}  # fmt: skip
RAW = st.one_of(
    st.binary(max_size=200),
    st.integers(1, 5000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(1, 5000).map(lambda n: b'{"title":' * n + b"1" + b"}" * n),
    JSON.map(lambda v: json.dumps(v).encode()),
)


def check(server: live.Live, method: str, path: str, code: int, data, before: str) -> None:
    assert code < 500, (method, path, code, data)
    if code >= 400:
        assert set(data) == {"error"} and data["error"]["code"], data
        assert head(server.repo) == before, "a rejected request made a commit"
        assert status_porcelain(server.repo) == "", "a rejected request left a file"
        return
    assert status_porcelain(server.repo) == ""
    if path == "inputs":
        record = data["input"]
        _, listing = server.call("GET", "inputs")
        [stored] = [i for i in listing["inputs"] if i["id"] == record["id"]]
        assert {k: stored[k] for k in ("title", "summary", "url")} == {
            k: record[k] for k in ("title", "summary", "url")
        }
    elif "proposal" in data:
        record = data["proposal"]
        _, fresh = server.call("GET", f"proposals/{record['id']}")
        assert fresh["proposal"]["title"] == record["title"]
        if "body" in record:
            assert fresh["proposal"]["body"] == record["body"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_generated_bodies_never_5xx_and_rejections_write_nothing(server, data):
    (method, path) = data.draw(st.sampled_from(sorted(BODIES)))
    body = data.draw(BODIES[(method, path)])
    before = head(server.repo)
    code, reply = server.call(method, path, body, timeout=20)
    check(server, method, path, code, reply, before)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.sampled_from(sorted(BODIES)), RAW)
def test_raw_bytes_and_deep_nesting_are_refused_cleanly(server, route, raw):
    method, path = route
    before = head(server.repo)
    code, reply = server.call(method, path, raw=raw, timeout=20)
    check(server, method, path, code, reply, before)


def test_the_defects_found_by_the_attack_suite(server):
    """Each case reported in the issue, as it was sent."""
    repo = server.repo
    for summary in ("line one\r\nline two", "a\x85b", "lone\rcarriage"):
        code, data = server.call("POST", "inputs", {**GOOD_INPUT, "summary": summary})
        assert code == 201, data
        expected = summary.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n")
        assert data["input"]["summary"] == expected
        _, listing = server.call("GET", "inputs")
        assert [i["summary"] for i in listing["inputs"] if i["id"] == data["input"]["id"]] == [
            expected
        ]
    before = head(repo)
    code, data = server.call("POST", "inputs", {**GOOD_INPUT, "summary": "trailing\x1c"})
    if code == 201:  # stripped as whitespace: then it is stored without it too
        stored = (repo / data["input"]["path"]).read_text()
        assert "\x1c" not in stored and data["input"]["summary"] == "trailing"
    else:
        assert code == 400 and head(repo) == before
    # the same ballot, and the same PATCH, sent twice: 200 both times, one commit
    for method, path, body in (
        ("PUT", f"proposals/{OPEN_VOTE}/ballot", {"value": "no"}),
        ("PATCH", f"proposals/{OPEN_VOTE}", {"body": "The same text."}),
    ):
        assert server.call(method, path, body)[0] == 200
        after_first = head(repo)
        code, data = server.call(method, path, body)
        assert code == 200, data
        assert head(repo) == after_first
    # deeply nested JSON under the size limit
    code, data = server.call("POST", "inputs", raw=b"[" * 50_000 + b"]" * 50_000)
    assert code == 400 and data["error"]["code"] == "invalid_json"
    # a non-UTF-8 Markdown file to import
    (repo.parent / "latin1.md").write_bytes("## Caf\xe9\n".encode("latin-1"))
    code, data = server.call("POST", "priorities/import", {"path": "latin1.md"})
    assert code == 400 and data["error"]["field"] == "path"
    assert status_porcelain(repo) == ""
