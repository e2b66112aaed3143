"""Signed ballots: git signs ballot commits when the user's git says so (here SSH signing with a
throwaway key made by the test), every clone verifies them against the repo's allowed-signers file,
and a body that requires signed ballots shows unsigned ones without counting them."""

from __future__ import annotations

import asyncio
import re
import subprocess
from pathlib import Path

import pytest

from jupyter_gov_ext.storage.gitrepo import GitRepo

from .repo_helpers import GOVERNANCE, commit_all, git, make_governance_repo
from .test_council import open_vote

SIGNED_GOVERNANCE = (
    GOVERNANCE.replace(
        "  name: Test Council\n", "  name: Test Council\n  require_signed_ballots: true\n"
    )
    + "allowed_signers: .github/allowed_signers\n"
)


def make_key(folder: Path, name: str) -> Path:
    """A throwaway SSH key without a passphrase; returns its public half."""
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key.with_suffix(".pub")


def sign_with(repo: Path, public_key: Path | None) -> None:
    """Set the repo's git to sign every commit with this key (or to sign none)."""
    if public_key is None:
        git(repo, "config", "commit.gpgsign", "false")
        return
    git(repo, "config", "gpg.format", "ssh")
    git(repo, "config", "user.signingkey", str(public_key))
    git(repo, "config", "commit.gpgsign", "true")


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "keys"
    folder.mkdir()
    return {name: make_key(folder, name) for name in ("alice", "stranger")}


@pytest.fixture
def repo_path(tmp_path: Path, keys: dict[str, Path]) -> Path:
    repo = make_governance_repo(tmp_path / "gov", SIGNED_GOVERNANCE)
    (repo / ".github").mkdir()
    # Only alice's key is vouched for by the repo.
    (repo / ".github" / "allowed_signers").write_text(
        f"alice@example.org {keys['alice'].read_text()}"
    )
    commit_all(repo, "allowed signers")
    return repo


async def test_ballots_are_verified_and_only_good_signatures_count(
    api, act_as, repo_path: Path, keys
):
    pid = await open_vote(api, act_as)
    for who, key in (("alice", keys["alice"]), ("bob", keys["stranger"]), ("carol", None)):
        sign_with(repo_path, key)
        act_as(who)
        code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
        assert code == 200, data
    # The server signed nothing itself: git did, as its config said, ballot by ballot.
    signed = ["gpgsig" in git(repo_path, "cat-file", "commit", f"HEAD~{n}") for n in (2, 1, 0)]
    assert signed == [True, True, False]

    _, data = await api("GET", f"proposals/{pid}")
    p = data["proposal"]
    tally = p["tallies"][0]
    assert tally["signed_only"] is True
    assert tally["not_counted"] == ["bob", "carol"]
    assert (tally["yes"], tally["cast"]) == (1, 1)
    assert len(p["ballots"]) == 3  # shown, all of them
    # Everyone voted, but two ballots do not count yet: the vote stays open for them to sign.
    assert p["status"] == "voting"

    _, history = await api("GET", f"proposals/{pid}/history")
    assert history["allowed_signers"] == ".github/allowed_signers"
    ballots = {e["members"][0]: e for e in history["events"] if e["kind"] == "ballot"}
    assert {who: e["signature"] for who, e in ballots.items()} == {
        "alice": "good",
        "bob": "unknown",
        "carol": "missing",
    }
    assert ballots["alice"]["signer"] == "alice@example.org"
    # The GitHub export states the rule beside the count.
    _, export = await api("GET", f"proposals/{pid}/export")
    assert (
        "Test Council counts only signed ballots; not counted (unsigned): @bob, @carol."
        in export["markdown"]
    )


