"""A team on one GitHub-like remote: a bare repo as the remote, several clones, each with its own
server and identity. Sync never loses work and explains every failure."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from jupyter_gov_ext.storage.remote import classify, pull_request_url

from . import live
from .repo_helpers import commit_count, git, init_git, make_governance_repo, status_porcelain


def team(tmp_path: Path, *people: tuple[str, str]) -> tuple[Path, list[Path]]:
    origin = make_governance_repo(tmp_path / "seed")
    bare = tmp_path / "remote.git"
    git(tmp_path, "clone", "-q", "--bare", str(origin), str(bare))
    clones = []
    for name, email in people:
        clone = tmp_path / name
        git(tmp_path, "clone", "-q", str(bare), str(clone))
        init_git(clone, email, name)
        clones.append(clone)
    return bare, clones


def an_input(n: int, who: str) -> dict:
    return {
        "title": f"{who} input {n}",
        "url": f"https://example.org/{who}/{n}",
        "topics": ["community"],
        "own_content": True,
    }


def test_two_servers_syncing_at_the_same_moment_all_succeed_and_lose_nothing(tmp_path: Path):
    bare, (one, two) = team(tmp_path, ("alice", "alice@example.org"), ("bob", "bob@example.org"))
    servers = [live.start(one, tmp_path, "alice"), live.start(two, tmp_path, "bob")]
    try:
        sent = []
        for n in range(8):
            for server, who in zip(servers, ("alice", "bob"), strict=True):
                code, data = server.call("POST", "inputs", an_input(n, who))
                assert code == 201, data
                sent.append(data["input"]["id"])
            with ThreadPoolExecutor(2) as pool:
                results = list(pool.map(lambda s: s.call("POST", "sync"), servers))
            assert [c for c, _ in results] == [200, 200], results
        for server in servers:  # the last one out brings in the other's last push
            assert server.call("POST", "sync")[0] == 200
            _, listing = server.call("GET", "inputs")
            assert {i["id"] for i in listing["inputs"]} == set(sent)
        assert git(bare, "rev-parse", "main") == git(one, "rev-parse", "HEAD")
        assert git(one, "rev-parse", "HEAD") == git(two, "rev-parse", "HEAD")
        assert status_porcelain(one) == status_porcelain(two) == ""
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def clones(tmp_path: Path):
    return team(tmp_path, ("alice", "alice@example.org"), ("bob", "bob@example.org"))


@pytest.fixture
def repo_path(clones):
    return clones[1][0]


@pytest.fixture
def jp_server_config(repo_path: Path):
    return {
        "ServerApp": {"jpserver_extensions": {"jupyter_gov_ext": True}},
        "JupyterGovExt": {"repo_path": str(repo_path), "user_id": "alice", "network_timeout": 2},
    }


async def test_sync_says_what_came_in_and_went_out_and_fetch_keeps_ahead_behind_true(api, clones):
    bare, (mine, theirs) = clones
    (theirs / "priorities" / "extra.md").write_text("---\nid: extra\ntitle: Extra\n---\n")
    git(theirs, "add", "-A")
    git(theirs, "commit", "-q", "-m", "Their priority")
    git(theirs, "push", "-q", "origin", "main")
    _, status = await api("GET", "status")
    assert status["remote"]["behind"] == 0  # nobody fetched yet
    code, remote = await api("POST", "fetch")
    assert code == 200 and (remote["ahead"], remote["behind"]) == (0, 1)
    assert git(mine, "log", "-1", "--format=%s") != "Their priority"  # a fetch never merges
    await api("POST", "inputs", an_input(1, "alice"))
    _, status = await api("GET", "status")
    assert (status["remote"]["ahead"], status["remote"]["behind"]) == (1, 1)
    code, data = await api("POST", "sync")
    assert code == 200, data
    assert [c["subject"] for c in data["incoming"]] == ["Their priority"]
    assert [c["subject"] for c in data["outgoing"]] == ["Add community input: alice input 1"]
    assert data["pushed"] and data["pulled"] and data["fork"] is None


def refuse_pushes(bare: Path, reason: str) -> None:
    hook = bare / "hooks" / "pre-receive"
    hook.write_text(f"#!/bin/sh\necho '{reason}' >&2\nexit 1\n")
    hook.chmod(0o755)


async def test_a_refused_push_says_why_and_the_fork_gets_the_commits(api, clones, tmp_path):
    bare, (mine, _) = clones
    refuse_pushes(bare, "error: GH006: Protected branch update failed for refs/heads/main.")
    await api("POST", "inputs", an_input(1, "alice"))
    head = git(mine, "rev-parse", "HEAD")
    code, data = await api("POST", "sync")
    assert code == 409 and data["error"]["code"] == "push_rejected"
    assert "GH006: Protected branch update failed" in data["error"]["message"]
    assert "fork" in data["error"]["message"]
    assert "pre-receive hook declined" in data["error"]["detail"]  # git's whole message
    assert git(mine, "rev-parse", "HEAD") == head  # nothing lost

    fork = tmp_path / "fork.git"
    git(tmp_path, "clone", "-q", "--bare", str(bare), str(fork))
    code, data = await api("PUT", "remote/fork", {"url": "not a url"})
    assert code == 400 and data["error"]["field"] == "url"
    code, remote = await api("PUT", "remote/fork", {"url": str(fork)})
    assert code == 200 and remote["fork_url"] == str(fork)
    code, data = await api("POST", "sync")
    assert code == 200, data
    assert data["pushed"] is False and data["fork"]["branch"] == "jupyter-gov/alice"
    assert "GH006" in data["fork"]["reason"]
    assert git(fork, "rev-parse", "refs/heads/jupyter-gov/alice") == head
    await api("POST", "fetch")
    _, status = await api("GET", "status")
    assert status["remote"]["waiting_for_review"] == 1 and status["remote"]["ahead"] == 1


def test_a_pull_request_link_for_github_forks():
    assert (
        pull_request_url(
            "https://github.com/jupyter/governance.git",
            "main",
            "git@github.com:alice/governance.git",
            "jupyter-gov/alice",
        )
        == "https://github.com/jupyter/governance/compare/main...alice:governance:jupyter-gov/alice?expand=1"
    )
    assert pull_request_url("/srv/remote.git", "main", "/srv/fork.git", "b") is None


class Silent(threading.Thread):
    """A server that accepts connections and never answers (a hung proxy, a dead VPN)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []

    def run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)


