"""Community input that already lives on Jupyter's forum: a Discourse topic's JSON export
(`/t/<id>.json`, Discourse's documented API format) read into candidate inputs, one per link a post
makes to its author's own content. Pure: a parsed JSON document in, candidates out.

The forum's rules for the funding thread are "own content, link only": a post links to something its
author wrote. Links inside a quote (someone else's words), mentions, hashtags and links back to the
forum itself are not input; a link two posts share is offered once, with the first post.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..contract.errors import GovError
from ..contract.fields import format_time


@dataclass(frozen=True)
class Candidate:
    key: str  # "<post id>:<url>", what a confirmation names
    url: str
    title: str
    author_id: str
    author_name: str
    submitted: str
    post_number: int
    post_url: str
    excerpt: str


@dataclass(frozen=True)
class Topic:
    id: int
    title: str
    url: str
    candidates: list[Candidate]
    posts: int  # posts read from the export (a saved file may hold only the first ones)
    posts_in_topic: int


class _Links(HTMLParser):
    """The <a href> of a post's cooked HTML, outside quotes, with their text; and the plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._quote_depth = 0
        self._stack: list[str] = []
        self._anchor: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag in ("aside", "blockquote"):
            self._stack.append(tag)
            if tag == "blockquote" or "quote" in classes:
                self._quote_depth += 1
                self._stack[-1] = tag + ":quote"
        if tag == "a" and not self._quote_depth:
            skip = {"mention", "hashtag", "hashtag-cooked", "mention-group", "anchor"} & set(
                classes
            )
            href = a.get("href") or ""
            if not skip and href.startswith(("http://", "https://")):
                self._anchor = (href, [])

    def handle_endtag(self, tag: str) -> None:
        names = [entry.split(":")[0] for entry in self._stack]
        if tag in names:
            # Close it and whatever it holds that was left open (HTML is forgiving).
            at = len(names) - 1 - names[::-1].index(tag)
            closed, self._stack = self._stack[at:], self._stack[:at]
            self._quote_depth -= sum(entry.endswith(":quote") for entry in closed)
        if tag == "a" and self._anchor is not None:
            href, words = self._anchor
            self.links.append((href, " ".join("".join(words).split())))
            self._anchor = None

    def handle_data(self, data: str) -> None:
        if self._anchor is not None:
            self._anchor[1].append(data)
        if not self._quote_depth:
            self.text.append(data)


def normalise_url(url: str) -> str:
    """One spelling per link: lower-case scheme and host, no fragment, no trailing slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def _time(value: Any) -> str:
    try:
        return format_time(datetime.fromisoformat(str(value).replace("Z", "+00:00")))
    except ValueError:
        raise GovError(
            "invalid_field", f"A post's date '{value}' is not a date.", field="topic"
        ) from None


def _require(data: Any, key: str, kind: type) -> Any:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, kind):
        raise GovError(
            "invalid_field",
            f"This is not a Discourse topic export (/t/<id>.json): '{key}' is missing.",
            field="topic",
        )
    return value


def parse_topic(data: Any, forum: str) -> Topic:
    """The candidates of a topic export; `forum` is the forum's address (posts' links are relative)."""
    forum = forum.rstrip("/")
    host = urlsplit(forum).netloc.lower()
    topic_id = _require(data, "id", int)
    title = _require(data, "title", str)
    stream = _require(data, "post_stream", dict)
    posts = _require(stream, "posts", list)
    slug = data.get("slug") if isinstance(data.get("slug"), str) else "topic"
    seen: set[str] = set()
    candidates: list[Candidate] = []
    for post in posts:
        if not isinstance(post, dict) or post.get("deleted_at") or post.get("hidden"):
            continue
        if post.get("post_type", 1) != 1:  # moderator actions, whispers: nobody's input
            continue
        cooked = post.get("cooked")
        username = post.get("username")
        if not isinstance(cooked, str) or not isinstance(username, str) or not username:
            continue
        number = post.get("post_number")
        number = number if isinstance(number, int) and not isinstance(number, bool) else 0
        link_counts = post.get("link_counts")
        counted = [c for c in (link_counts if isinstance(link_counts, list) else [])
                   if isinstance(c, dict)]  # fmt: skip
        titles = {normalise_url(str(c.get("url", ""))): str(c.get("title") or "") for c in counted}
        # Discourse marks links to its own pages (under any address it is served from).
        internal = {normalise_url(str(c.get("url", ""))) for c in counted if c.get("internal")}
        parser = _Links()
        parser.feed(cooked)
        excerpt = " ".join("".join(parser.text).split())[:280]
        for href, text in parser.links:
            url = normalise_url(href)
            if urlsplit(url).netloc == host or url in internal or url in seen:
                continue  # a link back to the forum, or one already offered
            seen.add(url)
            name = titles.get(url) or (text if text and text != href else "") or url
            candidates.append(
                Candidate(
                    key=f"{post.get('id')}:{url}",
                    url=url,
                    title=name[:200],
                    author_id=username,
                    author_name=str(post.get("name") or ""),
                    submitted=_time(post.get("created_at")),
                    post_number=number,
                    post_url=f"{forum}/t/{slug}/{topic_id}/{number}",
                    excerpt=excerpt,
                )
            )
    total = stream.get("stream")
    return Topic(
        topic_id,
        title,
        f"{forum}/t/{slug}/{topic_id}",
        candidates,
        len(posts),
        len(total) if isinstance(total, list) else len(posts),
    )
