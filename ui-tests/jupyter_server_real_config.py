"""Server configuration for the UI test on copies of Jupyter's real governance repositories.

Copies fixtures/real-data (jupyter/governance and the Foundation board's team compass) into
sibling git repos, as a user's clones would be, and points the extension at the governance one.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from jupyterlab.galata import configure_jupyter_server

c = get_config()  # noqa: F821 (provided by traitlets when this file is loaded)
configure_jupyter_server(c)

here = Path(__file__).resolve().parent
real_data = here.parent / "fixtures" / "real-data"  # vendored: fixtures/README.md
root = Path(os.environ.get("GOV_UI_REAL_ROOT") or tempfile.mkdtemp(prefix="gov-ui-real-"))
for name in ("jupyter-governance", "jupyter-foundation-governing-board"):
    dest = root / name
    if dest.exists():
        continue
    shutil.copytree(real_data / name, dest)
    for path in [dest, *dest.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    for args in (
        ["init", "-q", "-b", "main"],
        ["config", "user.name", "Zach Sailer"],
        ["config", "user.email", "zach@example.org"],
        ["add", "-A"],
        ["commit", "-q", "-m", "copy of real data"],
    ):
        subprocess.run(["git", "-C", str(dest), *args], check=True)

c.JupyterGovExt.repo_path = str(root / "jupyter-governance")
# Members whose terms run at least to 2027, so the test does not depend on the year it runs in.
c.JupyterGovExt.user_id = "Zsailer"
c.ServerApp.port = 8889
c.LabApp.extension_manager = "readonly"
c.LabApp.news_url = None
