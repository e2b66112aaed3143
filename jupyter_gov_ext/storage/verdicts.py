"""Signature verdicts kept across restarts, in .git/jupyter-gov-ext/.

git's verdict on a commit's signature does not change while the allowed signers stay the same, and
verifying is the slow part (one ssh-keygen per signed commit: seconds for a few hundred ballots). So
verdicts are kept per allowed-signers content, signed with this user's key like the kept index: a
verdict file planted in .git/ could otherwise make an unsigned ballot count. A file that is torn,
foreign or for other signers is ignored, and the commits are verified again.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from pathlib import Path

from .recordindex import sign

log = logging.getLogger(__name__)
FORMAT = 1
Verdicts = dict[str, tuple[str, str]]  # commit -> (git's %G? letter, signer)


def tag_of(signers: Path | None) -> str:
    """What verdicts depend on: the allowed-signers file's bytes (or none named)."""
    content = signers.read_bytes() if signers is not None and signers.is_file() else b""
    return f"{FORMAT}:{hashlib.sha256(content).hexdigest()}:{signers is not None}"


def load(path: Path, tag: str) -> Verdicts:
    try:
        data = path.read_bytes()
        signature, payload = data[:32], data[32:]
        if not hmac.compare_digest(signature, sign(payload)):
            raise ValueError("not signed by this user")
        kept = json.loads(payload)
        if kept.get("tag") != tag:
            return {}
        return {c: (str(v[0]), str(v[1])) for c, v in kept["verdicts"].items()}
    except FileNotFoundError:
        return {}
    except Exception as exc:  # torn, foreign or of another shape: verify again
        log.info("jupyter_gov_ext: ignoring the kept signature verdicts %s: %s", path, exc)
        return {}


def save(path: Path, tag: str, verdicts: Verdicts) -> None:
    """Write atomically; a read-only .git simply keeps nothing."""
    payload = json.dumps({"tag": tag, "verdicts": verdicts}, sort_keys=True).encode()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(sign(payload) + payload)
        os.replace(tmp, path)
    except OSError as exc:
        log.info("jupyter_gov_ext: could not keep the signature verdicts: %s", exc)
        tmp.unlink(missing_ok=True)
