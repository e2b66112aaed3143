"""The REST API's handlers (CONTRACT.md §3): each parses its request, calls one service or view,
and replies with a response model. Every route is under `<base_url>jupyter-gov-ext/`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jupyter_server.utils import url_path_join

from .. import __version__
from ..config import JupyterGovExt
from ..contract import responses
from ..contract.fields import check_id
from ..contract.requests import (
    BallotRequest,
    ForkRequest,
    ForumImportRequest,
    ForumTopicRequest,
    ImportPrioritiesRequest,
    InputCreate,
    PillarCreate,
    PillarPatch,
    ProposalCreate,
    ProposalPatch,
    ProposeFromPillars,
    TransitionRequest,
    parse_request,
)
from ..domain import export, views, votes
from ..domain import synthesis as synthesis_views
from ..services import community, council, evidence, forum, priorities, setup, status, synthesis
from ..storage import web
from ..storage.store import GovernanceStore
from .base import GovHandler, endpoint, write_endpoint

NAMESPACE = "jupyter-gov-ext"


def _now() -> datetime:
    return datetime.now(UTC)


class StatusHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        async def produce() -> responses.Status:
            snap, who = await self.context()
            return await status.repo_status(self.store, snap, who, __version__)

        await self.reply_cached(produce, extra=await self.store.refs_stamp())


class InitHandler(GovHandler):
    @write_endpoint
    async def post(self) -> None:
        _, who = await self.context()
        commit, added = await setup.initialise(self.store, who.signature())
        self.reply(responses.InitResult(commit=commit, added=added), 201)


class PrioritiesHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        async def produce() -> responses.PriorityList:
            snap, _ = await self.context()
            snap.require_config()
            return responses.PriorityList(
                priorities=[views.priority_view(p, snap) for p in snap.priorities]
            )

        await self.reply_cached(produce)


class ImportPrioritiesHandler(GovHandler):
    @write_endpoint
    async def post(self) -> None:
        req = parse_request(ImportPrioritiesRequest, self.json_body())
        snap, who = await self.context()
        roots = [self.store.root.parent, Path(self.settings["server_root_dir"])]
        self.reply(await priorities.import_priorities(self.store, snap, req.path, who, roots))


class InputsHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        args = {
            k: self.get_query_argument(k, None)
            for k in ("topic", "priority", "q", "responds_to", "since")
        }
        page = views.Page.parse(self.get_query_argument("limit", None),
                                self.get_query_argument("cursor", None))  # fmt: skip

        async def produce() -> responses.InputList | bytes:
            snap, _ = await self.context()
            snap.require_config()
            if not any(args.values()) and page.limit is None and page.cursor is None:
                return views.all_inputs_json(snap)  # the panel's own request: made at start-up
            return views.paged(views.filter_inputs(snap, **args), page)

        await self.reply_cached(produce)

    @write_endpoint
    async def post(self) -> None:
        req = parse_request(InputCreate, self.json_body())
        snap, who = await self.context()
        record, path, commit = await community.submit_input(self.store, snap, req, who)
        view = views.input_view(record)
        submitted = responses.SubmittedInput(**dict(view), path=path)
        self.reply(responses.InputCreated(input=submitted, commit=commit), 201)


class ProposalsHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        async def produce() -> responses.ProposalList:
            snap, who = await self.context()
            return responses.ProposalList(proposals=views.list_proposals(snap, who, _now()))

        await self.reply_cached(produce, per_minute=True)

    @write_endpoint
    async def post(self) -> None:
        req = parse_request(ProposalCreate, self.json_body())
        snap, who = await self.context()
        proposal, commit = await council.create_proposal(self.store, snap, req, who)
        view = views.proposal_view(snap, proposal, who, _now())
        self.reply(responses.ProposalCreated(proposal=view, commit=commit), 201)


class _ChangesProposal(GovHandler):
    async def change(self, proposal_id: str, work) -> None:
        """Run `work(snap, who)` (a service that writes) on a proposal, then reply with the
        proposal as it now reads and the commit that wrote it."""
        check_id(proposal_id, "id")
        snap, who = await self.context()
        commit = await work(snap, who)
        snap, who = await self.context()
        detail = views.proposal_detail(snap, proposal_id, who, _now())
        self.reply(responses.ProposalChanged(proposal=detail, commit=commit))


class ProposalHandler(_ChangesProposal):
    @endpoint
    async def get(self, proposal_id: str) -> None:
        check_id(proposal_id, "id")
        snap, who = await self.context()
        detail = views.proposal_detail(snap, proposal_id, who, _now())
        self.reply(responses.ProposalOne(proposal=detail))

    @write_endpoint
    async def patch(self, proposal_id: str) -> None:
        req = parse_request(ProposalPatch, self.json_body())
        await self.change(
            proposal_id, lambda s, w: council.edit_proposal(self.store, s, proposal_id, req, w)
        )


class TransitionHandler(_ChangesProposal):
    @write_endpoint
    async def post(self, proposal_id: str) -> None:
        req = parse_request(TransitionRequest, self.json_body())
        await self.change(
            proposal_id, lambda s, w: council.transition(self.store, s, proposal_id, req, w)
        )


class BallotHandler(_ChangesProposal):
    @write_endpoint
    async def put(self, proposal_id: str) -> None:
        req = parse_request(BallotRequest, self.json_body())
        await self.change(
            proposal_id, lambda s, w: council.cast_ballot(self.store, s, proposal_id, req, w)
        )


class CloseHandler(_ChangesProposal):
    @write_endpoint
    async def post(self, proposal_id: str) -> None:
        await self.change(
            proposal_id, lambda s, w: council.close_vote(self.store, s, proposal_id, w)
        )


class HistoryHandler(GovHandler):
    @endpoint
    async def get(self, proposal_id: str) -> None:
        check_id(proposal_id, "id")

        async def produce() -> responses.ProposalHistory:
            snap, _ = await self.context()
            return await council.proposal_history(self.store, snap, proposal_id)

        await self.reply_cached(produce)


class PillarsHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        async def produce() -> responses.PillarList:
            snap, who = await self.context()
            return synthesis_views.list_pillars(snap, who.is_member)

        await self.reply_cached(produce)

    @write_endpoint
    async def post(self) -> None:
        req = parse_request(PillarCreate, self.json_body())
        snap, who = await self.context()
        pillar, commit = await synthesis.create_pillar(self.store, snap, req, who)
        snap, _ = await self.context()
        view = synthesis_views.pillar_view(snap, snap.pillar(pillar.id))
        self.reply(responses.PillarChanged(pillar=view, commit=commit), 201)


class PillarHandler(GovHandler):
    @write_endpoint
    async def patch(self, pillar_id: str) -> None:
        check_id(pillar_id, "id")
        req = parse_request(PillarPatch, self.json_body())
        snap, who = await self.context()
        pillar, commit = await synthesis.edit_pillar(self.store, snap, pillar_id, req, who)
        snap, _ = await self.context()
        view = synthesis_views.pillar_view(snap, snap.pillar(pillar.id))
        self.reply(responses.PillarChanged(pillar=view, commit=commit))


class ProposeHandler(GovHandler):
    @write_endpoint
    async def post(self) -> None:
        req = parse_request(ProposeFromPillars, self.json_body())
        snap, who = await self.context()
        proposal, commit = await synthesis.propose(self.store, snap, req, who)
        snap, who = await self.context()
        view = views.proposal_view(snap, snap.proposal(proposal.id), who, _now())
        self.reply(responses.ProposalCreated(proposal=view, commit=commit), 201)


class ExportHandler(GovHandler):
    @endpoint
    async def get(self, proposal_id: str) -> None:
        check_id(proposal_id, "id")
        snap, _ = await self.context()
        self.reply(export.export_markdown(snap, proposal_id))


class ParticipationHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        snap, _ = await self.context()
        self.reply(responses.Participation(participation=votes.participation(snap)))


class FiguresHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        async def produce() -> responses.Figures:
            snap, _ = await self.context()
            return await evidence.figures(self.store, snap)

        await self.reply_cached(produce)


class AuditNotebookHandler(GovHandler):
    @endpoint
    async def get(self, proposal_id: str) -> None:
        check_id(proposal_id, "id")
        snap, _ = await self.context()
        root = Path(self.settings["server_root_dir"])
        self.reply(await evidence.audit_for(self.store, snap, proposal_id, root))


class GrowthNotebookHandler(GovHandler):
    @endpoint
    async def get(self) -> None:
        snap, _ = await self.context()
        root = Path(self.settings["server_root_dir"])
        self.reply(await evidence.growth_notebook_for(self.store, snap, root))


class _ForumHandler(GovHandler):
    max_body_bytes = web.MAX_BYTES  # a saved topic export is a whole document

    async def topic(self, req: ForumTopicRequest):
        _, who = await self.context()
        forum.require_member(who)
        return await forum.read_topic(req, self.ext.network_timeout)


class ForumPreviewHandler(_ForumHandler):
    @endpoint
    async def post(self) -> None:
        req = parse_request(ForumTopicRequest, self.json_body())
        topic = await self.topic(req)  # fetched before anything is held
        snap, _ = await self.context()
        self.reply(forum.preview(snap, topic))


class ForumImportHandler(_ForumHandler):
    @endpoint
    async def post(self) -> None:
        req = parse_request(ForumImportRequest, self.json_body())
        topic = await self.topic(req)
        async with self.store.writing():  # no link imported twice by two imports at once
            snap, who = await self.context()
            result = await forum.import_confirmed(self.store, snap, req, topic, who)
        self.reply(result, 201 if result.added else 200)


class SyncHandler(GovHandler):
    @endpoint  # Remotes.sync holds the repo itself; the fetch must not block reads meanwhile
    async def post(self) -> None:
        _, who = await self.context()
        self.reply(await status.sync(self.store, who))


class FetchHandler(GovHandler):
    @endpoint
    async def post(self) -> None:
        _, who = await self.context()
        self.reply(await status.fetch(self.store, who))


class ForkHandler(GovHandler):
    @endpoint
    async def put(self) -> None:
        req = parse_request(ForkRequest, self.json_body())
        _, who = await self.context()
        self.reply(await status.set_fork(self.store, req, who))


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
        (f"proposals/{pid}/history", HistoryHandler),
        ("participation", ParticipationHandler),
        ("pillars", PillarsHandler),
        ("pillars/propose", ProposeHandler),
        (f"pillars/{pid}", PillarHandler),
        ("figures", FiguresHandler),
        ("figures/notebook", GrowthNotebookHandler),
        (f"proposals/{pid}/audit-notebook", AuditNotebookHandler),
        ("forum/preview", ForumPreviewHandler),
        ("forum/import", ForumImportHandler),
        ("sync", SyncHandler),
        ("fetch", FetchHandler),
        ("remote/fork", ForkHandler),
    ]
    web_app.add_handlers(".*$", [(url_path_join(base, path), h) for path, h in routes])
