"""The API's JSON Schema, from the contract's models: the source of `src/api/types.ts`.

`jlpm gen:types` runs this module (writing src/api/schema.json) and json-schema-to-typescript
(writing src/api/types.ts). Both files are committed; tests fail when either drifts from the models.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from . import requests, responses

RESPONSES: list[type[BaseModel]] = [
    responses.Status,
    responses.InitResult,
    responses.PriorityList,
    responses.ImportReport,
    responses.InputList,
    responses.InputCreated,
    responses.ProposalList,
    responses.ProposalCreated,
    responses.ProposalOne,
    responses.ProposalChanged,
    responses.Export,
    responses.ProposalHistory,
    responses.PillarList,
    responses.PillarChanged,
    responses.Participation,
    responses.SyncResult,
    responses.RemoteState,
    responses.Figures,
    responses.AuditNotebook,
    responses.ForumPreview,
    responses.ForumImported,
    responses.ErrorBody,
]
REQUESTS: list[type[BaseModel]] = [
    requests.InputCreate,
    requests.ProposalCreate,
    requests.ProposalPatch,
    requests.TransitionRequest,
    requests.BallotRequest,
    requests.ImportPrioritiesRequest,
    requests.PillarCreate,
    requests.PillarPatch,
    requests.ProposeFromPillars,
    requests.ForkRequest,
    requests.ForumTopicRequest,
    requests.ForumImportRequest,
]


# A response that extends another: generated as `Parent & {its own fields}`, not repeated.
EXTENDS = {
    "ProposalDetail": "ProposalView",
    "SubmittedInput": "InputView",
    "BinaryTally": "TallyBase",
    "RankedTally": "TallyBase",
}


def _untitled(prop: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in prop.items() if k != "title"}


def _as_extension(defs: dict[str, Any], child: str, parent: str) -> None:
    own = {
        k: v for k, v in defs[child]["properties"].items() if k not in defs[parent]["properties"]
    }
    defs[child] = {
        "title": defs[child]["title"],
        "allOf": [
            {"$ref": f"#/$defs/{parent}"},
            {
                "type": "object",
                "properties": own,
                "required": [r for r in defs[child].get("required", []) if r in own],
            },
        ],
    }


def api_schema() -> dict[str, Any]:
    """One schema whose properties name every response and request: each becomes an interface."""
    models = [(m, "serialization") for m in RESPONSES] + [(m, "validation") for m in REQUESTS]
    refs, schema = models_json_schema(models, ref_template="#/$defs/{model}")
    properties = {
        model.model_config.get("title", model.__name__): ref for (model, _), ref in refs.items()
    }
    defs = schema["$defs"]
    for definition in defs.values():
        # Field titles would each become a TypeScript alias; only the models' titles name types.
        for prop in definition.get("properties", {}).values():
            prop.pop("title", None)
    base = responses.TallyBase.model_json_schema(mode="serialization")
    defs["TallyBase"] = {
        **base,
        "properties": {k: _untitled(v) for k, v in base["properties"].items()},
    }
    for child, parent in EXTENDS.items():
        _as_extension(defs, child, parent)
    return {
        "title": "IGovernanceApi",
        "description": "Every response and request body of the jupyter-gov-ext REST API.",
        "type": "object",
        "properties": dict(sorted(properties.items())),
        "additionalProperties": False,
        "$defs": defs,
    }


def main() -> None:
    json.dump(api_schema(), sys.stdout, indent=2, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
