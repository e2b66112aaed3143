"""The client's types are generated from the server's models: a drift between the two fails here.

A field added to a response model in jupyter_gov_ext/contract/ reaches src/api/types.ts only by
`jlpm gen:types`; until then this test says which file is stale.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from jupyter_gov_ext.contract import responses
from jupyter_gov_ext.contract.schema import api_schema

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("gen_types", ROOT / "scripts" / "gen_types.py")
gen_types = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen_types)


def test_the_committed_schema_is_the_models_schema():
    committed = json.loads(gen_types.SCHEMA.read_text())
    assert committed == api_schema(), "src/api/schema.json is stale: run `jlpm gen:types`"


def test_the_committed_types_are_generated_from_the_schema():
    expected = gen_types.types_text(gen_types.SCHEMA)
    assert gen_types.TYPES.read_text() == expected, (
        "src/api/types.ts is stale: run `jlpm gen:types`"
    )


def test_a_new_response_field_changes_the_generated_types(tmp_path):
    """The chain works end to end: a field added to a model appears in the TypeScript."""

    class Probe(responses.Export):
        model_config = {"title": "IExport"}
        word_count: int

    schema = api_schema()
    schema["$defs"]["Export"] = Probe.model_json_schema(mode="serialization")
    schema["$defs"]["Export"]["properties"]["word_count"].pop("title", None)
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema))
    assert "word_count: number;" in gen_types.types_text(path)
    assert "word_count" not in gen_types.TYPES.read_text()
