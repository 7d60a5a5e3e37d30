"""The scaffolder: slug from title, never overwrites, writes what the validator expects."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import subprocess
import sys

import yaml

from conftest import REPO

import new_case
from praxisatlas.cases import load_collection


def run(tmp_path, *argv, answers=None):
    out, err = io.StringIO(), io.StringIO()
    replies = iter(answers or [])
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = new_case.main([*argv, "--ordner", str(tmp_path)], ask=lambda _: next(replies), interactive=answers is not None)
    return code, out.getvalue(), err.getvalue()


def test_title_becomes_slug_file_and_next_steps_are_printed(tmp_path):
    code, out, err = run(tmp_path, "Faire Wochen in Köln & Umgebung")
    assert (code, err) == (0, "")
    written = tmp_path / "faire-wochen-in-koeln-umgebung.md"
    assert out.splitlines()[0] == f"Angelegt: {written}"
    assert "Nächste Schritte:" in out.splitlines()
    assert yaml.safe_load(written.read_text(encoding="utf-8").split("---\n")[1])["title"] == "Faire Wochen in Köln & Umgebung"


def test_existing_file_is_never_overwritten(tmp_path):
    existing = tmp_path / "faire-woche.md"
    existing.write_text("meins", encoding="utf-8")
    code, out, err = run(tmp_path, "Faire Woche")
    assert (code, out) == (1, "")
    assert err == f"Fehler: {existing} gibt es schon — nichts überschrieben. Bitte einen anderen Titel wählen oder die Datei bearbeiten.\n"
    assert existing.read_text(encoding="utf-8") == "meins"


def test_title_without_letters_is_refused(tmp_path):
    for title in ("", "!!! ???"):
        code, out, err = run(tmp_path, title)
        assert code == 1
        assert err.startswith("Fehler: Aus dem Titel")
    assert list(tmp_path.iterdir()) == []


def test_very_long_title_gives_a_slug_of_at_most_80_characters(tmp_path):
    code, _, _ = run(tmp_path, "Eine sehr lange Überschrift " * 8)
    [written] = tmp_path.iterdir()
    assert code == 0
    assert len(written.stem) <= 80
    assert not written.stem.endswith("-")


def test_quotes_in_title_stay_valid_yaml(tmp_path):
    run(tmp_path, 'Das "Fest der Kulturen": Köln')
    [written] = tmp_path.iterdir()
    assert yaml.safe_load(written.read_text(encoding="utf-8").split("---\n")[1])["title"] == 'Das "Fest der Kulturen": Köln'


def test_written_template_only_lacks_the_real_facts(tmp_path):
    """The validator reads it cleanly; it only asks to replace the placeholders."""
    run(tmp_path, "Faire Woche in Testhausen")
    loaded = load_collection([tmp_path / "faire-woche-in-testhausen.md"], dt.date.today(), tmp_path)
    assert {p.code for p in loaded.problems} == {"placeholder", "word_count"}
    assert loaded.cases == []


ANSWERS = [
    "Die Stadt plant mit einem Verein von Menschen aus Ghana eine Woche zum fairen Handel.",
    "Testhausen", "1", "10", "7", "1,2", "Afrikanischer Verein Testhausen", "2",
    "Bericht der Stadt", "https://www.beispiel.de/bericht",
]


def test_interactive_answers_give_a_valid_case(tmp_path):
    code, out, _ = run(tmp_path, "Faire Woche in Testhausen", answers=ANSWERS)
    loaded = load_collection([tmp_path / "faire-woche-in-testhausen.md"], dt.date.today(), tmp_path)
    [case] = loaded.cases
    assert code == 0
    assert [p.code for p in loaded.problems] == ["word_count"]
    assert case.case.state == "NW"
    assert case.case.formats == ["veranstaltungen", "informationsarbeit"]
    assert case.case.partners[0].type == "migrantische-organisation"


def test_interactive_mode_asks_again_after_a_wrong_answer(tmp_path):
    answers = ANSWERS[:2] + ["99", "x"] + ANSWERS[2:]
    code, out, _ = run(tmp_path, "Faire Woche in Testhausen", answers=answers)
    assert code == 0
    assert out.count("Bitte eine Nummer von 1 bis 3 eingeben.") == 2


def test_without_a_terminal_the_template_is_written(tmp_path):
    done = subprocess.run(
        [sys.executable, "scripts/new_case.py", "ZZ Test ohne Terminal", "--ordner", str(tmp_path)],
        cwd=REPO, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    target = tmp_path / "zz-test-ohne-terminal.md"
    assert done.stdout.splitlines()[0] == f"Angelegt: {target}"
    assert "# (Pflicht) Titel, 5–120 Zeichen." in target.read_text(encoding="utf-8")
