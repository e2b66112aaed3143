"""The one error type the server raises, mapped by the handlers to the contract's error envelope."""

from __future__ import annotations


class GovError(Exception):
    """A failure a person can act on, with a stable machine code and an HTTP status.

    Codes (stable, documented in the README): ``invalid_json``, ``invalid_field``, ``not_found``,
    ``not_a_member``, ``not_allowed``, ``conflict``, ``too_large``, ``not_initialised``,
    ``already_initialised``, ``repo_busy``, ``repo_error``, ``no_remote``, ``sync_conflict``.
    """

    def __init__(self, code: str, message: str, status: int = 400, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.field = field
        self.detail: str | None = None  # e.g. git's whole output, for whoever must dig further

    def envelope(self) -> dict:
        error: dict = {"code": self.code, "message": self.message}
        if self.field:
            error["field"] = self.field
        if self.detail:
            error["detail"] = self.detail
        return {"error": error}
