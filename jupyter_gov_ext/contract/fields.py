"""The contract's field types: ids, times, links, tags and typed text, each validated once here."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field

# Ids the server makes: <YYYY-MM-DD>-<slug>-<rand6>; priority ids are slugs. Lowercase, no dots or
# slashes, so an id checked against this pattern is always a single safe path segment.
RECORD_ID = r"^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$"
# Member ids are GitHub handles (mixed case, hyphens), used as vote file names.
MEMBER_ID = r"^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})$"
SHORT_TEXT = 200
SUMMARY_MAX = 500
BODY_MAX = 100_000
URL_MAX = 2000

# Control characters (C0 but tab and newline, DEL, C1), lone surrogates and non-characters: they
# cannot be stored as typed (or at all) in YAML and UTF-8, so they are refused with a 400.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Every way of breaking a line becomes "\n" before anything is checked or stored, so text always
# reads back exactly as it was acknowledged.
_LINE_BREAK = re.compile(r"\r\n|[\r\x85\u2028\u2029]")


def _newlines(value: Any) -> Any:
    return _LINE_BREAK.sub("\n", value) if isinstance(value, str) else value


_ID_RE = re.compile(RECORD_ID)


def check_id(value: Any, field_name: str) -> str:
    """A client-sent id is used only if it is one safe path segment (no / \\ .. NUL)."""
    from .errors import GovError  # the one error type; imported here to keep fields leaf-level

    if not isinstance(value, str) or not _ID_RE.match(value):
        raise GovError("invalid_field", f"'{field_name}' is not a valid id.", 400, field_name)
    return value


def format_time(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _timestamp(value: Any) -> str:
    """Accept a datetime (YAML may parse one from a hand-edited file) or an ISO 8601 string."""
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, str):
        try:
            return format_time(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            pass
    raise ValueError("must be an ISO 8601 date and time")


def _no_control(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


def text(max_length: int, min_length: int = 0) -> Any:
    """Text a person typed: line breaks normalised, then stripped, bounded and checked."""
    return Annotated[
        str,
        BeforeValidator(_newlines),
        Field(min_length=min_length, max_length=max_length),
        AfterValidator(_no_control),
    ]


def _http_url(value: str) -> str:
    value = value.strip()
    if any(c.isspace() for c in value) or _CONTROL.search(value):
        raise ValueError("must be a single link with no spaces")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError("must be an http:// or https:// link to your post")
    return value


Timestamp = Annotated[str, BeforeValidator(_timestamp)]
RecordId = Annotated[str, Field(pattern=RECORD_ID, max_length=128)]
MemberId = Annotated[str, Field(pattern=MEMBER_ID)]
Title = text(SHORT_TEXT, min_length=1)
HttpLink = Annotated[str, Field(max_length=URL_MAX), AfterValidator(_http_url)]
Tag = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")]


def _share(value: Any) -> Any:
    """`participation: 2/3` may be written as a fraction."""
    if isinstance(value, str) and "/" in value:
        num, _, den = value.partition("/")
        try:
            return int(num) / int(den)
        except (ValueError, ZeroDivisionError):
            raise ValueError("must be a number or a fraction such as 2/3") from None
    return value


def _day(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


Day = Annotated[str, BeforeValidator(_day), Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]


def _yaml11_bool(value: Any) -> Any:
    """`value: yes` by hand reads as a YAML 1.1 boolean: take it as the word that was written."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value
