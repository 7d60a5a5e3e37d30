"""The validator's command line: exit codes, summary, schema, annotations, no writes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

from conftest import FIXTURES, REPO, VALID_CASE


def test_valid_file_exits_zero_with_summary(run_validator):
    result = run_validator(str(VALID_CASE.relative_to(REPO)))
    assert result.code == 0
    assert result.out == ["Alles in Ordnung: 1 Datei geprüft, keine Probleme gefunden."]


def test_unknown_option_is_a_usage_error_on_stderr(run_validator):
    result = run_validator("--gibt-es-nicht")
    assert result.code == 2
    assert result.out == []
    assert "Aufruffehler: unrecognized arguments: --gibt-es-nicht" in result.err


def test_missing_path_is_a_usage_error(run_validator):
    result = run_validator("examples/gibt-es-nicht.md")
    assert result.code == 2
    assert result.err == "Aufruffehler: nicht gefunden: examples/gibt-es-nicht.md\n"


def test_warnings_are_marked_and_do_not_fail_the_run(run_validator, tmp_path):
    case = tmp_path / "kurz.md"
    case.write_text(VALID_CASE.read_text(encoding="utf-8").split("## Zum Nachmachen")[0], encoding="utf-8")
    result = run_validator(str(case))
    assert result.code == 0
    assert result.out == [
        f"{case}:39: body: Warnung: Text hat 76 Wörter, empfohlen sind 80 bis 400",
        "0 Fehler und 1 Warnung; 1 Datei geprüft, gültig.",
    ]


def test_leftover_template_placeholder_is_an_error(run_validator, tmp_path):
    case = tmp_path / "entwurf.md"
    case.write_text(VALID_CASE.read_text(encoding="utf-8").replace('city: "Testhausen"', 'city: "Musterstadt"'), encoding="utf-8")
    result = run_validator(str(case))
    assert result.code == 1
    assert result.out == [
        f"{case}:4: city: enthält noch den Platzhalter 'Musterstadt' aus der Vorlage — "
        "durch echte Angaben ersetzen oder das Feld löschen",
        "1 Fehler und 0 Warnungen; 1 von 1 Datei ungültig.",
    ]


def test_file_larger_than_256_kib_is_refused(run_validator, tmp_path):
    case = tmp_path / "riesig.md"
    case.write_bytes(VALID_CASE.read_bytes() + b"x" * (256 * 1024))
    result = run_validator(str(case))
    assert result.code == 1
    assert result.out[0] == (
        f"{case}:1: datei: Datei ist 258 KiB groß, erlaubt sind höchstens 256 KiB — Text kürzen, "
        "Bilder als eigene Dateien nach examples/images/ legen"
    )


def test_schema_option_prints_a_draft_2020_12_schema(run_validator):
    result = run_validator("--schema")
    schema = json.loads("\n".join(result.out))
    assert result.code == 0
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["areas"]["items"]["enum"][0] == "bildung-gesundheit"
    assert schema["properties"]["summary"]["description"].startswith("Kurzfassung")


def test_github_annotations_follow_each_problem_line(run_validator, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run_validator("tests/fixtures/invalid/period-order.md")
    assert result.out[:2] == [
        "tests/fixtures/invalid/period-order.md:22: period.from: Beginn 2021 liegt nach dem Ende 2020 — die Jahre prüfen",
        "::error file=tests/fixtures/invalid/period-order.md,line=22::period.from: Beginn 2021 liegt nach dem Ende 2020 — die Jahre prüfen",
    ]


def test_github_annotations_mark_warnings_as_warnings(run_validator, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    case = tmp_path / "kurz.md"
    case.write_text(VALID_CASE.read_text(encoding="utf-8").split("## Zum Nachmachen")[0], encoding="utf-8")
    result = run_validator(str(case))
    assert result.code == 0
    assert result.out[:2] == [
        f"{case}:39: body: Warnung: Text hat 76 Wörter, empfohlen sind 80 bis 400",
        f"::warning file={case},line=39::body: Text hat 76 Wörter, empfohlen sind 80 bis 400",
    ]


def test_validator_never_modifies_any_file(run_validator):
    files = sorted(p for p in FIXTURES.rglob("*") if p.is_file())
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    run_validator("tests/fixtures")
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(p for p in FIXTURES.rglob("*") if p.is_file())}
    assert after == before


def test_command_line_entry_point_runs_as_a_subprocess():
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    done = subprocess.run(
        [sys.executable, "scripts/validate.py", "tests/fixtures/invalid/unknown-key.md"],
        cwd=REPO, capture_output=True, text=True, env=env, check=False,
    )
    assert done.returncode == 1
    assert done.stderr == ""
    assert done.stdout.splitlines()[0].startswith("tests/fixtures/invalid/unknown-key.md:3: sumary: unbekanntes Feld 'sumary' — meinten Sie 'summary'?")
