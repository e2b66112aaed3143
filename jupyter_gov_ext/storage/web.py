"""The one place the server fetches a web address: a forum topic's JSON export, when the user gives
its address instead of a saved file. GET only, no credentials, http(s) only, a size cap and a
timeout; the answer must be JSON."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from tornado.httpclient import AsyncHTTPClient, HTTPClientError

from ..contract.errors import GovError

MAX_BYTES = 5 * 1024 * 1024


async def get_json(url: str, timeout: float) -> Any:
    if urlsplit(url).scheme not in ("http", "https"):
        raise GovError("invalid_field", "Only http and https addresses can be read.", field="url")
    client = AsyncHTTPClient(force_instance=True, max_body_size=MAX_BYTES)
    try:
        response = await client.fetch(
            url,
            method="GET",
            headers={"Accept": "application/json"},
            connect_timeout=timeout,
            request_timeout=timeout,
            follow_redirects=True,
            max_redirects=3,
        )
    except HTTPClientError as exc:
        raise GovError(
            "remote_unreachable", f"{url} answered {exc.code}: {exc.message}.", 502, field="url"
        ) from None
    except (OSError, ValueError) as exc:
        # Refused, unknown host, timed out, or larger than MAX_BYTES.
        raise GovError(
            "remote_unreachable", f"{url} could not be read: {exc}.", 502, field="url"
        ) from None
    finally:
        client.close()
    try:
        return json.loads(response.body)
    except (ValueError, UnicodeDecodeError):
        raise GovError("invalid_field", f"{url} did not answer JSON.", field="url") from None
