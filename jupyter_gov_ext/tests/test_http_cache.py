"""Requests cost what changed: ETags known before any work, 304 for an unchanged refresh, gzip."""

from __future__ import annotations

import gzip
import json
import os

from tornado.httpclient import HTTPClientError

from .repo_helpers import commit_all

GOOD = {"title": "P", "url": "https://e.org/p", "topics": ["community"], "own_content": True}


async def get(jp_fetch, path: str, **headers):
    try:
        return await jp_fetch("jupyter-gov-ext", path, headers=headers, decompress_response=False)
    except HTTPClientError as err:
        return err.response


async def test_an_unchanged_refresh_is_a_304_and_a_change_is_seen(jp_fetch, api, act_as, gov_repo):
    act_as("alice")
    for path in ("inputs", "proposals", "priorities", "status"):
        first = await get(jp_fetch, path)
        etag = first.headers["ETag"]
        assert first.code == 200 and first.headers["Cache-Control"] == "no-cache"
        again = await get(jp_fetch, path, **{"If-None-Match": etag})
        assert again.code == 304 and again.body == b"", path
    before = (await get(jp_fetch, "inputs")).headers["ETag"]
    assert (await api("POST", "inputs", GOOD))[0] == 201
    after = await get(jp_fetch, "inputs", **{"If-None-Match": before})
    assert after.code == 200 and after.headers["ETag"] != before
    assert [i["title"] for i in json.loads(after.body)["inputs"]] == ["P"]


async def test_a_file_replaced_by_hand_or_by_a_pull_is_seen(api, gov_repo):
    _, data = await api("GET", "priorities")
    assert "Grow capacity" in {p["title"] for p in data["priorities"]}
    path = gov_repo / "priorities" / "capacity.md"
    tmp = path.with_name(".capacity.tmp")
    tmp.write_text(path.read_text().replace("Grow capacity", "Grow the capacity"))
    os.replace(tmp, path)  # how editors, JupyterLab and git write a file
    _, data = await api("GET", "priorities")
    assert "Grow the capacity" in {p["title"] for p in data["priorities"]}
    path.write_text(path.read_text().replace("Grow the capacity", "Capacity"))  # in place
    commit_all(gov_repo, "hand edit")
    _, data = await api("GET", "priorities")
    assert "Capacity" in {p["title"] for p in data["priorities"]}


async def test_large_answers_are_gzipped(jp_fetch, api, act_as):
    act_as("alice")
    for n in range(12):
        await api("POST", "inputs", {**GOOD, "title": f"Post {n}", "summary": "x" * 200})
    resp = await get(jp_fetch, "inputs", **{"Accept-Encoding": "gzip"})
    assert resp.headers["Content-Encoding"] == "gzip"
    assert len(json.loads(gzip.decompress(resp.body))["inputs"]) == 12
    plain = await get(jp_fetch, "inputs", **{"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers and len(plain.body) > len(resp.body)


async def test_inputs_come_page_by_page_and_since_a_time(api, act_as):
    act_as("alice")
    for n in range(5):
        await api("POST", "inputs", {**GOOD, "title": f"Post {n}", "url": f"https://e.org/{n}"})
    _, everything = await api("GET", "inputs")
    newest_first = [i["id"] for i in everything["inputs"]]
    assert everything["total"] == 5 and everything["next_cursor"] is None
    _, first = await api("GET", "inputs", limit="2")
    assert [i["id"] for i in first["inputs"]] == newest_first[:2]
    assert first["total"] == 5 and first["next_cursor"] == newest_first[1]
    _, second = await api("GET", "inputs", limit="2", cursor=first["next_cursor"])
    assert [i["id"] for i in second["inputs"]] == newest_first[2:4]
    _, last = await api("GET", "inputs", limit="2", cursor=second["next_cursor"])
    assert [i["id"] for i in last["inputs"]] == newest_first[4:] and last["next_cursor"] is None
    oldest = everything["inputs"][-1]["submitted"]
    _, newer = await api("GET", "inputs", since=oldest)
    assert all(i["submitted"] > oldest for i in newer["inputs"])
    for bad in ({"limit": "0"}, {"limit": "x"}, {"cursor": "no-such-input"}):
        code, err = await api("GET", "inputs", **bad)
        assert code == 400 and err["error"]["field"] in ("limit", "cursor")


async def test_the_status_follows_git_even_when_no_record_changed(jp_fetch, gov_repo):
    first = await get(jp_fetch, "status")
    etag = first.headers["ETag"]
    bare = gov_repo.parent / "remote.git"
    from .repo_helpers import git

    git(gov_repo.parent, "init", "-q", "--bare", str(bare))
    git(gov_repo, "remote", "add", "origin", str(bare))
    git(gov_repo, "push", "-q", "-u", "origin", "main")
    again = await get(jp_fetch, "status", **{"If-None-Match": etag})
    assert again.code == 200
    assert json.loads(again.body)["remote"]["upstream"] == "origin/main"
