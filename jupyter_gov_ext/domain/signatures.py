"""Signed ballots: what git's verdict on a commit's signature means for a ballot it wrote.

git signs a commit when the user's own git says so (`commit.gpgsign`, GPG or SSH via `gpg.format`);
the server adds nothing. It verifies SSH signatures against the allowed-signers file the repo names
in governance.yml (`allowed_signers`), so every clone reaches the same verdict offline.
"""

from __future__ import annotations

from ..contract.records import SignatureStatus

__all__ = ["SignatureStatus", "counts", "status_of"]

# git log's %G?: G good, U good but the key is not vouched for (no principal matched, or an
# untrusted GPG key), E cannot be checked (the GPG key is missing), N none, B bad, X/Y expired
# signature or key, R revoked key.
_BY_LETTER: dict[str, SignatureStatus] = {
    "G": "good",
    "U": "unknown",
    "E": "unknown",
    "N": "missing",
    "B": "bad",
    "X": "bad",
    "Y": "bad",
    "R": "bad",
}


def status_of(letter: str) -> SignatureStatus:
    return _BY_LETTER.get(letter.strip()[:1], "missing")


def counts(status: SignatureStatus | None) -> bool:
    """Whether a ballot counts where a body requires signed ballots."""
    return status == "good"