async def test_a_ballot_re_signed_with_a_good_key_counts(api, act_as, repo_path: Path, keys):
    pid = await open_vote(api, act_as)
    sign_with(repo_path, None)
    act_as("alice")
    await api("PUT", f"proposals/{pid}/ballot", {"value": "no"})
    _, data = await api("GET", f"proposals/{pid}")
    assert data["proposal"]["tallies"][0]["not_counted"] == ["alice"]
    sign_with(repo_path, keys["alice"])
    await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
    _, data = await api("GET", f"proposals/{pid}")
    tally = data["proposal"]["tallies"][0]
    assert (tally["not_counted"], tally["yes"], tally["no"]) == ([], 1, 0)


async def test_a_ballot_edited_after_its_signed_commit_is_not_signed(
    api, act_as, repo_path: Path, keys
):
    pid = await open_vote(api, act_as)
    sign_with(repo_path, keys["alice"])
    act_as("alice")
    await api("PUT", f"proposals/{pid}/ballot", {"value": "no"})
    ballot = repo_path / "votes" / pid / "alice.yml"
    ballot.write_text(ballot.read_text().replace("no", "yes"))  # not committed
    _, data = await api("GET", f"proposals/{pid}")
    tally = data["proposal"]["tallies"][0]
    assert (tally["not_counted"], tally["yes"], tally["no"]) == (["alice"], 0, 0)


def test_a_signed_commit_with_no_allowed_signers_is_unknown_not_missing(tmp_path: Path, keys):
    repo = make_governance_repo(tmp_path / "plain")
    unsigned = git(repo, "rev-parse", "HEAD")
    sign_with(repo, keys["alice"])
    (repo / "x.txt").write_text("x")
    signed = commit_all(repo, "signed")
    verdicts = asyncio.run(GitRepo(repo).signatures([unsigned, signed], None))
    assert (verdicts[unsigned][0], verdicts[signed][0]) == ("N", "U")


def test_a_signature_that_does_not_match_its_commit_is_bad(tmp_path: Path, keys):
    repo = make_governance_repo(tmp_path / "gov")
    signers = tmp_path / "allowed"
    signers.write_text(f"alice@example.org {keys['alice'].read_text()}")
    sign_with(repo, keys["alice"])
    (repo / "ballot.yml").write_text("value: yes\n")
    good = commit_all(repo, "Vote on something")
    # The same signed commit with its message changed: the signature no longer matches.
    raw = git(repo, "cat-file", "commit", good) + "\n"
    forged = subprocess.run(
        ["git", "-C", str(repo), "hash-object", "-t", "commit", "-w", "--stdin"],
        input=re.sub(r"Vote on something", "Vote on something else", raw),
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    verdicts = asyncio.run(GitRepo(repo).signatures([good, forged], signers))
    assert (verdicts[good][0], verdicts[forged][0]) == ("G", "B")


async def test_the_decision_commit_is_signed_too(api, act_as, repo_path: Path, keys):
    pid = await open_vote(api, act_as)
    sign_with(repo_path, keys["alice"])  # this clone's git signs every commit it makes
    for who in ("alice", "bob", "carol"):
        act_as(who)
        code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
        assert code == 200, data
    _, data = await api("GET", f"proposals/{pid}")
    assert data["proposal"]["status"] == "accepted"  # every member voted, every ballot counted
    _, history = await api("GET", f"proposals/{pid}/history")
    closed = [e for e in history["events"] if e["kind"] == "closed"]
    assert [e["signature"] for e in closed] == ["good"]
    assert "gpgsig" in git(repo_path, "cat-file", "commit", closed[0]["commit"])


async def test_a_ballot_git_cannot_sign_is_refused_and_nothing_is_written(
    api, act_as, repo_path: Path, tmp_path: Path
):
    pid = await open_vote(api, act_as)
    head = git(repo_path, "rev-parse", "HEAD")
    sign_with(repo_path, tmp_path / "no-such-key.pub")  # a key git cannot load
    act_as("alice")
    code, data = await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})
    assert (code, data["error"]["code"]) == (409, "signing_failed")
    assert "could not sign" in data["error"]["message"]
    assert git(repo_path, "rev-parse", "HEAD") == head
    assert git(repo_path, "status", "--porcelain") == ""


