"""The base of every handler: authenticated and authorised like any Jupyter API, a bounded JSON
body, the request's context, a response model out, and the contract's error envelope."""

from __future__ import annotations

import gzip
import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

import tornado.web
from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler
from pydantic import BaseModel

from ..config import JupyterGovExt
from ..contract.errors import GovError
from ..contract.responses import ErrorBody
from ..domain.identity import Identity, is_anonymous
from ..domain.snapshot import Snapshot
from ..services import session
from ..storage.frontmatter import FrontMatterError
from ..storage.store import GovernanceStore

AUTH_RESOURCE = "jupyter_gov_ext"
GZIP_FROM_BYTES = 1024
CACHED_ANSWERS = 16


class _Answers:
    """The last few GET answers, by ETag (which names the repo's version, the user and the
    request): a repeated request whose data did not change is answered without any work. Each is
    kept as sent: plain, and gzipped once asked for."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[str, dict[str, bytes]] = OrderedDict()

    def get(self, etag: str) -> dict[str, bytes] | None:
        forms = self._items.get(etag)
        if forms is not None:
            self._items.move_to_end(etag)
        return forms

    def put(self, etag: str, body: bytes) -> dict[str, bytes]:
        self._items[etag] = forms = {"plain": body}
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return forms


MAX_BODY_BYTES = 256 * 1024
MAX_JSON_DEPTH = 16  # the contract's bodies are two levels deep; validators recurse per level


def _depth(data: Any) -> int:
    """How deeply lists and objects nest (iterative: a deep body must not exhaust the stack)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            if level > MAX_JSON_DEPTH:
                break
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, level + 1) for child in children)
    return deepest


class GovHandler(APIHandler):
    auth_resource = AUTH_RESOURCE

    @property
    def store(self) -> GovernanceStore:
        return self.settings["jupyter_gov_ext.store"]

    @property
    def ext(self) -> JupyterGovExt:
        return self.settings["jupyter_gov_ext.ext"]

    # A route that takes a whole document (a forum topic export) may allow more.
    max_body_bytes = MAX_BODY_BYTES

    def json_body(self) -> Any:
        if len(self.request.body) > self.max_body_bytes:
            raise GovError(
                "too_large", f"The request is larger than {self.max_body_bytes} bytes.", 413
            )
        try:
            data = json.loads(self.request.body or b"null")
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise GovError("invalid_json", "The request body is not valid JSON.") from None
        if _depth(data) > MAX_JSON_DEPTH:
            raise GovError("invalid_json", f"The JSON is nested more than {MAX_JSON_DEPTH} deep.")
        return data

    async def context(self) -> tuple[Snapshot, Identity]:
        """The repo as it is now and who is asking (votes that are due are closed first)."""
        return await session.open_request(self.store, self.ext.user_id, self.current_user)

    def reply(self, model: BaseModel, status_code: int = 200) -> None:
        self.set_status(status_code)
        self._send(model.model_dump_json().encode())

    def _send(self, body: bytes, forms: dict[str, bytes] | None = None) -> None:
        """Send JSON, gzipped when the client accepts it and it is worth it (`forms` keeps the
        gzipped bytes of a cached answer, so it is compressed once)."""
        self.set_header("Content-Type", "application/json")
        self.set_header("Vary", "Accept-Encoding")
        if len(body) >= GZIP_FROM_BYTES and "gzip" in self.request.headers.get(
            "Accept-Encoding", ""
        ):
            forms = forms if forms is not None else {}
            if "gzip" not in forms:
                forms["gzip"] = gzip.compress(body, compresslevel=1)
            body = forms["gzip"]
            self.set_header("Content-Encoding", "gzip")
        self._timing()
        self.finish(body)

    def _timing(self) -> None:
        """How long the server worked on this request (the browser's devtools show it)."""
        self.set_header("Server-Timing", f"app;dur={self.request.request_time() * 1000:.2f}")

    async def reply_cached(
        self,
        produce: Callable[[], Awaitable[BaseModel | bytes]],
        per_minute: bool = False,
        extra: str = "",
    ) -> None:
        """A GET answered by version: its ETag is known before any work, so an unchanged refresh
        costs a few stats and answers 304; a repeat from another tab is served from the cache.
        `per_minute`: the answer also shows time left, so it changes each minute. `extra`: what
        else the answer shows (e.g. git's refs, for the status). `produce` gives the response
        model, or its JSON when that was made already."""
        name, email = await self.store.git_identity()
        # Jupyter makes a new random user for each token request: that is nobody in particular.
        user = "" if is_anonymous(self.current_user) else self.current_user.username
        bucket = int(time.time() // 60) if per_minute else 0
        key = (
            f"{await self.store.version()}|{extra}|{self.request.uri}|{self.ext.user_id}|{user}|"
            f"{email}"
        )
        etag = (
            '"'
            + hashlib.sha1(f"{key}|{name}|{bucket}".encode(), usedforsecurity=False).hexdigest()[
                :24
            ]
            + '"'
        )
        self.set_header("ETag", etag)
        # The browser may keep the answer but must ask each time (If-None-Match -> 304).
        self.set_header("Cache-Control", "no-cache")
        if etag in self.request.headers.get("If-None-Match", ""):
            self.set_status(304)
            self._timing()
            self.finish()
            return
        answers: _Answers = self.settings.setdefault(
            "jupyter_gov_ext.answers", _Answers(CACHED_ANSWERS)
        )
        forms = answers.get(etag)
        if forms is None:
            answer = await produce()
            body = answer if isinstance(answer, bytes) else answer.model_dump_json().encode()
            forms = answers.put(etag, body)
        self._send(forms["plain"], forms)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None, None))[1]
        if isinstance(exc, GovError):
            err = exc
        elif isinstance(exc, tornado.web.HTTPError):
            err = GovError("http_error", exc.log_message or self._reason, exc.status_code)
        else:
            err = GovError("server_error", "Unexpected server error; see the server log.", 500)
        self.set_status(err.status)
        self.set_header("Content-Type", "application/json")
        self.finish(ErrorBody.model_validate(err.envelope()).model_dump_json())

    def log_exception(self, typ, value, tb) -> None:  # noqa: ANN001
        if isinstance(value, GovError) and value.status < 500:
            self.log.info("jupyter_gov_ext: %s %s", value.code, value.message)
            return
        super().log_exception(typ, value, tb)


def _guarded(method):
    """Turn a GovError into the envelope with its status (tornado would answer 500)."""

    async def wrapper(self: GovHandler, *args: Any) -> None:
        try:
            await method(self, *args)
        except FrontMatterError as exc:
            # The safety net of frontmatter.dumps: text that would not read back as typed.
            err = GovError("invalid_field", f"This text cannot be stored as typed: {exc}.")
            self.send_error(err.status, exc_info=(type(err), err, err.__traceback__))
        except GovError as err:
            self.send_error(err.status, exc_info=(type(err), err, err.__traceback__))

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


def endpoint(method):
    """Every handler method: authenticated, authorised, errors as the contract's envelope."""
    return tornado.web.authenticated(authorized(_guarded(method)))


def _holding_the_repo(method):
    async def wrapper(self: GovHandler, *args: Any) -> None:
        async with self.store.writing():
            await method(self, *args)

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


def write_endpoint(method):
    """A handler method that changes the repo: as `endpoint`, and it reads the repo, decides and
    writes while holding the repo, so that concurrent changes never lose one another."""
    return tornado.web.authenticated(authorized(_guarded(_holding_the_repo(method))))
