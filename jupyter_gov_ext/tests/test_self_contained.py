"""A clone of this repository is all a test needs: nothing may read a path outside it.

Someone who runs `git clone` and `make test` has nothing beside the clone, so every test, script and
config must find its data inside the repository (fixtures/ holds the real governance documents).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE_SUFFIXES = {".py", ".ts", ".tsx", ".js", ".json", ".toml", ".cfg", ".sh", ".yml", ".yaml"}
CODE_NAMES = {"Makefile", "run"}
# Strings that only make sense beside the repository (the workplace's shared folder, its absolute
# path, the old environment variable). Assembled from parts, so this file does not name them itself.
_SHARED, _DATA = "sha" + "red", "real" + "-data"
FORBIDDEN = re.compile(
    "|".join(
        [
            f"{_SHARED}/{_DATA}",
            "GOV_" + "REAL_DATA",
            "/" + "work/",
            rf"\.\./{_SHARED}\b",
            rf"""['"]{_SHARED}['"]""",
        ]
    )
)
RELATIVE = re.compile(r"""['"`]((?:\.\./)+[^'"`\s]*)['"`]""")
PARENTS = re.compile(r"parents\[(\d+)\]")
JOIN_UP = re.compile(r"""__dirname((?:\s*,\s*['"]\.\.['"])+)""")


def checked_files() -> list[Path]:
    tracked = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    out = []
    for rel in tracked:
        path = ROOT / rel
        if rel.startswith(("fixtures/", "docs/")) or rel == "yarn.lock" or not path.is_file():
            continue
        if path.resolve() == Path(__file__).resolve():  # it names what it looks for
            continue
        if path.suffix in CODE_SUFFIXES or path.name in CODE_NAMES:
            out.append(path)
    return out


def escapes(path: Path, target: Path) -> bool:
    return not target.resolve().is_relative_to(ROOT)


def outside_references(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    found = [m.group(0) for m in FORBIDDEN.finditer(text)]
    found += [
        m.group(1) for m in RELATIVE.finditer(text) if escapes(path, path.parent / m.group(1))
    ]
    if path.suffix == ".py":
        resolved = path.resolve()
        for m in PARENTS.finditer(text):
            level = int(m.group(1))
            if level >= len(resolved.parents) or escapes(path, resolved.parents[level]):
                found.append(m.group(0))
    for m in JOIN_UP.finditer(text):
        if escapes(path, path.parent.joinpath(*[".."] * m.group(1).count(".."))):
            found.append(m.group(0))
    return found


def test_the_checker_sees_a_reference_outside_the_repo():
    """The check itself can fail: what the old test helper did is caught."""
    probe = ROOT / "jupyter_gov_ext" / "tests" / "probe_outside.py"
    probe.write_text(f'REAL = Path(__file__).resolve().parents[3] / "{_SHARED}" / "{_DATA}"\n')
    try:
        assert outside_references(probe) == [f'"{_SHARED}"', "parents[3]"]
    finally:
        probe.unlink()


def test_no_test_script_or_config_refers_to_a_path_outside_the_repository():
    files = checked_files()
    assert any(p.name == "playwright.config.js" for p in files)
    assert any(p.name == "repo_helpers.py" for p in files)
    offenders = {str(p.relative_to(ROOT)): refs for p in files if (refs := outside_references(p))}
    assert offenders == {}


def test_the_real_data_fixtures_are_in_the_repository_with_their_source():
    real = ROOT / "fixtures" / "real-data"
    readme = (ROOT / "fixtures" / "README.md").read_text()
    for name in sorted(p.name for p in real.iterdir()):
        assert f"`real-data/{name}/`" in readme  # each folder names its source, commit, licence
    assert (real / "jupyter-governance" / "docs" / "_data" / "contributors.yml").is_file()
    assert (real / "jupyter-foundation-governing-board/doc/funding/priorities.md").is_file()
