"""Shared helpers: fixture paths, a fixed date, and an in-process validator run."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
VALID_CASE = FIXTURES / "valid" / "koeln-faire-woche.md"
TODAY = dt.date(2026, 6, 1)

sys.path.insert(0, str(REPO / "scripts"))


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
