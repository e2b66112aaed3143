"""Server configuration for the Galata UI tests: a fresh starter governance repo per run."""

import asyncio
import os
import subprocess
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from jupyterlab.galata import configure_jupyter_server

from jupyter_gov_ext.contract.fields import format_time
from jupyter_gov_ext.services.setup import ensure_starter_repo
from jupyter_gov_ext.storage import frontmatter

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
    # A proposal whose vote is open, so the vote panel has something to vote on.
    now = datetime.now(UTC)
    open_vote = {
        "id": "2026-03-01-open-vote-for-the-ui-test-v0t3ab",
        "title": "An open vote for the UI test",
        "sponsor": "bob",
        "seconded_by": "carol",
        "created": format_time(now),
        "status": "voting",
        "kind": "binary",
        "door": "two-way",
        "vote": {"opened": format_time(now), "closes": format_time(now + timedelta(days=7))},
    }
    (repo / "proposals" / f"{open_vote['id']}.md").write_text(
        frontmatter.dumps(open_vote, "Shall we test the vote panel?")
    )
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", "Open a vote"], check=True)

c.JupyterGovExt.repo_path = str(repo)
c.JupyterGovExt.user_id = "alice"
c.LabApp.extension_manager = "readonly"
c.LabApp.news_url = None
