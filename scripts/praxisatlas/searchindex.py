"""The search index: Pagefind run over the built site (DESIGN.md, Search and finder).

Pagefind reads the HTML MkDocs wrote and indexes only what the templates mark with
data-pagefind-body (case pages and hand-written pages), with the finder's filters and
result fields from data-pagefind-filter/-meta/-sort. The binary ships in the PyPI wheel
pagefind[bin]; it writes /pagefind/ next to the pages and loads nothing until asked.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUTPUT_SUBDIR = "pagefind"
# Code samples (the editor guide's YAML) answer no visitor's question.
EXCLUDED = "pre, code"


class SearchIndexError(Exception):
    """Pagefind failed; the message holds its own output."""


def build_search_index(site_dir: Path) -> None:
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT_SUBDIR,
        "--exclude-selectors", EXCLUDED, "--force-language", "de", "--silent",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (site_dir / OUTPUT_SUBDIR / "pagefind.js").is_file():
        raise SearchIndexError((done.stdout + done.stderr).strip() or f"pagefind exit {done.returncode}")
