"""The layers import only what docs/architecture.md allows, so each boundary keeps one owner."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
ALLOWED = {
    "contract": {"contract"},
    "domain": {"contract", "domain"},
    "storage": {"contract", "domain", "storage"},
    "services": {"contract", "domain", "storage", "services"},
    # The notebook API reads a repo through the storage layer, like a service, without a server.
    "evidence": {"contract", "domain", "storage", "evidence", "__init__"},
    "http": {"contract", "domain", "services", "storage", "http", "config", "__init__"},
}


def layer_imports(path: Path) -> set[str]:
    """The top-level parts of this package that a module imports (relative imports resolved)."""
    layer = path.relative_to(PACKAGE).parts[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                found.add(layer if not node.module else layer)
            elif node.level == 2:
                found.add((node.module or "__init__").split(".")[0])
            elif node.module and node.module.startswith("jupyter_gov_ext."):
                found.add(node.module.split(".")[1])
    return found


def test_each_layer_imports_only_the_layers_below_it():
    wrong = {}
    for layer, allowed in ALLOWED.items():
        for path in (PACKAGE / layer).glob("*.py"):
            extra = layer_imports(path) - allowed
            if extra:
                wrong[str(path.relative_to(PACKAGE))] = sorted(extra)
    assert wrong == {}


def test_only_the_storage_layer_runs_git_or_opens_repo_files():
    for layer in ("contract", "domain", "services", "evidence", "http"):
        for path in (PACKAGE / layer).glob("*.py"):
            text = path.read_text()
            assert "create_subprocess_exec" not in text and "subprocess" not in text, path
            assert ".git.run(" not in text and "store.git." not in text, path
