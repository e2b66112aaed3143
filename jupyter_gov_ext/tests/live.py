"""Real Jupyter servers in subprocesses, for the suites that must kill, flood or fuzz them.

Each runs this checkout's code (PYTHONPATH), with the extension enabled, on a free port, with a
token, in its own process group (so kill -9 can take it and its git children together).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "live-test-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Live:
    proc: subprocess.Popen
    port: int
    repo: Path
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/jupyter-gov-ext/"

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
        token: bool = True,
        timeout: float = 60,
    ) -> tuple[int, Any]:
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if token:
            req.add_header("Authorization", f"token {TOKEN}")
        req.add_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (localhost)
                return resp.status, json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as err:
            text = err.read()
            try:
                return err.code, json.loads(text)
            except ValueError:
                return err.code, text.decode(errors="replace")

    def kill(self) -> None:
        """kill -9 of the server and every process of its group (its git children)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def start(repo: Path, workdir: Path, user_id: str = "alice", **traits: Any) -> Live:
    port = free_port()
    config_dir = workdir / f"config-{port}"
    config_dir.mkdir(parents=True)
    config = {
        "ServerApp": {
            "jpserver_extensions": {"jupyter_gov_ext": True},
            "open_browser": False,
            "root_dir": str(workdir),
        },
        "IdentityProvider": {"token": TOKEN},
        "JupyterGovExt": {"repo_path": str(repo), "user_id": user_id, **traits},
    }
    (config_dir / "jupyter_server_config.json").write_text(json.dumps(config))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "JUPYTER_CONFIG_DIR": str(config_dir),
        "JUPYTER_RUNTIME_DIR": str(config_dir / "runtime"),
    }
    log = workdir / f"server-{port}.log"
    args = [sys.executable, "-m", "jupyter_server", f"--port={port}", "--ip=127.0.0.1"]
    if os.getuid() == 0:
        args.append("--allow-root")
    with log.open("wb") as out:
        proc = subprocess.Popen(  # noqa: S603
            args, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    live = Live(proc, port, repo, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
        try:
            code, _ = live.call("GET", "status", timeout=5)
            if code == 200:
                return live
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    live.kill()
    raise RuntimeError(f"server did not start: {log.read_text()[-2000:]}")
