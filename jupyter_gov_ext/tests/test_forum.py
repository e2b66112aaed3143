"""Importing community input from a Discourse topic export: each post's links offered with their
author and date, nothing imported without confirmation, nothing imported twice."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jupyter_gov_ext.contract.errors import GovError
from jupyter_gov_ext.domain import forum

from .live import free_port
from .repo_helpers import commit_count, git

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "discourse"
BLOG = "https://jdoe.example.org/2026/10/what-jupyter-needs"
NOTES = "https://mkim.example.net/notes/jupyter-funding"
DISCUSSION = "https://github.com/orgs/jupyter/discussions/321"


def topic() -> dict:
    return json.loads((FIXTURES / "topic-38511.json").read_text())


async def preview(api, **body):
    code, data = await api("POST", "forum/preview", body or {"topic": topic()})
    assert code == 200, data
    return data


async def test_each_posts_own_links_are_offered_with_author_and_date(api, act_as):
    act_as("alice")
    data = await preview(api)
    assert data["topic_title"] == "Community input on the foundation's funding priorities"
    assert (data["posts"], data["posts_in_topic"]) == (6, 7)  # the saved file holds 6 of 7
    found = [(c["url"], c["title"], c["author"]["id"], c["submitted"], c["post_number"])
             for c in data["candidates"]]  # fmt: skip
    # Not offered: the link back to the forum, the quote of jdoe's post, the mention, the
    # hashtag, the moderator action, rpatel's repeat of jdoe's link, the deleted post.
    assert found == [
        (BLOG, "What Jupyter needs next", "jdoe", "2026-10-02T14:31:07Z", 2),
        (NOTES, "Funding the docs", "mkim", "2026-10-03T08:00:00Z", 3),
        (DISCUSSION, "discussion I opened", "mkim", "2026-10-03T08:00:00Z", 3),
    ]
    assert data["candidates"][0]["author"]["name"] == "Jo Doe"
    assert data["candidates"][0]["post_url"] == (
        "https://discourse.jupyter.org/t/community-input-on-the-foundations-funding-priorities/38511/2"
    )
    assert all(c["imported"] is None for c in data["candidates"])


async def test_nothing_is_imported_without_confirmation_or_twice(api, act_as, gov_repo):
    act_as("alice")
    before = commit_count(gov_repo)
    keys = [c["key"] for c in (await preview(api))["candidates"]]
    assert commit_count(gov_repo) == before  # a preview writes nothing

    code, data = await api("POST", "forum/import", {"topic": topic(), "keys": keys[:2],
                                                    "topics": ["funding"]})  # fmt: skip
    assert code == 201, data
    assert len(data["added"]) == 2 and data["skipped"] == []
    assert commit_count(gov_repo) == before + 1
    _, listing = await api("GET", "inputs")
    by_url = {i["url"]: i for i in listing["inputs"]}
    assert set(by_url) == {BLOG, NOTES}
    jdoe = by_url[BLOG]
    assert (jdoe["author"]["id"], jdoe["submitted"], jdoe["topics"]) == (
        "jdoe", "2026-10-02T14:31:07Z", ["funding"],
    )  # fmt: skip
    assert jdoe["source"].endswith("/38511/2")
    assert "Import 2 community input(s) from the forum" in git(gov_repo, "log", "-1", "--format=%s")

    again = await preview(api)
    assert [c["imported"] is not None for c in again["candidates"]] == [True, True, False]
    code, data = await api("POST", "forum/import", {"topic": topic(), "keys": keys})
    assert code == 201 and len(data["added"]) == 1 and data["skipped"] == [BLOG, NOTES]
    code, data = await api("POST", "forum/import", {"topic": topic(), "keys": keys})
    assert (code, data["added"], data["commit"]) == (200, [], None)
    assert commit_count(gov_repo) == before + 2
    _, listing = await api("GET", "inputs")
    assert len(listing["inputs"]) == 3


@pytest.mark.parametrize(
    "body, field",
    [
        ({"topic": {"title": "no posts"}}, "topic"),
        ({"topic": topic(), "url": "https://discourse.jupyter.org/t/x/1"}, "url"),
        ({}, "topic"),
        ({"url": "https://discourse.jupyter.org/c/governance"}, "url"),
        ({"url": "file:///etc/passwd"}, "url"),
    ],
)
async def test_a_bad_topic_is_a_clear_error_and_writes_nothing(api, act_as, gov_repo, body, field):
    act_as("alice")
    before = commit_count(gov_repo)
    for route in ("forum/preview", "forum/import"):
        code, data = await api(
            "POST", route, {**body, **({"keys": ["x"]} if "import" in route else {})}
        )
        assert code == 400, data
        assert data["error"]["field"] == field
    assert commit_count(gov_repo) == before


async def test_a_key_that_is_not_in_the_topic_is_refused(api, act_as, gov_repo):
    act_as("alice")
    before = commit_count(gov_repo)
    code, data = await api("POST", "forum/import", {"topic": topic(), "keys": ["1:https://x.org"]})
    assert (code, data["error"]["field"]) == (400, "keys")
    assert commit_count(gov_repo) == before


async def test_only_council_members_import(api, act_as, gov_repo):
    act_as("zed")
    before = commit_count(gov_repo)
    code, data = await api("POST", "forum/preview", {"topic": topic()})
    assert (code, data["error"]["code"]) == (403, "not_a_member")
    code, _ = await api("POST", "forum/import", {"topic": topic(), "keys": ["x"]})
    assert code == 403 and commit_count(gov_repo) == before


@pytest.fixture
def forum_site(tmp_path: Path):
    """A local web server answering as the forum does: the topic, then the posts it lacks."""
    site = tmp_path / "site"
    (site / "t" / "38511").mkdir(parents=True)
    shutil.copy(FIXTURES / "topic-38511.json", site / "t" / "38511.json")
    page = (FIXTURES / "posts-38511-page-2.json").read_bytes()

    class Forum(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            if self.path.startswith("/t/38511/posts.json?post_ids[]=91007"):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(page)
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    port = free_port()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Forum, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


async def test_a_topic_address_is_read_with_every_post(api, act_as, forum_site):
    act_as("alice")
    data = await preview(api, url=f"{forum_site}/t/community-input/38511/3")
    assert data["posts"] == 7
    last = data["candidates"][-1]
    assert (last["url"], last["author"]["id"]) == (
        "https://lwong.example.com/posts/jupyter-onboarding", "lwong",
    )  # fmt: skip
    assert (
        last["post_url"]
        == f"{forum_site}/t/community-input-on-the-foundations-funding-priorities/38511/7"
    )


async def test_an_unreachable_forum_says_so(api, act_as, gov_repo):
    act_as("alice")
    code, data = await api(
        "POST", "forum/preview", {"url": f"http://127.0.0.1:{free_port()}/t/x/1"}
    )
    assert (code, data["error"]["code"], data["error"]["field"]) == (
        502,
        "remote_unreachable",
        "url",
    )


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
POST_FIELDS = ("id", "post_number", "username", "name", "created_at", "cooked", "link_counts",
               "post_type", "deleted_at", "hidden")  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(POST_FIELDS), JSON), max_size=4), JSON)
def test_any_shape_of_post_is_read_or_refused_clearly(posts, stream):
    """A hand-made or damaged export never breaks the reader: candidates, or a GovError."""
    data = {"id": 1, "title": "T", "post_stream": {"posts": posts, "stream": stream}}
    try:
        parsed = forum.parse_topic(data, "https://discourse.jupyter.org")
    except GovError as err:
        assert err.status == 400 and err.field == "topic"
        return
    assert all(c.url.startswith(("http://", "https://")) for c in parsed.candidates)


def test_links_inside_quotes_and_broken_html_are_not_offered():
    cooked = (
        '<blockquote><aside class="quote"><a href="https://quoted.org/a">q</a></blockquote>'
        '<p><a href="https://mine.org/b">mine</a><a href="javascript:alert(1)">x</a>'
        '<a href="#top">top</a><a href="https://discourse.jupyter.org/t/x/1">forum</a>'
    )
    post = {"id": 1, "post_number": 1, "username": "u", "created_at": "2026-01-01T00:00:00Z",
            "cooked": cooked}  # fmt: skip
    parsed = forum.parse_topic(
        {"id": 1, "title": "T", "post_stream": {"posts": [post]}}, "https://discourse.jupyter.org"
    )
    assert [c.url for c in parsed.candidates] == ["https://mine.org/b"]
