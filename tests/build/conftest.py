"""Build the site into a temporary folder, from the real cases or from a fixture folder."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, REPO


@dataclass
class Build:
    code: int
    output: str
    site: Path

    def page(self, url: str) -> BeautifulSoup:
        """Parse the HTML served at a site URL like `beispiele/x/`."""
        path = self.site / url / "index.html" if not url.endswith(".html") else self.site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def build_site(tmp: Path, examples: Path) -> Build:
    """`mkdocs build --strict` with the project's config, reading cases from `examples`."""
    config = tmp / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        f"docs_dir: {REPO / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {REPO / 'overrides'}\n"
        f"hooks:\n  - {REPO / 'scripts' / 'hooks.py'}\n"
        "watch: []\n"
        f"extra:\n  atlas:\n    examples_dir: {examples}\n",
        encoding="utf-8",
    )
    site = tmp / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PRAXISATLAS_SITE_URL": "https://atlas.test/"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=tmp, capture_output=True, text=True, env=env, check=False,
    )
    return Build(done.returncode, done.stdout + done.stderr, site)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    build = build_site(tmp_path_factory.mktemp("real"), REPO / "examples")
    assert build.code == 0, build.output
    return build


@pytest.fixture(scope="session")
def escaping_site(tmp_path_factory) -> Build:
    build = build_site(tmp_path_factory.mktemp("escaping"), FIXTURES / "site-escaping")
    assert build.code == 0, build.output
    return build
