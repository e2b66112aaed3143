"""jupyter_gov_ext: Project Jupyter's governance work inside JupyterLab."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

try:
    from ._version import __version__
except ImportError:  # running from a source tree that was never built
    __version__ = "dev"


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    return [{"src": "labextension", "dest": "jupyter-gov-ext"}]


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "jupyter_gov_ext"}]


def _run_in_thread(coro: Any) -> Any:
    """Run a coroutine to completion whether or not the caller is inside an event loop."""
    result: dict[str, Any] = {}

    def target() -> None:
        try:
            result["value"] = asyncio.run(coro)
        except BaseException as exc:  # re-raised in the caller's thread
            result["error"] = exc

    thread = threading.Thread(target=target, name="jupyter-gov-ext-setup")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")


def _load_jupyter_server_extension(serverapp: Any) -> None:
    from .config import JupyterGovExt
    from .http.handlers import setup_handlers
    from .services.setup import ensure_starter_repo
    from .storage.gitrepo import GitRepo
    from .storage.store import GovernanceStore

    ext = JupyterGovExt(config=serverapp.config, parent=serverapp)
    repo, is_starter = ext.resolved_repo()
    if is_starter:
        _run_in_thread(ensure_starter_repo(repo, timeout=ext.git_timeout))
    try:
        # A write interrupted by a crash (kill -9, power loss) is undone before the first request.
        # Its own store: asyncio locks belong to the loop that made them, and this is another one.
        _run_in_thread(GovernanceStore(repo, timeout=ext.git_timeout).recover_at_start())
    except Exception as exc:  # not a git repo yet, unreadable: the status route says why
        serverapp.log.warning("jupyter_gov_ext: no recovery check on %s: %s", repo, exc)
    git = GitRepo(repo, timeout=ext.git_timeout, stale_lock_seconds=ext.stale_lock_seconds)
    store = GovernanceStore(repo, git, network_timeout=ext.network_timeout)
    setup_handlers(serverapp.web_app, store, ext)
    # Read the repo in the background once the server runs, before the first request needs it.
    from tornado.ioloop import IOLoop

    from .services.session import warm

    IOLoop.current().add_callback(warm, store)
    serverapp.log.info("jupyter_gov_ext %s: governance repo %s", __version__, repo)
