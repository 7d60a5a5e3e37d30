"""A MkDocs configuration that builds this project's site from another folder of cases.

The tests build fixtures and the benchmark builds generated cases; both need the project's
own mkdocs.yml, theme and hooks with only `examples_dir` changed, written the same way.
"""

from __future__ import annotations

from pathlib import Path

from .paths import CONFIG_FILE, REPO_ROOT


def write_site_config(folder: Path, examples: Path) -> Path:
    """Write `folder/mkdocs.yml` inheriting the project's configuration, reading cases from `examples`."""
    config = folder / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {CONFIG_FILE}\n"
        f"docs_dir: {REPO_ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {REPO_ROOT / 'overrides'}\n"
        f"hooks:\n  - {REPO_ROOT / 'scripts' / 'hooks.py'}\n"
        "watch: []\n"
        f"extra:\n  atlas:\n    examples_dir: {examples}\n",
        encoding="utf-8",
    )
    return config
