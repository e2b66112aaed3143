"""The server extension's settings, as traitlets (command line, config files, environment)."""

from __future__ import annotations

import os
from pathlib import Path

from traitlets import Float, Unicode, default
from traitlets.config import Configurable

from .services.setup import DEFAULT_STARTER


class JupyterGovExt(Configurable):
    """Settings of jupyter_gov_ext: `--JupyterGovExt.repo_path=/path` and friends."""

    repo_path = Unicode(
        help=(
            "The governance repo (a git work tree). Defaults to $JUPYTER_GOV_REPO, else the starter "
            "repo ~/.jupyter-gov/governance, created on first start."
        )
    ).tag(config=True)

    user_id = Unicode(
        "",
        help="Act as this member id (a GitHub handle). Overrides the identity provider and git.",
    ).tag(config=True)

    git_timeout = Float(60.0, help="Seconds a git command may run before it is killed.").tag(
        config=True
    )

    network_timeout = Float(
        30.0,
        help="Seconds a fetch or push may take before it is stopped (its helpers too) and the "
        "sync answers remote_unreachable. Nothing is left half-done.",
    ).tag(config=True)

    stale_lock_seconds = Float(
        120.0,
        help="A .git/index.lock older than this is left over by a crashed git and is removed.",
    ).tag(config=True)

    @default("repo_path")
    def _default_repo_path(self) -> str:
        return os.environ.get("JUPYTER_GOV_REPO", "")

    def resolved_repo(self) -> tuple[Path, bool]:
        """The repo path and whether it is the starter repo (created on demand)."""
        if self.repo_path:
            return Path(self.repo_path).expanduser().resolve(), False
        return DEFAULT_STARTER, True
