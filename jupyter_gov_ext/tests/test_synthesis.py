"""The council's synthesis board through the REST API: pillars from inputs, a proposal from
pillars, and the trace kept both ways; two clones editing different pillars merge."""

from __future__ import annotations

import subprocess

from jupyter_gov_ext.storage import frontmatter

from .repo_helpers import commit_count, git, init_git, status_porcelain

INPUT = {
    "url": "https://example.org/post",
    "topics": ["community"],
    "own_content": True,
}


async def add_inputs(api, act_as, specs) -> list[str]:
    ids = []
    for n, (who, stakeholder, priorities) in enumerate(specs):
        act_as(who)
        body = {
            **INPUT,
            "title": f"Post {n}",
            "url": f"https://example.org/{n}",
            "stakeholder": stakeholder,
            "priorities": priorities,
        }
        code, data = await api("POST", "inputs", body)
        assert code == 201, data
        ids.append(data["input"]["id"])
    return ids


async def test_pillars_count_their_support_and_a_proposal_keeps_the_trace(api, gov_repo, act_as):
    ids = await add_inputs(
        api,
        act_as,
        [
            ("dana", "community", ["capacity"]),
            ("erin", "member-organisation", ["capacity", "software"]),
            ("frank", "community", []),
            ("gina", "council", ["software"]),
        ],
    )
    act_as("alice")
    code, data = await api("POST", "pillars", {"title": "Mentoring", "inputs": ids[:3]})
    assert code == 201, data
    mentoring = data["pillar"]
    assert mentoring["stakeholders"] == {"community": 2, "member-organisation": 1}
    assert mentoring["priorities"] == {"capacity": 2, "software": 1}
    assert git(gov_repo, "log", "-1", "--format=%s") == "Draft pillar: Mentoring"
    path = gov_repo / "pillars" / f"{mentoring['id']}.md"
    meta, _ = frontmatter.loads(path.read_text())
    assert meta["inputs"] == ids[:3] and meta["author"] == "alice"

    # Inputs move by id: add one, remove one; the same patch again changes nothing.
    patch = {"add": [ids[3]], "remove": [ids[2]], "summary": "Pair newcomers with maintainers."}
    code, data = await api("PATCH", f"pillars/{mentoring['id']}", patch)
    assert code == 200 and data["pillar"]["inputs"] == [ids[0], ids[1], ids[3]]
    count = commit_count(gov_repo)
    assert (await api("PATCH", f"pillars/{mentoring['id']}", patch))[0] == 200
    assert commit_count(gov_repo) == count

    _, data = await api("POST", "pillars", {"title": "Funding", "inputs": [ids[2]]})
    funding = data["pillar"]

    # Several pillars become a ranked vote over them, citing every input behind them.
    req = {"pillars": [mentoring["id"], funding["id"]], "title": "Pick our first pillar"}
    code, data = await api("POST", "pillars/propose", req)
    assert code == 201, data
    proposal = data["proposal"]
    assert proposal["kind"] == "ranked" and proposal["options"] == ["Mentoring", "Funding"]
    assert sorted(proposal["cites"]) == sorted([ids[0], ids[1], ids[3], ids[2]])
    assert proposal["pillars"] == [mentoring["id"], funding["id"]]
    assert set(proposal["priorities"]) == {"capacity", "software"}
    _, detail = await api("GET", f"proposals/{proposal['id']}")
    assert "## Mentoring" in detail["proposal"]["body"]
    assert "Pair newcomers with maintainers." in detail["proposal"]["body"]

    # ... and each pillar knows the proposal it fed.
    _, listing = await api("GET", "pillars")
    fed = {p["title"]: p["proposals"] for p in listing["pillars"]}
    assert fed["Mentoring"][0]["id"] == proposal["id"]
    assert fed["Mentoring"][0]["decided"] is None
    assert listing["can_edit"] is True

    # One pillar is a yes / no vote.
    code, data = await api(
        "POST", "pillars/propose", {"pillars": [funding["id"]], "title": "Adopt funding"}
    )
    assert code == 201 and data["proposal"]["kind"] == "binary"


