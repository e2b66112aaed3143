"""Markdown files with YAML front matter: the on-disk form of every record.

Reading uses the safe loader only. Writing checks its own output: a field's text (newlines, ``---``,
``status: accepted``) can never change another field or the file's structure, because the written
text must parse back to exactly the data that was given.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 64
_BRACKETS = re.compile(r"[^\[\]{}]+")
# libyaml's safe loader when present: the same safe subset of YAML, several times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterError(ValueError):
    """The file is not a front-matter record (reported under `problems`, never fatal)."""


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1_000_000
    )


def _check_structure(text: str) -> None:
    """Refuse what could stop the server before the parser sees it.

    Any file in the repo may come from a pull, so it is hostile until read: an alias bomb ("billion
    laughs", a 1 KB document that expands to gigabytes once validated or serialised) or flow
    collections nested tens of thousands deep (libyaml's loader then overflows the C stack) must be
    refused, not parsed. Block nesting needs a wider indent per level, so the size bound caps it.
    """
    brackets = _BRACKETS.sub("", text)
    depth = deepest = 0
    for char in brackets:
        depth = depth + 1 if char in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise FrontMatterError(f"YAML nested more than {MAX_DEPTH} levels deep")
    if "*" in text:
        for event in yaml.parse(text, Loader=_SAFE_LOADER):
            if isinstance(event, yaml.AliasEvent):
                raise FrontMatterError("YAML aliases (*name) are not accepted in governance files")


def load_yaml(text: str) -> Any:
    if len(text) > MAX_FILE_BYTES:
        raise FrontMatterError(f"larger than {MAX_FILE_BYTES} bytes")
    try:
        _check_structure(text)
        return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"invalid YAML: {exc}".splitlines()[0]) from None


def dumps(meta: dict[str, Any], body: str = "") -> str:
    front = dump_yaml(meta)
    text = f"---\n{front}---\n"
    body = body.strip("\n")
    if body:
        text += f"\n{body}\n"
    back_meta, back_body = loads(text)
    if back_meta != meta or back_body != body:
        # Unreachable with PyYAML's emitter; kept as the guarantee the docstring makes.
        raise FrontMatterError("record would not read back as written")
    return text


def loads(text: str) -> tuple[dict[str, Any], str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise FrontMatterError("missing front matter (the file must start with '---')")
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise FrontMatterError("front matter is not closed by a '---' line")
    meta = load_yaml(text[4 : end + 1])
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a mapping of fields")
    body = text[end + 5 :].strip("\n")
    return meta, body
