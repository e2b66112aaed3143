"""Thin tornado handlers: parse and validate, find the user, call the domain, map errors.

Every route is under `<base_url>jupyter-gov-ext/`, authenticated and authorised like any Jupyter API,
and answers errors with the contract's envelope `{"error": {"code", "message", "field"}}`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import tornado.web
from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join

from . import __version__, community, council, importer, status
from .config import JupyterGovExt
from .errors import GovError
from .frontmatter import FrontMatterError
from .identity import Identity, resolve_identity
from .models import (
    BallotRequest,
    ImportPrioritiesRequest,
    InputCreate,
    ProposalCreate,
    ProposalPatch,
    TransitionRequest,
    parse_request,
)
from .starter import initialise
from .store import GovernanceStore, Snapshot, check_id

NAMESPACE = "jupyter-gov-ext"
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


AUTH_RESOURCE = "jupyter_gov_ext"


class GovHandler(APIHandler):
    auth_resource = AUTH_RESOURCE

    @property
    def store(self) -> GovernanceStore:
        return self.settings["jupyter_gov_ext.store"]

    @property
    def ext(self) -> JupyterGovExt:
        return self.settings["jupyter_gov_ext.ext"]

    def json_body(self) -> Any:
        if len(self.request.body) > MAX_BODY_BYTES:
            raise GovError("too_large", f"The request is larger than {MAX_BODY_BYTES} bytes.", 413)
        try:
            data = json.loads(self.request.body or b"null")
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise GovError("invalid_json", "The request body is not valid JSON.") from None
        if _depth(data) > MAX_JSON_DEPTH:
            raise GovError("invalid_json", f"The JSON is nested more than {MAX_JSON_DEPTH} deep.")
        return data

    async def identity(self, snap: Snapshot) -> Identity:
        git = self.store.git
        return resolve_identity(
            snap.bodies,
            self.ext.user_id,
            self.current_user,
            await git.config("user.email"),
            await git.config("user.name"),
        )

    async def context(self) -> tuple[Snapshot, Identity]:
        """What nearly every request needs: the repo as it is now, and who is asking.

        A vote that is due to close is closed first, so every answer shows it decided.
        """
        snap = await self.store.snapshot()
        who = await self.identity(snap)
        try:
            closed = await council.close_due_votes(self.store, snap, who)
        except GovError as err:  # e.g. the repo is busy: the next request records it
            self.log.warning("jupyter_gov_ext: could not record a decision yet: %s", err.message)
            closed = []
        if closed:
            snap = await self.store.snapshot()
        return snap, who

    def reply(self, data: Any, status_code: int = 200) -> None:
        self.set_status(status_code)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(data))

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
        self.finish(json.dumps(err.envelope()))

    def log_exception(self, typ, value, tb) -> None:  # noqa: ANN001
        if isinstance(value, GovError) and value.status < 500:
            self.log.info("jupyter_gov_ext: %s %s", value.code, value.message)
            return
        super().log_exception(typ, value, tb)

    async def reply_detail(self, proposal_id: str, commit: str) -> None:
        """After a write: the proposal as it now reads, and the commit that wrote it."""
        snap, who = await self.context()
        self.reply({"proposal": council.proposal_detail(snap, proposal_id, who), "commit": commit})


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


class StatusHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        snap, who = await self.context()
        self.reply(await status.repo_status(self.store, snap, who, __version__))


class InitHandler(GovHandler):
    @endpoint
    async def post(self) -> None:
        snap, who = await self.context()
        commit, added = await initialise(self.store, who.signature())
        self.reply({"commit": commit, "added": added}, 201)


class PrioritiesHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        snap, _ = await self.context()
        snap.require_config()
        self.reply({"priorities": community.list_priorities(snap)})


class ImportPrioritiesHandler(GovHandler):
    @endpoint
    async def post(self) -> None:
        req = parse_request(ImportPrioritiesRequest, self.json_body())
        snap, who = await self.context()
        roots = [self.store.root.parent, Path(self.settings["server_root_dir"])]
        self.reply(await importer.import_priorities(self.store, snap, req.path, who, roots))


class InputsHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        snap = await self.store.snapshot()
        snap.require_config()
        args = {
            k: self.get_query_argument(k, None) for k in ("topic", "priority", "q", "responds_to")
        }
        self.reply({"inputs": community.filter_inputs(snap, **args)})

    @endpoint
    async def post(self) -> None:
        req = parse_request(InputCreate, self.json_body())
        snap, who = await self.context()
        record, commit = await community.submit_input(self.store, req, who)
        self.reply({"input": record, "commit": commit}, 201)


class ProposalsHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        snap, who = await self.context()
        self.reply({"proposals": council.list_proposals(snap, who)})

    @endpoint
    async def post(self) -> None:
        req = parse_request(ProposalCreate, self.json_body())
        snap, who = await self.context()
        proposal, commit = await council.create_proposal(self.store, snap, req, who)
        self.reply({"proposal": proposal, "commit": commit}, 201)


class ProposalHandler(GovHandler):
    @endpoint
    async def get(self, proposal_id: str) -> None:
        check_id(proposal_id, "id")
        snap, who = await self.context()
        self.reply({"proposal": council.proposal_detail(snap, proposal_id, who)})

    @endpoint
    async def patch(self, proposal_id: str) -> None:
        check_id(proposal_id, "id")
        req = parse_request(ProposalPatch, self.json_body())
        snap, who = await self.context()
        commit = await council.edit_proposal(self.store, snap, proposal_id, req, who)
        await self.reply_detail(proposal_id, commit)


class TransitionHandler(GovHandler):
    @endpoint
    async def post(self, proposal_id: str) -> None:
        check_id(proposal_id, "id")
        req = parse_request(TransitionRequest, self.json_body())
        snap, who = await self.context()
        commit = await council.transition(self.store, snap, proposal_id, req, who)
        await self.reply_detail(proposal_id, commit)


class BallotHandler(GovHandler):
    @endpoint
    async def put(self, proposal_id: str) -> None:
        check_id(proposal_id, "id")
        req = parse_request(BallotRequest, self.json_body())
        snap, who = await self.context()
        commit = await council.cast_ballot(self.store, snap, proposal_id, req, who)
        await self.reply_detail(proposal_id, commit)


class CloseHandler(GovHandler):
    @endpoint
    async def post(self, proposal_id: str) -> None:
        check_id(proposal_id, "id")
        snap, who = await self.context()
        commit = await council.close_vote(self.store, snap, proposal_id, who)
        await self.reply_detail(proposal_id, commit)


class ExportHandler(GovHandler):
    @endpoint
    async def get(self, proposal_id: str) -> None:
        check_id(proposal_id, "id")
        snap, _ = await self.context()
        self.reply({"markdown": council.export_markdown(snap, proposal_id)})


class ParticipationHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        snap, _ = await self.context()
        snap.require_config()
        self.reply({"participation": council.participation_report(snap)})


class SyncHandler(GovHandler):
    @endpoint
    async def post(self) -> None:
        snap, who = await self.context()
        self.reply(await status.sync(self.store, who))


def setup_handlers(web_app: Any, store: GovernanceStore, ext: JupyterGovExt) -> None:
    web_app.settings["jupyter_gov_ext.store"] = store
    web_app.settings["jupyter_gov_ext.ext"] = ext
    base = url_path_join(web_app.settings["base_url"], NAMESPACE)
    pid = r"([^/]+)"
    routes = [
        ("status", StatusHandler),
        ("init", InitHandler),
        ("priorities", PrioritiesHandler),
        ("priorities/import", ImportPrioritiesHandler),
        ("inputs", InputsHandler),
        ("proposals", ProposalsHandler),
        (f"proposals/{pid}", ProposalHandler),
        (f"proposals/{pid}/transition", TransitionHandler),
        (f"proposals/{pid}/ballot", BallotHandler),
        (f"proposals/{pid}/close", CloseHandler),
        (f"proposals/{pid}/export", ExportHandler),
        ("participation", ParticipationHandler),
        ("sync", SyncHandler),
    ]
    web_app.add_handlers(".*$", [(url_path_join(base, path), h) for path, h in routes])
