"""Server configuration for the Galata UI tests: a fresh starter governance repo per run."""

import asyncio
import os
import subprocess
import tempfile
from pathlib import Path

from jupyterlab.galata import configure_jupyter_server

from jupyter_gov_ext.starter import ensure_starter_repo

c = get_config()  # noqa: F821 (provided by traitlets when this file is loaded)
configure_jupyter_server(c)

repo = Path(os.environ.get("GOV_UI_TEST_REPO") or tempfile.mkdtemp(prefix="gov-ui-")) / "governance"
repo.parent.mkdir(parents=True, exist_ok=True)
if not repo.exists():
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    for key, value in (("user.name", "Alice Example"), ("user.email", "alice@example.org")):
        subprocess.run(["git", "-C", str(repo), "config", key, value], check=True)
    asyncio.run(ensure_starter_repo(repo))

c.JupyterGovExt.repo_path = str(repo)
c.JupyterGovExt.user_id = "alice"
c.LabApp.extension_manager = "readonly"
c.LabApp.news_url = None
