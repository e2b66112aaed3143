"""The notebook API: a governance repo opened at any commit or date, votes recounted with the rules
code the server decides with, growth figures from a history with known answers, and the audit
notebook run headlessly (nbclient) to a match, and to a mismatch once a ballot is tampered with."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbclient import NotebookClient

from jupyter_gov_ext.contract.records import Author, Input, parse_governance
from jupyter_gov_ext.domain import growth
from jupyter_gov_ext.domain.audit_notebook import growth_notebook
from jupyter_gov_ext.domain.snapshot import Snapshot
from jupyter_gov_ext.evidence import audit_notebook, open_repo, table
from jupyter_gov_ext.storage import layout

from .repo_helpers import commit_all, git, init_git, make_governance_repo
from .test_guide import replay_fixture, replay_governance, replay_vote

HAND_WRITTEN = Path(__file__).resolve().parents[2] / "fixtures" / "hand-written-votes"
CHARTER = "2024-03-01-a-code-of-conduct-process"
CHAIR = "2024-05-01-elect-a-chair"


def hand_written_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "past"
    shutil.copytree(HAND_WRITTEN, repo)
    init_git(repo)
    commit_all(repo, "votes recorded by hand")
    return repo


def tamper(repo: Path, proposal_id: str, member: str, old: str, new: str) -> str:
    """Change one ballot file after the decision, as a careless or dishonest commit would."""
    ballot = repo / "votes" / proposal_id / f"{member}.yml"
    ballot.write_text(ballot.read_text().replace(old, new))
    return commit_all(repo, f"edit {member}'s ballot")


def test_hand_written_past_votes_recount_to_their_records(tmp_path: Path):
    repo = open_repo(hand_written_repo(tmp_path))
    results = {r.proposal: r for r in repo.audit()}
    assert set(results) == {CHARTER, CHAIR}
    assert {pid: (r.matches, r.differences) for pid, r in results.items()} == {
        CHARTER: (True, []),
        CHAIR: (True, []),
    }
    chair = results[CHAIR]
    assert (chair.recounted[0]["winner"], chair.recounted[0]["elected"]) == ("Ada", ["Ada"])
    # Ben is out after the first round and his ballot goes to Ada.
    assert chair.recounted[0]["rounds"][0]["counts"] == {"Ada": 2, "Ben": 1, "Cy": 2}
    rows = {(row["count"]): row for row in results[CHARTER].rows()}
    assert (rows["yes"]["recorded"], rows["yes"]["recounted"]) == (2, 2)


def test_a_tampered_ballot_is_a_mismatch_that_says_what_differs(tmp_path: Path):
    path = hand_written_repo(tmp_path)
    before = git(path, "rev-parse", "HEAD")
    tamper(path, CHARTER, "cy", "value: no", "value: yes")
    result = open_repo(path).recount(CHARTER)
    assert result.matches is False
    assert "council: yes recorded 2, recounted 3." in result.differences
    assert "council: no recorded 1, recounted 0." in result.differences
    assert result.summary().startswith(f"{CHARTER}: MISMATCH.")
    # The commit before the edit still recounts to its record: the history keeps the evidence.
    assert open_repo(path, at=before).recount(CHARTER).matches is True


def test_a_repo_opens_at_a_date_a_commit_or_as_the_files_are(tmp_path: Path):
    path = make_governance_repo(tmp_path / "gov")
    env = os.environ.copy()
    for day, title in (("2025-01-10", "First"), ("2025-02-10", "Second")):
        inputs = path / "inputs" / "2025"
        inputs.mkdir(parents=True, exist_ok=True)
        record = Input(
            id=f"{day}-{title.lower()}-aaaaaa", title=title, url="https://example.org/" + title,
            author=Author(id="alice"), submitted=f"{day}T10:00:00Z",
        )  # fmt: skip
        (inputs / f"{record.id}.md").write_text(layout.serialise(record))
        os.environ["GIT_COMMITTER_DATE"] = os.environ["GIT_AUTHOR_DATE"] = f"{day}T12:00:00Z"
        try:
            commit_all(path, f"input {title}")
        finally:
            os.environ.clear()
            os.environ.update(env)
    assert [i["title"] for i in open_repo(path, at="2025-01-31").inputs()] == ["First"]
    assert len(open_repo(path, at="2025-03-01").inputs()) == 2
    first = git(path, "rev-list", "-1", "HEAD~1")
    assert open_repo(path, at=first).commit == first
    (path / "inputs" / "2025" / "2025-02-10-second-aaaaaa.md").unlink()  # not committed
    assert len(open_repo(path).inputs()) == 2  # HEAD, by default
    assert len(open_repo(path, at=None).inputs()) == 1  # the files on disk
    # HEAD is read from the work tree only where it holds HEAD: not a file git ignores.
    git(path, "checkout", "--", "inputs")
    (path / ".gitignore").write_text("inputs/2025/*-ignored-*.md\n")
    commit_all(path, "ignore drafts")
    draft = Input(
        id="2025-03-01-ignored-bbbbbb", title="Draft", url="https://example.org/draft",
        author=Author(id="alice"), submitted="2025-03-01T10:00:00Z",
    )  # fmt: skip
    (path / "inputs" / "2025" / f"{draft.id}.md").write_text(layout.serialise(draft))
    assert len(open_repo(path).inputs()) == 2
    assert len(open_repo(path, at=None).inputs()) == 3  # on disk, the ignored draft too
    with pytest.raises(ValueError, match="no commit was made by '2020-01-01'"):
        open_repo(path, at="2020-01-01")
    with pytest.raises(ValueError, match="no commit is named 'no-such-branch'"):
        open_repo(path, at="no-such-branch")
    with pytest.raises(ValueError, match="is not a git work tree"):
        open_repo(tmp_path / "nowhere")


def input_at(who: str, when: str, priorities=(), stakeholder=None, n=0) -> Input:
    return Input(
        id=f"{when[:10]}-input-{who.lower()}-{n:06d}", title=f"{who} {n}", url=f"https://x.org/{who}/{n}",
        author=Author(id=who), submitted=when, priorities=list(priorities), stakeholder=stakeholder,
    )  # fmt: skip


def snapshot_of(inputs: list[Input]) -> Snapshot:
    config = parse_governance({"council": {"name": "C", "members": [{"id": "alice"}]}})
    return Snapshot(True, config, [], [], inputs, [], {})


def test_growth_figures_give_the_known_answers_of_a_generated_history():
    history = [
        input_at("alice", "2025-01-05T10:00:00Z", ["capacity"], "community", 1),
        input_at("bob", "2025-01-20T10:00:00Z", ["capacity", "software"], "council", 2),
        input_at("Alice", "2025-03-02T10:00:00Z", [], "community", 3),  # same person, any case
        input_at("carol", "2025-03-30T10:00:00Z", ["software"], None, 4),
    ]
    snap = snapshot_of(history)
    assert growth.contributors_per_month(snap) == [
        {"month": "2025-01", "new": 2, "returning": 0, "contributors": 2, "total_so_far": 2},
        {"month": "2025-02", "new": 0, "returning": 0, "contributors": 0, "total_so_far": 2},
        {"month": "2025-03", "new": 1, "returning": 1, "contributors": 2, "total_so_far": 3},
    ]
    assert growth.inputs_per_priority(snap) == [
        {"month": "2025-01", "priority": "capacity", "inputs": 2},
        {"month": "2025-01", "priority": "software", "inputs": 1},
        {"month": "2025-03", "priority": "(none)", "inputs": 1},
        {"month": "2025-03", "priority": "software", "inputs": 1},
    ]
    assert growth.inputs_per_stakeholder(snap) == [
        {"month": "2025-01", "stakeholder": "community", "inputs": 1},
        {"month": "2025-01", "stakeholder": "council", "inputs": 1},
        {"month": "2025-03", "stakeholder": "(none)", "inputs": 1},
        {"month": "2025-03", "stakeholder": "community", "inputs": 1},
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ann", "bo", "cy", "di"]),
            st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(str),
        ),
        max_size=30,
    )
)
def test_every_contributor_is_new_exactly_once(entries):
    inputs = [input_at(who, f"{day}T00:00:00Z", n=n) for n, (who, day) in enumerate(entries)]
    rows = growth.contributors_per_month(snapshot_of(inputs))
    assert sum(r["new"] for r in rows) == len({who for who, _ in entries})
    assert all(r["new"] + r["returning"] == r["contributors"] for r in rows)
    assert [r["month"] for r in rows] == sorted(r["month"] for r in rows)


def test_vote_figures_of_past_votes(tmp_path: Path):
    repo = open_repo(hand_written_repo(tmp_path))
    figures = repo.figures()
    assert [(r["proposal"], r["ballots"], r["members"], r["turnout"]) for r in
            figures["ballots-per-vote"]] == [(CHARTER, 4, 5, 0.8), (CHAIR, 5, 5, 1.0)]  # fmt: skip
    assert [(r["proposal"], r["days_to_vote"], r["days_to_decision"]) for r in
            figures["time-to-decision"]] == [(CHARTER, 3.1, 10.1), (CHAIR, 1.1, 8.1)]  # fmt: skip
    eve = [r for r in figures["participation"] if r["member"] == "eve"]
    assert [(r["year"], r["open"], r["cast"]) for r in eve] == [(2024, 2, 1)]
    assert "| proposal |" in table(figures["ballots-per-vote"])._repr_markdown_()


class TestReplayedVote:
    @pytest.fixture
    def repo_path(self, tmp_path: Path) -> Path:
        return make_governance_repo(tmp_path / "gov", replay_governance())

    async def test_the_real_replayed_vote_recounts_to_what_the_councils_recorded(
        self, api, act_as, tmp_path
    ):
        vote = replay_fixture()
        pid = await replay_vote(api, act_as, tmp_path / "gov", vote)
        await api("GET", f"proposals/{pid}")  # the server closes the vote and records it
        result = open_repo(tmp_path / "gov").recount(pid)
        assert result.matches is True, result.differences
        assert result.recorded_outcome == vote["recorded"]["outcome"]
        for counted in result.recounted:
            expected = vote["recorded"]["counts"][counted["body"]]
            assert {k: counted[k] for k in expected} == expected


def executed(notebook: dict, cwd: Path):
    """The notebook run in a real kernel (nbclient), as it would be in JupyterLab."""
    nb = nbformat.from_dict(notebook)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    ).execute()
    return nb


def output_text(cell) -> str:
    return "".join(
        o.get("text", "") + o.get("data", {}).get("text/plain", "")
        + o.get("data", {}).get("text/markdown", "")
        for o in cell.outputs
    )  # fmt: skip


def run_notebook(notebook: dict, cwd: Path) -> str:
    """Execute the notebook; the text of its last cell's outputs."""
    return output_text(executed(notebook, cwd).cells[-1])


