"""Our own stylesheets and scripts, addressed by content so that hosts may cache them a year.

Material's bundles carry a content hash in their file names; ours keep their plain names in
docs/, so their addresses get `?v=<hash of the content>`: an edited file gets a new address
and no visitor keeps a stale copy (SECURITY.md, Auslieferung).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

HASH_LENGTH = 10


def versioned(docs_dir: Path, name: str) -> str:
    """`javascripts/finder.js?v=1a2b3c4d5e` for a file below docs_dir; a name that already
    has a query, or no file, is returned unchanged (MkDocs reports a missing file itself)."""
    path = docs_dir / name
    if "?" in name or not path.is_file():
        return name
    return f"{name}?v={hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]}"


def own_assets(docs_dir: Path, folders: Iterable[str] = ("javascripts", "stylesheets")) -> dict[str, str]:
    """Every script and stylesheet we ship, by site path, with its versioned address."""
    return {
        path.relative_to(docs_dir).as_posix(): versioned(docs_dir, path.relative_to(docs_dir).as_posix())
        for folder in folders
        for path in sorted((docs_dir / folder).rglob("*"))
        if path.suffix in (".js", ".css")
    }
