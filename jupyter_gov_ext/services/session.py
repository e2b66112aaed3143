"""What every request starts with: the repo as it is now and who is asking; and, before anything is
shown, the decision of any vote that is due (votes close by themselves, CONTRACT.md §2)."""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from typing import Any

from ..contract.errors import GovError
from ..domain import views
from ..domain.identity import Identity, resolve_identity
from ..domain.snapshot import Snapshot
from ..storage.store import GovernanceStore
from . import council

log = logging.getLogger(__name__)
# store -> (the snapshot, the minute) whose due votes were last looked at
_CHECKED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def identify(
    store: GovernanceStore, snap: Snapshot, user_id: str, server_user: Any
) -> Identity:
    name, email = await store.git_identity()
    return resolve_identity(snap.bodies, user_id, server_user, email, name)


async def warm(store: GovernanceStore) -> None:
    """At start-up, in the background: read the repo and make every input's view, so that the
    first request of a new server costs what a later one does."""
    try:
        snap = await store.snapshot()
        if snap.config is not None:
            await asyncio.to_thread(views.all_inputs_json, snap)
    except Exception as exc:  # an unreadable repo: requests say why
        log.info("jupyter_gov_ext: nothing read at start-up: %s", exc)


async def open_request(
    store: GovernanceStore, user_id: str, server_user: Any
) -> tuple[Snapshot, Identity]:
    snap = await store.snapshot()
    who = await identify(store, snap, user_id, server_user)
    # Which votes are due changes only with the repo or the clock: look once a minute per state.
    seen = (store.generation, int(time.time() // 60))
    if _CHECKED.get(store) == seen:
        return snap, who
    try:
        closed = await council.close_due_votes(store, snap, who)
        _CHECKED[store] = seen
    except GovError as err:  # e.g. the repo is busy: the next request records it
        log.warning("jupyter_gov_ext: could not record a decision yet: %s", err.message)
        closed = []
    if closed:
        snap = await store.snapshot()
    return snap, who
