"""What a process reuses from the last one: built Lark parsers and the bundled TOML files, parsed.

Both live under the user's cache folder (`$GOVDISCLOSURE_CACHE_DIR`, else
`$XDG_CACHE_HOME/govdisclosure`, else `~/.cache/govdisclosure`), each file named by a hash of
everything it was made from, so an edited grammar or TOML file is never read stale: it gets a new
name. A cache that cannot be read or written is skipped silently and the work is done in memory.

The TOML files (templates, sections.toml) stay the only source: the cache holds what `tomllib`
made of one exact text, as `marshal` data, and every caller validates that data as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from .errors import TemplateError

__all__ = ["cache_dir", "cache_file", "parsed_toml"]


def cache_dir() -> Path:
    """Where built parsers and parsed TOML are cached (the folder may not exist yet)."""
    override = os.environ.get("GOVDISCLOSURE_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govdisclosure"


def cache_file(stem: str, suffix: str, *key: str) -> Path | None:
    """The cache file for `stem` made from `key`, its folder created; None when there is nowhere to write."""
    digest = hashlib.sha256("\0".join(key).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder / f"{stem}-{digest}{suffix}"


def parsed_toml(name: str, text: str) -> dict[str, Any]:
    """`tomllib.loads(text)` for the bundled file `name`, from the cache when this text was parsed before.

    Raises TemplateError naming the file when the text is not TOML.
    """
    # marshal's format may change between Python versions: the version is part of the key.
    path = cache_file(f"toml-{name.replace('/', '-').removesuffix('.toml')}", ".marshal", text, sys.version)
    if path is not None:
        cached = _read(path)
        if cached is not None:
            return cached
    # Imported here: a process that finds the cache never loads the TOML parser.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{name}: not valid TOML ({exc})") from exc
    if path is not None:
        _write(path, data)
    return data


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def _write(path: Path, data: dict[str, Any]) -> None:
    # Written aside and renamed into place: a process starting at the same moment (a batch's
    # workers) reads the whole file or none of it.
    try:
        payload = marshal.dumps(data)
    except ValueError:  # a TOML date, which marshal cannot hold: not cached
        return
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(payload)
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