class Refusing(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="git"')
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


async def test_a_remote_that_never_answers_times_out_and_writes_go_on(api, clones):
    _, (mine, _) = clones
    silent = Silent()
    silent.start()
    git(mine, "remote", "set-url", "origin", f"http://127.0.0.1:{silent.port}/remote.git")
    await api("POST", "inputs", an_input(1, "alice"))
    start = time.monotonic()
    code, data = await api("POST", "sync")
    took = time.monotonic() - start
    assert code == 504 and data["error"]["code"] == "remote_unreachable", data
    assert took < 2 + 3, took  # the 2 s network timeout, and the kill
    count = commit_count(mine)
    start = time.monotonic()
    code, _ = await api("POST", "inputs", an_input(2, "alice"))
    assert code == 201 and time.monotonic() - start < 1.0
    assert commit_count(mine) == count + 1
    leftovers = subprocess.run(
        ["pgrep", "-f", f"127.0.0.1:{silent.port}"], capture_output=True, text=True
    ).stdout.split()
    assert leftovers == []  # git-remote-http was killed with its git


async def test_a_missing_remote_and_refused_credentials_have_their_codes(api, clones, tmp_path):
    _, (mine, _) = clones
    git(mine, "remote", "set-url", "origin", str(tmp_path / "no-such-remote.git"))
    code, data = await api("POST", "sync")
    assert code == 404 and data["error"]["code"] == "remote_not_found", data
    server = ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        git(mine, "remote", "set-url", "origin", f"http://127.0.0.1:{server.server_port}/r.git")
        code, data = await api("POST", "sync")
        assert code == 403 and data["error"]["code"] == "auth_failed", data
        assert "credential" in data["error"]["message"]
    finally:
        server.shutdown()


def test_git_messages_are_classified_with_their_whole_text():
    race = classify(
        " ! [rejected]        HEAD -> main (fetch first)\nerror: failed to push some refs", "Push"
    )
    assert race.code == "push_race"
    refused = classify(
        "remote: error: GH006: Protected branch update failed for refs/heads/main.\n"
        " ! [remote rejected] HEAD -> main (protected branch hook declined)\n"
        "error: failed to push some refs to 'github.com:jupyter/governance.git'",
        "Pushing",
    )
    assert refused.code == "push_rejected" and refused.status == 409
    assert "GH006: Protected branch update failed" in refused.message
    assert refused.detail.endswith("jupyter/governance.git'")
    missing = classify(
        "fatal: '/nowhere' does not appear to be a git repository\n"
        "fatal: Could not read from remote repository.\n\n"
        "Please make sure you have the correct access rights\nand the repository exists.",
        "Fetching",
    )
    assert missing.code == "remote_not_found" and "and the repository exists." in missing.detail
