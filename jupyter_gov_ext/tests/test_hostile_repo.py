"""A repo whose content came from anyone (a pull, a hand edit): nothing in it can stop the server,
inflate a vote, or make it read or write through a symbolic link.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from jupyter_gov_ext.contract.fields import format_time
from jupyter_gov_ext.storage import frontmatter

from .repo_helpers import GOVERNANCE, commit_all, git, make_governance_repo, status_porcelain

PID = "2026-01-01-a-vote-abcdef"
BOMB = "".join(
    f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}" if i else "x"] * 9) + "]\n" for i in range(9)
)


def open_vote(repo: Path, ballots: dict[str, str]) -> None:
    now = datetime.now(UTC)
    meta = {
        "id": PID, "title": "A vote", "sponsor": "alice", "seconded_by": "bob",
        "created": format_time(now), "status": "voting",
        "vote": {"opened": format_time(now), "closes": format_time(now + timedelta(days=7))},
    }  # fmt: skip
    (repo / "proposals").mkdir(exist_ok=True)
    (repo / "proposals" / f"{PID}.md").write_text(frontmatter.dumps(meta, "Text."))
    (repo / "votes" / PID).mkdir(parents=True, exist_ok=True)
    for name, text in ballots.items():
        (repo / "votes" / PID / name).write_text(text)
    commit_all(repo, "pulled")


def problems_of(status: dict) -> dict[str, str]:
    return {p["path"]: p["problem"] for p in status["problems"]}


async def timed(api, *args, **kwargs):
    start = time.monotonic()
    result = await api(*args, **kwargs)
    return result, time.monotonic() - start


async def test_case_variant_ballots_count_once_and_are_reported(api, gov_repo, act_as):
    cast = f"cast: '{format_time(datetime.now(UTC))}'\n"
    open_vote(
        gov_repo,
        {"alice.yml": "value: yes\n" + cast, "Alice.yml": "value: yes\n" + cast,
         "ALICE.yml": "value: yes\n" + cast, "bob.yml": "value: no\n" + cast},
    )  # fmt: skip
    act_as("carol")
    _, data = await api("GET", f"proposals/{PID}")
    tally = data["proposal"]["tallies"][0]
    assert (tally["yes"], tally["no"], tally["outcome"], tally["reason"]) == (
        1,
        1,
        "rejected",
        "tie",
    )
    _, status = await api("GET", "status")
    reported = [p for p in problems_of(status) if p.startswith(f"votes/{PID}/")]
    assert len(reported) == 2  # two of the three alice files
    # her next ballot rewrites the file that counts, it does not add a fourth
    act_as("alice")
    code, data = await api("PUT", f"proposals/{PID}/ballot", {"value": "no"})
    assert code == 200 and data["proposal"]["tallies"][0]["no"] == 2
    assert len(list((gov_repo / "votes" / PID).glob("*.yml"))) == 4


async def test_yaml_1_1_booleans_in_a_hand_written_ballot_are_read_as_written(api, gov_repo):
    cast = f"cast: '{format_time(datetime.now(UTC))}'\n"
    open_vote(gov_repo, {"bob.yml": "value: yes\n" + cast, "carol.yml": "value: no\n" + cast})
    _, data = await api("GET", f"proposals/{PID}")
    tally = data["proposal"]["tallies"][0]
    assert (tally["yes"], tally["no"]) == (1, 1)


async def test_two_records_with_one_id_are_listed_once(api, gov_repo):
    text = (
        "---\nid: 2026-01-01-twice-aaaaaa\ntitle: Twice\nurl: https://example.org/x\n"
        "author: {id: bob}\nsubmitted: '2026-01-01T00:00:00Z'\ntopics: [community]\n---\n"
    )
    for year in ("2025", "2026"):
        (gov_repo / "inputs" / year).mkdir(parents=True)
        (gov_repo / "inputs" / year / "2026-01-01-twice-aaaaaa.md").write_text(text)
    commit_all(gov_repo)
    _, data = await api("GET", "inputs")
    assert [i["id"] for i in data["inputs"]] == ["2026-01-01-twice-aaaaaa"]
    _, status = await api("GET", "status")
    assert "also" in problems_of(status)["inputs/2026/2026-01-01-twice-aaaaaa.md"]


@pytest.mark.parametrize(
    "where",
    ["governance.yml", "inputs/2026/2026-01-01-bomb-aaaaaa.md", "votes/x/alice.yml"],
)
async def test_an_alias_bomb_or_deep_nesting_is_refused_quickly(api, gov_repo, where):
    path = gov_repo / where
    path.parent.mkdir(parents=True, exist_ok=True)
    for payload in (BOMB, "a: " + "[" * 200_000 + "]" * 200_000 + "\n"):
        if where.endswith(".md"):
            path.write_text(f"---\n{payload}---\n")
        elif where == "governance.yml":
            path.write_text(GOVERNANCE + payload)
        else:
            path.write_text(payload)
        commit_all(gov_repo)
        (code, status), took = await timed(api, "GET", "status")
        assert code == 200 and took < 2, took
        assert where in problems_of(status)
        (code, _), took = await timed(api, "GET", "proposals")
        assert took < 2 and code in (200, 409)


async def test_a_huge_file_is_reported_not_read(api, gov_repo):
    (gov_repo / "inputs" / "2026").mkdir(parents=True)
    big = gov_repo / "inputs" / "2026" / "2026-01-01-huge-aaaaaa.md"
    big.write_text("---\ntitle: x\n---\n" + "x" * 2_000_000)
    commit_all(gov_repo)
    _, status = await api("GET", "status")
    assert "larger than" in problems_of(status)["inputs/2026/2026-01-01-huge-aaaaaa.md"]


async def test_wrong_types_are_problems_not_errors(api, gov_repo):
    open_vote(gov_repo, {"bob.yml": "value: 3\ncast: nope\n", "carol.yml": "- a list\n"})
    code, data = await api("GET", f"proposals/{PID}")
    assert code == 200 and data["proposal"]["tallies"][0]["cast"] == 0
    _, status = await api("GET", "status")
    assert {f"votes/{PID}/bob.yml", f"votes/{PID}/carol.yml"} <= set(problems_of(status))


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    target = tmp_path / "outside"
    target.mkdir()
    (target / "roster.yml").write_text("authors: []\n")
    (target / "secret.md").write_text("---\nid: secret\ntitle: Secret\n---\nsecret\n")
    return target


async def test_a_roster_linked_out_of_the_repo_is_a_problem_and_writes_still_work(
    api, gov_repo, outside
):
    (gov_repo / "docs").mkdir()
    (gov_repo / "docs" / "roster.yml").symlink_to(outside / "roster.yml")
    (gov_repo / "governance.yml").write_text(
        GOVERNANCE + "bodies:\n  - id: ssc\n    name: SSC\n"
        "    roster: {file: docs/roster.yml, team: ssc}\n"
    )
    commit_all(gov_repo)
    code, status = await api("GET", "status")
    assert code == 200 and "symbolic link" in problems_of(status)["docs/roster.yml"]
    code, data = await api(
        "POST",
        "inputs",
        {"title": "Still works", "url": "https://example.org/p", "topics": ["community"],
         "own_content": True},
    )  # fmt: skip
    assert code == 201, data


async def test_a_ballot_path_linked_to_another_file_is_never_written_through(api, gov_repo):
    open_vote(gov_repo, {})
    readme = gov_repo / "README.md"
    readme.write_text("The repo's README.\n")
    (gov_repo / "votes" / PID / "alice.yml").symlink_to("../../README.md")
    commit_all(gov_repo)
    head = git(gov_repo, "rev-parse", "HEAD")
    code, data = await api("PUT", f"proposals/{PID}/ballot", {"value": "yes"})
    assert code == 409 and "symbolic link" in data["error"]["message"]
    assert readme.read_text() == "The repo's README.\n"
    assert git(gov_repo, "rev-parse", "HEAD") == head and status_porcelain(gov_repo) == ""


async def test_linked_records_and_folders_are_reported_not_read(api, gov_repo, outside):
    (gov_repo / "inputs").mkdir()
    (gov_repo / "inputs" / "2026").symlink_to(outside)
    (gov_repo / "priorities" / "secret.md").symlink_to(outside / "secret.md")
    commit_all(gov_repo)
    _, status = await api("GET", "status")
    found = problems_of(status)
    assert "symbolic link" in found["priorities/secret.md"]
    assert "symbolic link" in found["inputs/2026"]
    _, data = await api("GET", "priorities")
    assert "secret" not in {p["id"] for p in data["priorities"]}


class TestImpersonation:
    @pytest.fixture
    def repo_path(self, tmp_path: Path) -> Path:
        repo = make_governance_repo(
            tmp_path / "gov", GOVERNANCE.replace("- {id: carol,", "- {id: dan, email: dan@example.org}\n    - {id: carol,")
        )  # fmt: skip
        git(repo, "config", "user.email", "dan@elsewhere.invalid")
        open_vote(repo, {})
        return repo

    @pytest.fixture
    def jp_server_config(self, repo_path: Path):  # no user_id: identity from git
        return {
            "ServerApp": {"jpserver_extensions": {"jupyter_gov_ext": True}},
            "JupyterGovExt": {"repo_path": str(repo_path)},
        }

    async def test_a_git_email_that_is_not_a_members_cannot_vote_as_that_member(
        self, api, repo_path
    ):
        _, status = await api("GET", "status")
        assert status["member"] is False
        assert status["identity"]["id"] == "dan@elsewhere.invalid"
        code, data = await api("PUT", f"proposals/{PID}/ballot", {"value": "yes"})
        assert code == 403 and data["error"]["code"] == "not_a_member"
        assert not (repo_path / "votes" / PID / "dan.yml").exists()
        git(repo_path, "config", "user.email", "DAN@example.org")  # the whole email, any case
        _, status = await api("GET", "status")
        assert status["member"] is True and status["identity"]["id"] == "dan"

    async def test_renaming_oneself_through_api_me_changes_nothing(self, api, jp_fetch, repo_path):
        git(repo_path, "config", "user.email", "dan@example.org")
        _, before = await api("GET", "status")
        await jp_fetch(
            "api", "me", method="PATCH", body='{"name": "alice", "display_name": "alice"}'
        )
        _, after = await api("GET", "status")
        assert before["identity"] == after["identity"] and after["member"] is True
