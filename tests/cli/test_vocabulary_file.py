"""A broken vocabulary file stops the validator, the loader and the build with its lines."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO, VALID_CASE
from praxisatlas.cases import load_collection
from praxisatlas.paths import VOCABULARY_FILE
from praxisatlas.vocab import VOCABULARY_ENV

GOOD = VOCABULARY_FILE.read_text(encoding="utf-8")
BAD_SLUG = GOOD.replace("slug: frieden\n", "slug: Frieden\n")
BAD_SLUG_LINE = (
    "areas[3].slug: Kürzel 'Frieden' ist ungültig — nur Kleinbuchstaben a–z, Ziffern und einzelne "
    "Bindestriche, höchstens 80 Zeichen, z. B. 'frieden'"
)


def test_validator_cli_reports_the_vocabulary_and_no_traceback(tmp_path):
    """In a fresh process, so that reading the vocabulary at import time would show."""
    vocabulary = tmp_path / "vokabular.yml"
    vocabulary.write_text(BAD_SLUG, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "scripts/validate.py", str(VALID_CASE.relative_to(REPO))],
        cwd=REPO, env={**os.environ, VOCABULARY_ENV: str(vocabulary)}, capture_output=True, text=True, check=False,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [
        f"{vocabulary}:16: {BAD_SLUG_LINE}",
        "1 Fehler und 0 Warnungen; 1 von 1 Datei ungültig.",
    ]


def test_vocabulary_problems_are_all_the_collection_reports(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vokabular.yml").symlink_to(VOCABULARY_FILE)
    monkeypatch.setenv(VOCABULARY_ENV, str(tmp_path / "vokabular.yml"))
    collection = load_collection([REPO / "examples"])
    assert collection.cases == []
    assert collection.has_errors
    assert [p.format() for p in collection.problems] == [
        "vokabular.yml:1: datei: 'vokabular.yml' ist ein symbolischer Link — Links werden nie gelesen; "
        "die Datei selbst ablegen oder den Link löschen"
    ]


def test_a_repaired_vocabulary_lets_the_cases_through(tmp_path, monkeypatch):
    vocabulary = tmp_path / "vokabular.yml"
    monkeypatch.setenv(VOCABULARY_ENV, str(vocabulary))
    vocabulary.write_text(BAD_SLUG, encoding="utf-8")
    assert load_collection([VALID_CASE]).cases == []
    vocabulary.write_text(GOOD, encoding="utf-8")
    collection = load_collection([VALID_CASE])
    assert ([c.slug for c in collection.cases], collection.problems) == (["koeln-faire-woche"], [])


def test_schema_export_reports_a_broken_vocabulary_instead_of_crashing(tmp_path):
    vocabulary = tmp_path / "vokabular.yml"
    vocabulary.write_text(BAD_SLUG, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "scripts/validate.py", "--schema"],
        cwd=REPO, env={**os.environ, VOCABULARY_ENV: str(vocabulary)}, capture_output=True, text=True, check=False,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [f"{vocabulary}:16: {BAD_SLUG_LINE}"]
