"""A cache of checked policies, so that `explain` does not parse every policy file on every run.

Keyed by the SHA-256 of the policy file's bytes, the name it is shown under, and the code that
turns text into a `Policy` (the grammar and the language package): an edited policy or a new
caresq-logic never meets an old entry. Entries live in $XDG_CACHE_HOME/caresq-logic (default
~/.cache/caresq-logic; $CARESQ_CACHE overrides, "off" disables). An entry is a pickle, and a
pickle may run code when loaded, so an entry is only loaded when the folder and the file belong
to this user and no one else may write them, and the SHA-256 stored in front of the payload
matches it (a torn or altered entry is ignored). Any failure to read or write falls back to
parsing, silently: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from ..resources import grammar_path
from .resolve import Policy

_LANGUAGE = Path(__file__).resolve().parent
MAX_ENTRIES = 256   # a new caresq-logic or an edited policy makes new keys: the oldest entries go


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    digest = hashlib.sha256()
    for path in [grammar_path(), *sorted(_LANGUAGE.glob("*.py"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def folder() -> Path | None:
    configured = os.environ.get("CARESQ_CACHE")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "caresq-logic"


def _entry(data: bytes, shown: str, suffix: str = "policy") -> Path | None:
    where = folder()
    if where is None:
        return None
    key = hashlib.sha256(_code_fingerprint() + shown.encode() + b"\0" + data).hexdigest()
    return where / f"{key}.{suffix}"


def _private(path: Path) -> bool:
    """Owned by this user and writable by no one else (os.getuid is POSIX only: elsewhere, no cache)."""
    try:
        info = path.stat()
        return info.st_uid == os.getuid() and not info.st_mode & 0o022
    except (OSError, AttributeError):
        return False


def load(data: bytes, shown: str) -> Policy | None:
    policy = _read(_entry(data, shown))
    return policy if isinstance(policy, Policy) else None


def _read(entry: Path | None):
    if entry is None or not _private(entry.parent) or not _private(entry):
        return None
    try:
        stored = entry.read_bytes()
        digest, payload = stored[:32], stored[32:]
        if hashlib.sha256(payload).digest() != digest:
            return None
        return pickle.loads(payload)
    except Exception:   # a damaged entry is a miss, never an error
        return None


def derived(policy: Policy, sha256: str | None, derive) -> list[Policy]:
    """`derive(policy)`, the publications derived from a policy file, cached like the policy itself
    (keyed by the file's SHA-256 and name): explain need not undo every change list on every run."""
    entry = _entry(sha256.encode(), policy.path, "derived") if sha256 else None
    cached = _read(entry)
    if isinstance(cached, list) and all(isinstance(p, Policy) for p in cached):
        return cached
    earlier = derive(policy)   # a delta that cannot be undone raises: never cached
    _write(entry, earlier)
    return earlier


def load_beside(data: bytes, shown: str, suffix: str):
    """What `store_beside` kept beside a policy file's entry (its outlines): for the caller to check."""
    return _read(_entry(data, shown, suffix))


def store_beside(data: bytes, shown: str, suffix: str, value) -> None:
    _write(_entry(data, shown, suffix), value)


def store(data: bytes, shown: str, policy: Policy) -> None:
    _write(_entry(data, shown), policy)


def _write(entry: Path | None, value) -> None:
    if entry is None:
        return
    import tempfile   # only to write an entry: a run that finds every policy in the cache starts without it

    temporary = None
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(entry.parent):
            return
        fd, temporary = tempfile.mkstemp(prefix=".", dir=entry.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, entry)
        _prune(entry.parent)
    except Exception:   # unwritable, full, or not picklable: parse next time too
        if temporary:
            Path(temporary).unlink(missing_ok=True)


def _prune(where: Path) -> None:
    """Keeps the MAX_ENTRIES most recently written entries (only on a write, which is rare)."""
    entries = [p for p in where.iterdir() if p.suffix in (".policy", ".derived", ".outline")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        old.unlink(missing_ok=True)