async def test_an_input_says_whose_voice_and_which_prompt(api, gov_repo, act_as):
    (gov_repo / "governance.yml").write_text(
        (gov_repo / "governance.yml").read_text()
        + "prompts:\n  - {id: decide, text: How should Jupyter decide what to work on?}\n"
    )
    git(gov_repo, "commit", "-qam", "Add a prompt")
    _, status = await api("GET", "status")
    assert status["prompts"] == [
        {"id": "decide", "text": "How should Jupyter decide what to work on?"}
    ]
    act_as("dana")
    body = {**INPUT, "title": "Answer", "stakeholder": "member-organisation", "prompt": "decide"}
    code, data = await api("POST", "inputs", body)
    assert code == 201, data
    assert (data["input"]["stakeholder"], data["input"]["prompt"]) == (
        "member-organisation",
        "decide",
    )
    head = git(gov_repo, "rev-parse", "HEAD")
    for bad in ({"prompt": "nope"}, {"stakeholder": "robot"}):
        code, data = await api("POST", "inputs", {**body, **bad})
        assert code == 400 and data["error"]["field"] in ("prompt", "stakeholder")
    assert git(gov_repo, "rev-parse", "HEAD") == head


async def test_only_members_edit_pillars_and_bad_requests_write_nothing(api, gov_repo, act_as):
    ids = await add_inputs(api, act_as, [("dana", "community", [])])
    head = git(gov_repo, "rev-parse", "HEAD")
    act_as("dana")
    code, data = await api("POST", "pillars", {"title": "Mine", "inputs": ids})
    assert code == 403 and data["error"]["code"] == "not_a_member"
    act_as("alice")
    for body, field in (
        ({"title": "", "inputs": ids}, "title"),
        ({"title": "X", "inputs": ["no-such-input"]}, "inputs"),
        ({"title": "X", "inputs": ids, "extra": 1}, "extra"),
    ):
        code, data = await api("POST", "pillars", body)
        assert code == 400 and data["error"]["field"] == field, data
    code, data = await api("POST", "pillars/propose", {"pillars": ["nope"], "title": "T"})
    assert code == 404
    assert git(gov_repo, "rev-parse", "HEAD") == head
    assert status_porcelain(gov_repo) == ""


async def test_two_clones_editing_different_pillars_merge(api, gov_repo, act_as, tmp_path):
    ids = await add_inputs(api, act_as, [("dana", "community", []), ("erin", "council", [])])
    act_as("alice")
    _, a = await api("POST", "pillars", {"title": "A", "inputs": []})
    _, b = await api("POST", "pillars", {"title": "B", "inputs": []})
    bare = tmp_path / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(gov_repo), str(bare)], check=True)
    git(gov_repo, "remote", "add", "origin", str(bare))
    git(gov_repo, "fetch", "-q", "origin")
    git(gov_repo, "branch", "-q", "--set-upstream-to", "origin/main")
    theirs = tmp_path / "theirs"
    subprocess.run(["git", "clone", "-q", str(bare), str(theirs)], check=True)
    init_git(theirs, "bob@example.org", "Bob Brown")

    # Bob places an input on pillar B in his clone and pushes.
    path = theirs / "pillars" / f"{b['pillar']['id']}.md"
    meta, body = frontmatter.loads(path.read_text())
    path.write_text(frontmatter.dumps({**meta, "inputs": [ids[1]]}, body))
    git(theirs, "commit", "-qam", "Edit pillar: B")
    git(theirs, "push", "-q", "origin", "main")

    # Alice places another on pillar A in hers, then syncs: both edits are there.
    code, _ = await api("PATCH", f"pillars/{a['pillar']['id']}", {"add": [ids[0]]})
    assert code == 200
    code, data = await api("POST", "sync")
    assert code == 200, data
    _, listing = await api("GET", "pillars")
    placed = {p["title"]: p["inputs"] for p in listing["pillars"]}
    assert placed == {"A": [ids[0]], "B": [ids[1]]}


async def test_a_removed_input_is_reported_and_never_cited(api, gov_repo, act_as):
    ids = await add_inputs(api, act_as, [("dana", "community", []), ("erin", "council", [])])
    act_as("alice")
    _, data = await api("POST", "pillars", {"title": "Kept", "inputs": ids})
    pillar = data["pillar"]
    # Someone removes an input by hand (it was spam, say) and the clone pulls that.
    gone = next((gov_repo / "inputs").rglob(f"{ids[0]}.md"))
    git(gov_repo, "rm", "-q", str(gone.relative_to(gov_repo)))
    git(gov_repo, "commit", "-qm", "Remove a spam input")
    _, listing = await api("GET", "pillars")
    (kept,) = listing["pillars"]
    assert kept["inputs"] == ids and kept["missing"] == [ids[0]]
    assert kept["stakeholders"] == {"council": 1}  # only what exists is counted
    code, data = await api("POST", "pillars/propose", {"pillars": [pillar["id"]], "title": "K"})
    assert code == 201 and data["proposal"]["cites"] == [ids[1]]
    # Removing the missing id from the pillar tidies the file.
    code, data = await api("PATCH", f"pillars/{pillar['id']}", {"remove": [ids[0]]})
    assert code == 200 and data["pillar"]["missing"] == []
