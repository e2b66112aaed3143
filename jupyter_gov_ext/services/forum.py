"""Importing community input from a Discourse topic: read the topic (a saved export or its
address), offer each post's links as inputs, and add the ones a council member confirms, once."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from ..contract import responses
from ..contract.errors import GovError
from ..contract.records import Author, Input
from ..contract.requests import ForumImportRequest, ForumTopicRequest
from ..domain import forum
from ..domain.export import one_line
from ..domain.identity import Identity
from ..domain.snapshot import Snapshot
from ..domain.votes import parse_time
from ..storage import layout, web
from ..storage.store import GovernanceStore
from .community import validate_filing

_TOPIC_PATH = re.compile(r"^/t/(?:[^/]+/)?(\d+)(?:/\d+)?(?:\.json)?/?$")
_PAGE = 20  # posts per posts.json request, as Discourse serves them


def require_member(who: Identity) -> None:
    if not who.is_member:
        raise GovError("not_a_member", "Only council members import input from the forum.", 403)


async def read_topic(req: ForumTopicRequest, timeout: float) -> forum.Topic:
    """The topic's candidates, from the saved export or fetched from its address (with every
    post, not only the first page)."""
    if req.topic is not None:
        return forum.parse_topic(req.topic, req.forum)
    assert req.url is not None
    parts = urlsplit(req.url)
    match = _TOPIC_PATH.match(parts.path)
    if match is None:
        raise GovError(
            "invalid_field",
            "That is not the address of a forum topic (…/t/<title>/<number>).",
            field="url",
        )
    base, topic_id = f"{parts.scheme}://{parts.netloc}", match.group(1)
    data = await web.get_json(f"{base}/t/{topic_id}.json", timeout)
    await _fetch_remaining_posts(data, f"{base}/t/{topic_id}/posts.json", timeout)
    return forum.parse_topic(data, base)


async def _fetch_remaining_posts(data: Any, posts_url: str, timeout: float) -> None:
    stream = data.get("post_stream") if isinstance(data, dict) else None
    if not isinstance(stream, dict) or not isinstance(stream.get("posts"), list):
        return  # parse_topic says what is wrong
    have = {p.get("id") for p in stream["posts"] if isinstance(p, dict)}
    missing = [i for i in stream.get("stream") or [] if isinstance(i, int) and i not in have]
    for start in range(0, min(len(missing), 2000), _PAGE):
        query = "&".join(f"post_ids[]={i}" for i in missing[start : start + _PAGE])
        page = await web.get_json(f"{posts_url}?{query}", timeout)
        posts = (page.get("post_stream") or {}).get("posts") if isinstance(page, dict) else None
        if isinstance(posts, list):
            stream["posts"].extend(p for p in posts if isinstance(p, dict))


def _imported(snap: Snapshot) -> dict[str, str]:
    """Normalised link -> the input that already holds it."""
    return {forum.normalise_url(i.url): i.id for i in snap.inputs}


def preview(snap: Snapshot, topic: forum.Topic) -> responses.ForumPreview:
    snap.require_config()
    imported = _imported(snap)
    return responses.ForumPreview(
        topic_title=topic.title,
        topic_url=topic.url,
        posts=topic.posts,
        posts_in_topic=topic.posts_in_topic,
        candidates=[
            responses.ForumCandidate(
                key=c.key,
                url=c.url,
                title=c.title,
                author=responses.Author(id=c.author_id, name=c.author_name or c.author_id),
                submitted=c.submitted,
                post_number=c.post_number,
                post_url=c.post_url,
                excerpt=c.excerpt,
                imported=imported.get(c.url),
            )
            for c in topic.candidates
        ],
    )


async def import_confirmed(
    store: GovernanceStore,
    snap: Snapshot,
    req: ForumImportRequest,
    topic: forum.Topic,
    who: Identity,
) -> responses.ForumImported:
    """Add the confirmed candidates as inputs in one commit; a link already held is skipped.
    Call holding the repo, with its snapshot, so two imports never add one link twice."""
    validate_filing(snap, req.topics, req.priorities, req.prompt)
    by_key = {c.key: c for c in topic.candidates}
    unknown = [k for k in req.keys if k not in by_key]
    if unknown:
        raise GovError(
            "invalid_field", f"'{unknown[0]}' is not a link of this topic.", field="keys"
        )
    held = _imported(snap)
    records: list[Input] = []
    skipped: list[str] = []
    for key in dict.fromkeys(req.keys):
        c = by_key[key]
        if c.url in held:
            skipped.append(c.url)
            continue
        record = Input(
            id=layout.new_id(c.title, parse_time(c.submitted)),
            title=c.title,
            url=c.url,
            author=Author(id=c.author_id, name=c.author_name),
            submitted=c.submitted,
            topics=list(dict.fromkeys(req.topics)),
            priorities=list(dict.fromkeys(req.priorities)),
            stakeholder=req.stakeholder,
            prompt=req.prompt,
            source=c.post_url,
            body=c.excerpt,
        )
        held[c.url] = record.id
        records.append(record)
    commit = None
    if records:
        commit = await store.save(
            records,
            f"Import {len(records)} community input(s) from the forum: {one_line(topic.title)}",
            who.signature(),
        )
    return responses.ForumImported(added=[r.id for r in records], skipped=skipped, commit=commit)
