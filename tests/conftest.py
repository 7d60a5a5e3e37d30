"""Shared helpers: fixture paths, a fixed date, an in-process validator run, site builds."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
VALID_CASE = FIXTURES / "valid" / "koeln-faire-woche.md"
TODAY = dt.date(2026, 6, 1)

sys.path.insert(0, str(REPO / "scripts"))

from praxisatlas.siteconfig import write_site_config  # noqa: E402


@dataclass
class Run:
    code: int
    out: list[str]
    err: str


@pytest.fixture
def run_validator(monkeypatch):
    """Run `validate.main` in-process from the repository root, like an editor would."""
    import validate

    monkeypatch.chdir(REPO)

    def run(*argv: str, today: dt.date = TODAY) -> Run:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = validate.main(list(argv), today=today)
            except SystemExit as exit_:
                code = int(exit_.code)
        return Run(code, out.getvalue().splitlines(), err.getvalue())

    return run


@dataclass
class Build:
    code: int
    output: str
    site: Path

    def page(self, url: str) -> BeautifulSoup:
        """Parse the HTML served at a site URL like `beispiele/x/`."""
        path = self.site / url / "index.html" if not url.endswith(".html") else self.site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def build_site(tmp: Path, examples: Path, environment: dict[str, str] | None = None) -> Build:
    """`mkdocs build --strict` with the project's config, reading cases from `examples`;
    `environment` adds variables such as PRAXISATLAS_VOCABULARY."""
    config = write_site_config(tmp, examples)
    site = tmp / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PRAXISATLAS_SITE_URL": "https://atlas.test/", **(environment or {})}
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


# Cases for the long-list site: enough that the largest format needs several pages.
LONG_SITE_CASES = 200


@pytest.fixture(scope="session")
def long_site(tmp_path_factory) -> Build:
    """A site of LONG_SITE_CASES generated cases (praxisatlas/benchdata.py, as the benchmark
    uses): long term lists split into pages, a finder with more than one page of results.
    The case files lie in `site.parent / "examples"`."""
    from praxisatlas.benchdata import generate_cases, write_cases

    folder = tmp_path_factory.mktemp("long")
    write_cases(folder / "examples", generate_cases(LONG_SITE_CASES))
    build = build_site(folder, folder / "examples")
    assert build.code == 0, build.output
    return build


@pytest.fixture(scope="session")
def escaping_site(tmp_path_factory) -> Build:
    build = build_site(tmp_path_factory.mktemp("escaping"), FIXTURES / "site-escaping")
    assert build.code == 0, build.output
    return build
