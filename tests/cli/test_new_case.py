"""The scaffolder: slug from title, never overwrites, writes what the validator expects."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import subprocess
import sys

import pytest
import yaml

from conftest import REPO, VALID_CASE

import new_case
from praxisatlas.cases import load_collection
from praxisatlas.scaffold import ScaffoldError, Template
from praxisatlas.vocab import VOCABULARY_ENV


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
    code, _, _ = run(tmp_path, ("Eine sehr lange Überschrift " * 4).strip())
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


def test_invalid_answers_are_asked_again_with_the_validators_words(tmp_path):
    """Each refused answer is followed by the validator's message; the file then validates."""
    wrong = {
        0: ["Zu kurz."],  # summary
        1: ["Musterstadt"],  # city: the template's placeholder
        6: ["X"],  # partner name
        8: ["Titel der Quelle"],  # source title: the template's placeholder
        9: ["www.beispiel.de/bericht"],  # source address without scheme
    }
    answers = [reply for index, answer in enumerate(ANSWERS) for reply in [*wrong.get(index, []), answer]]
    code, out, err = run(tmp_path, "Faire Woche in Testhausen", answers=answers)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "zu kurz: 8 Zeichen, mindestens 50 nötig" in lines
    assert "enthält noch den Platzhalter 'Musterstadt' aus der Vorlage — durch echte Angaben ersetzen oder das Feld löschen" in lines
    assert "zu kurz: 1 Zeichen, mindestens 2 nötig" in lines
    assert "enthält noch den Platzhalter 'Titel der Quelle' aus der Vorlage — durch echte Angaben ersetzen oder das Feld löschen" in lines
    assert any(line.startswith("'www.beispiel.de/bericht' ist keine vollständige Web-Adresse") for line in lines)
    loaded = load_collection([tmp_path / "faire-woche-in-testhausen.md"], dt.date.today(), tmp_path)
    [case] = loaded.cases
    assert [p.code for p in loaded.problems] == ["word_count"]
    assert case.case.summary == ANSWERS[0]
    assert case.case.sources[0].url == "https://www.beispiel.de/bericht"


def test_a_source_without_address_asks_why_and_records_the_reason(tmp_path):
    code, _, _ = run(tmp_path, "Faire Woche in Testhausen", answers=[*ANSWERS[:-1], "", "", "gedrucktes Heft, nicht online"])
    loaded = load_collection([tmp_path / "faire-woche-in-testhausen.md"], dt.date.today(), tmp_path)
    [case] = loaded.cases
    assert code == 0
    assert [p for p in loaded.problems if p.is_error] == []  # an empty reason was asked again
    assert case.case.sources[0].url is None
    assert case.case.sources[0].offline == "gedrucktes Heft, nicht online"


REFUSED_TITLES = {
    "Abc": "Fehler: Titel 'Abc': zu kurz: 3 Zeichen, mindestens 5 nötig",
    "Faire Woche " * 11: "Fehler: Titel 'Faire Woche Faire Woche Faire Woche Faire Woche Faire Woche Faire Woche Faire W…': "
    "zu lang: 132 Zeichen, höchstens 120 erlaubt — kürzen",
    "Titel des Beispiels": "Fehler: Titel 'Titel des Beispiels': enthält noch den Platzhalter 'Titel des Beispiels' aus der Vorlage — "
    "durch echte Angaben ersetzen oder das Feld löschen",
    "Index": "Fehler: Der Titel 'Index' ergibt das Kürzel 'index', das für Seiten der Website reserviert ist — "
    "bitte einen anderen Titel wählen, z. B. mit dem Namen der Kommune.",
}


@pytest.mark.parametrize("interactive", [False, True], ids=["vorlage", "interaktiv"])
@pytest.mark.parametrize("title", REFUSED_TITLES, ids=["zu-kurz", "zu-lang", "platzhalter", "reserviert"])
def test_titles_the_validator_refuses_are_refused_and_nothing_is_written(tmp_path, title, interactive):
    code, out, err = run(tmp_path, title, answers=ANSWERS if interactive else None)
    assert (code, out) == (1, "")
    assert err == REFUSED_TITLES[title] + "\n"
    assert list(tmp_path.iterdir()) == []


CANDIDATE_TITLES = [
    "Faire Woche", "Fair", "Faire Woche\u202e in Testhausen", "Faire\u200bWoche in Testhausen",
    "Faire Woche\x07 in Testhausen", "Faire Woche\nin Testhausen", "Faire Woche" + " " * 120, "Ü" * 121,
]


@pytest.mark.parametrize("title", CANDIDATE_TITLES, ids=range(len(CANDIDATE_TITLES)))
def test_the_scaffolder_refuses_a_title_exactly_when_the_validator_does(tmp_path, title):
    """Whatever rule the validator gains for titles, the scaffolder follows it."""
    folder, case_file = tmp_path / "neu", tmp_path / "fall" / "fall.md"
    case_file.parent.mkdir()
    case_file.write_text(VALID_CASE.read_text(encoding="utf-8").replace(
        'title: "Faire Woche mit Diaspora-Vereinen"', f"title: {json.dumps(title)}"), encoding="utf-8")
    validator_refuses = "title" in {p.field for p in load_collection([case_file], dt.date.today()).problems}
    code, _, err = run(folder, title)
    assert code == (1 if validator_refuses else 0), err
    assert folder.exists() != validator_refuses


def test_a_broken_vocabulary_file_is_reported_and_nothing_is_written(tmp_path, monkeypatch):
    vocabulary = tmp_path / "vokabular.yml"
    vocabulary.write_text("areas:\n  - slug: faire-woche\n", encoding="utf-8")
    monkeypatch.setenv(VOCABULARY_ENV, str(vocabulary))
    folder = tmp_path / "neu"
    code, out, err = run(folder, "Faire Woche in Testhausen", answers=ANSWERS)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0].startswith(f"{vocabulary}:1: city_types: Vokabular 'city_types' fehlt — ")
    assert lines[-2].startswith(f"{vocabulary}:2: areas[0]: Eintrag ohne label, description — ")
    assert lines[-1] == "Fehler: Die Vokabulardatei ist fehlerhaft — erst sie reparieren; keine Datei angelegt."
    assert not folder.exists()


def test_a_template_that_is_a_symlink_is_refused(tmp_path):
    link = tmp_path / "_vorlage.md"
    link.symlink_to(REPO / "examples" / "_vorlage.md")
    with pytest.raises(ScaffoldError, match="ist beschädigt"):
        Template.read(link)
