from __future__ import annotations

from .repo_helpers import git


async def test_status_reports_the_real_repo(api, gov_repo, act_as):
    act_as("alice")
    code, data = await api("GET", "status")
    assert code == 200
    assert data["repo_path"] == str(gov_repo.resolve())
    assert data["branch"] == "main"
    assert data["head"] == git(gov_repo, "rev-parse", "HEAD")
    assert data["initialised"] is True
    assert data["identity"]["id"] == "alice"
    assert data["identity"]["source"] == "user_id"
    assert data["member"] is True
    assert data["counts"]["priorities"] == 2
    assert data["problems"] == []
    assert data["remote"]["upstream"] is None


async def test_identity_falls_back_to_git_email(api, gov_repo):
    # no user_id; the token user is anonymous; the repo's git email is alice's
    code, data = await api("GET", "status")
    assert data["identity"]["source"] == "git_email"
    assert data["identity"]["id"] == "alice"
    assert data["member"] is True
    git(gov_repo, "config", "user.email", "someone@else.org")
    code, data = await api("GET", "status")
    assert data["identity"]["source"] == "git_email"
    assert data["member"] is False