def test_the_audit_notebook_reports_a_match_then_a_mismatch_after_tampering(tmp_path: Path):
    path = hand_written_repo(tmp_path)
    head = git(path, "rev-parse", "HEAD")
    out = run_notebook(audit_notebook(path, CHARTER, "A code of conduct process", head), tmp_path)
    assert f"{CHARTER}: MATCH." in out and out.rstrip().endswith("True")

    tampered = tamper(path, CHARTER, "dee", "value: blank", "value: no")
    out = run_notebook(
        audit_notebook(path, CHARTER, "A code of conduct process", tampered), tmp_path
    )
    assert f"{CHARTER}: MISMATCH." in out and "blank recorded 1, recounted 0" in out
    assert out.rstrip().endswith("False")


def test_the_audit_notebook_shows_a_title_as_text(tmp_path: Path):
    notebook = audit_notebook(tmp_path, "p", "<img src=x onerror=alert(1)> *bold*", None)
    heading = notebook["cells"][0]["source"]
    # Markdown escapes: the title is shown as typed, never as an element or as emphasis.
    assert re.search(r"(?<!\\)[<*]", heading.split("\n")[0]) is None
    assert "\\<img" in heading and "\\*bold\\*" in heading


async def test_the_figures_route_serves_every_figure_from_the_repo(api, act_as):
    act_as("alice")
    code, data = await api("GET", "figures")
    assert code == 200
    assert [f["id"] for f in data["figures"]] == [
        "contributors", "inputs-by-priority", "inputs-by-stakeholder",
        "time-to-decision", "ballots-per-vote", "participation",
    ]  # fmt: skip
    assert data["figures"][0]["rows"] == []
    await api("POST", "inputs", {"title": "Mine", "url": "https://a.org/x", "topics": ["funding"],
                                 "priorities": ["capacity"], "own_content": True})  # fmt: skip
    _, data = await api("GET", "figures")
    figures = {f["id"]: f["rows"] for f in data["figures"]}
    assert [(r["new"], r["returning"]) for r in figures["contributors"]] == [(1, 0)]
    assert [(r["priority"], r["inputs"]) for r in figures["inputs-by-priority"]] == [
        ("Grow capacity", 1)
    ]


