"""The contract (CONTRACT.md): records on disk, requests and responses over HTTP, errors.

The one statement of it: `src/api/types.ts` is generated from these models
(`python -m jupyter_gov_ext.contract.schema`), and a test fails when the two drift apart.
"""
