"""Server configuration for the team UI test: two people, each with a server on a clone of one
shared remote (a bare repo standing in for GitHub). GOV_TEAM_WHO says whose server this is.

The first server to start makes the remote and both clones (under an flock, as both start at once).
"""

import asyncio
import fcntl
import json
import os
import subprocess
import tempfile
from pathlib import Path

from jupyterlab.galata import configure_jupyter_server

from jupyter_gov_ext.services.setup import ensure_starter_repo

c = get_config()  # noqa: F821 (provided by traitlets when this file is loaded)
configure_jupyter_server(c)

who = os.environ["GOV_TEAM_WHO"]
root = Path(os.environ.get("GOV_TEAM_ROOT") or tempfile.mkdtemp(prefix="gov-team-"))
root.mkdir(parents=True, exist_ok=True)


def git(*args: str) -> None:
    subprocess.run(["git", *args], check=True)


with open(root / ".lock", "w") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    if not (root / "remote.git").exists():
        seed = root / "seed"
        seed.mkdir()
        git("init", "-q", "-b", "main", str(seed))
        git("-C", str(seed), "config", "user.name", "Alice Example")
        git("-C", str(seed), "config", "user.email", "alice@example.org")
        asyncio.run(ensure_starter_repo(seed))
        git("clone", "-q", "--bare", str(seed), str(root / "remote.git"))
        for name in ("alice", "bob"):
            clone = root / name
            git("clone", "-q", str(root / "remote.git"), str(clone))
            git("-C", str(clone), "config", "user.name", name.title())
            git("-C", str(clone), "config", "user.email", f"{name}@example.org")

# Each person's own settings: no onboarding tour over the panel in this test.
settings = root / f"settings-{who}" / "jupyter-gov-ext"
settings.mkdir(parents=True, exist_ok=True)
(settings / "plugin.jupyterlab-settings").write_text(json.dumps({"autoStartTour": False}))
c.LabApp.user_settings_dir = str(settings.parent)

c.JupyterGovExt.repo_path = str(root / who)
c.JupyterGovExt.user_id = who
c.ServerApp.port = {"alice": 8890, "bob": 8891}[who]
c.LabApp.extension_manager = "readonly"
c.LabApp.news_url = None