class TestAuditRoute:
    @pytest.fixture
    def jp_root_dir(self, gov_repo: Path) -> Path:
        return gov_repo  # JupyterLab started in the governance repo itself

    async def test_the_audit_notebook_is_offered_and_its_folder_kept_out_of_git(
        self, api, act_as, gov_repo
    ):
        from .test_council import open_vote

        pid = await open_vote(api, act_as)
        code, data = await api("GET", f"proposals/{pid}/audit-notebook")
        assert code == 200, data
        head = git(gov_repo, "rev-parse", "HEAD")
        assert data["path"] == f"governance-audits/audit-{pid}-{head[:7]}.ipynb"
        assert (data["matches"], data["summary"]) == (
            None,
            f"{pid}: no decision recorded yet (voting).",
        )
        nbformat.validate(nbformat.from_dict(data["notebook"]))
        assert f"AT = {head!r}" in data["notebook"]["cells"][1]["source"]
        exclude = (gov_repo / ".git" / "info" / "exclude").read_text().splitlines()
        assert "governance-audits/" in exclude
        (gov_repo / "governance-audits").mkdir()
        (gov_repo / "governance-audits" / "a.ipynb").write_text("{}")
        assert git(gov_repo, "status", "--porcelain") == ""
        code, data = await api("GET", "proposals/no-such/audit-notebook")
        assert code == 404
        code, data = await api("GET", "figures/notebook")
        assert code == 200, data
        assert data["path"] == f"governance-audits/growth-{head[:7]}.ipynb"
        assert (data["matches"], data["summary"]) == (
            None,
            "0 of 0 decided votes match their record.",
        )
        sources = [c["source"] for c in data["notebook"]["cells"]]
        assert "table(repo.figure('contributors'))" in sources


def test_the_growth_notebook_computes_every_figure_and_recounts_every_vote(tmp_path: Path):
    path = hand_written_repo(tmp_path)
    repo = open_repo(path)
    figures = [(f, f.title(), f"About {f}") for f in repo.figures()]
    nb = executed(growth_notebook(path, repo.commit, figures), tmp_path)
    tables = {
        cell.source: output_text(cell) for cell in nb.cells if cell.source.startswith("table(")
    }
    assert "| proposal | title | opened |" in tables["table(repo.figure('ballots-per-vote'))"]
    assert f"| {CHARTER} |" in tables["table(repo.figure('ballots-per-vote'))"].replace("\\-", "-")
    last = output_text(nb.cells[-1])
    assert f"{CHARTER}: MATCH." in last and "2 of 2 decided votes match their record." in last