async def test_vouching_for_a_key_changes_the_count_at_once(api, act_as, repo_path: Path, keys):
    """Only the allowed-signers file changes (no record does): the next answer says so."""
    (repo_path / ".github" / "allowed_signers").write_text("")  # nobody vouched for yet
    pid = await open_vote(api, act_as)
    sign_with(repo_path, keys["alice"])
    act_as("alice")
    await api("PUT", f"proposals/{pid}/ballot", {"value": "yes"})

    async def not_counted() -> tuple[list[str], list[str]]:
        _, one = await api("GET", f"proposals/{pid}")
        _, listing = await api("GET", "proposals")  # answered from a cache while nothing changed
        [entry] = [p for p in listing["proposals"] if p["id"] == pid]
        return one["proposal"]["tallies"][0]["not_counted"], entry["tallies"][0]["not_counted"]

    assert await not_counted() == (["alice"], ["alice"])
    (repo_path / ".github" / "allowed_signers").write_text(
        f"alice@example.org {keys['alice'].read_text()}"
    )
    assert await not_counted() == ([], [])


def _signed_vote_repo(repo: Path, keys) -> tuple[Path, str]:
    """A vote whose three ballots are committed, alice's and bob's signed, carol's not."""
    pid = "2026-01-01-a-signed-vote-abcdef"
    (repo / "proposals").mkdir(exist_ok=True)
    (repo / "proposals" / f"{pid}.md").write_text(
        "---\nid: " + pid + "\ntitle: A vote\nsponsor: alice\nseconded_by: bob\n"
        "created: '2026-01-01T00:00:00Z'\nstatus: voting\nvote: {opened: '2026-01-01T00:00:00Z',"
        " closes: '2099-01-01T00:00:00Z'}\n---\n\nText.\n"
    )
    commit_all(repo, "a vote")
    for who, key in (("alice", keys["alice"]), ("bob", keys["alice"]), ("carol", None)):
        sign_with(repo, key)
        (repo / "votes" / pid).mkdir(parents=True, exist_ok=True)
        (repo / "votes" / pid / f"{who}.yml").write_text(
            "value: 'yes'\ncast: '2026-01-02T00:00:00Z'\n"
        )
        commit_all(repo, f"Vote on A vote ({who})")
    sign_with(repo, None)
    return repo, pid


def test_verdicts_are_kept_across_restarts_and_a_planted_file_is_ignored(
    repo_path: Path, keys, monkeypatch
):
    from jupyter_gov_ext.storage.store import GovernanceStore

    repo, pid = _signed_vote_repo(repo_path, keys)
    verified: list[int] = []
    real = GitRepo.signatures

    async def counting(self, commits, signers):
        verified.append(len(commits))
        return await real(self, commits, signers)

    monkeypatch.setattr(GitRepo, "signatures", counting)

    def statuses() -> dict[str, str]:
        snap = asyncio.run(GovernanceStore(repo).snapshot())  # a new server each time
        return dict(snap.signatures[pid])

    assert statuses() == {"alice": "good", "bob": "good", "carol": "missing"}
    assert verified == [3]
    assert statuses() == {"alice": "good", "bob": "good", "carol": "missing"}
    assert verified == [3]  # the restarted server verified nothing again

    # Someone plants verdicts saying carol's unsigned commit is good: not signed by this user,
    # so they are ignored and every commit is verified again.
    kept = repo / ".git" / "jupyter-gov-ext" / "signature-verdicts"
    carol = git(repo, "log", "-1", "--format=%H", "--", f"votes/{pid}/carol.yml")
    payload = kept.read_bytes()[32:].replace(
        f'"{carol}": ["N"'.encode(), f'"{carol}": ["G"'.encode()
    )
    kept.write_bytes(b"\\0" * 32 + payload)
    assert statuses()["carol"] == "missing"
    assert verified == [3, 3]
