"""The vocabulary file is checked like a case file: every mistake a problem on its line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO
from praxisatlas.paths import VOCABULARY_FILE
from praxisatlas.vocab import (
    VOCABULARY_ENV,
    VOCABULARY_NAMES,
    VocabularyError,
    load_vocabularies,
    read_vocabularies,
    vocabulary_problems,
)

SHOWN = "examples/vokabular.yml"
GOOD = VOCABULARY_FILE.read_text(encoding="utf-8")


def edited(old: str, new: str) -> str:
    assert GOOD.count(old) == 1, old
    return GOOD.replace(old, new)


def line_of(text: str | bytes, marker: str) -> int:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return text[: text.index(marker)].count("\n") + 1


FRIEDEN = GOOD[GOOD.index("  - slug: frieden\n") : GOOD.index("  - slug: staedtepartnerschaften")]
WITHOUT_SIZES = GOOD[: GOOD.index("sizes:")] + GOOD[GOOD.index("\n# Förder") + 1 :]


# name: (file content, text on the reported line or None for line 1, field, code)
BROKEN = {
    "not UTF-8": (GOOD.encode().replace(b"label: Menschenrechte", b"label: Menschenr\xe9chte"), "label: Menschenr", "datei", "not_utf8"),
    "too large": ("# " + "x" * 256 * 1024 + "\n" + GOOD, None, "datei", "too_large"),
    "not YAML at all": ("<html><body>Vokabular</body></html>\n", None, "datei", "vocab_not_mapping"),
    "empty": ("# nur ein Kommentar\n", None, "datei", "vocab_not_mapping"),
    "syntax error": (edited("  - slug: frieden\n", '  - slug: "frieden\n'), '"frieden', "datei", "yaml_syntax"),
    "tab indentation": (edited("  - slug: frieden\n", "\t- slug: frieden\n"), "\t- slug: frieden", "datei", "yaml_syntax"),
    "tag": (edited("label: Menschenrechte\n", "label: !!python/name:os.system\n"), "!!python", "datei", "yaml_tag"),
    "anchor": (edited("label: Menschenrechte\n", "label: &recht Menschenrechte\n"), "&recht", "datei", "yaml_anchor"),
    "alias": (edited("label: Humanitäre Hilfe\n", "label: *recht\n"), "*recht", "datei", "yaml_alias"),
    "duplicate key": (GOOD + "areas:\n  - slug: doppelt\n", "areas:\n  - slug: doppelt", "areas", "duplicate_key"),
    "list instead of mapping": ("- areas\n- formats\n", "- areas", "datei", "vocab_not_mapping"),
    "missing vocabulary": (WITHOUT_SIZES, "areas:", "sizes", "vocab_missing"),
    "unknown vocabulary": (GOOD + "aeras:\n  - slug: x\n", "aeras:", "aeras", "unknown_key"),
    "vocabulary not a list": (WITHOUT_SIZES + "sizes: klein\n", "sizes: klein", "sizes", "vocab_not_list"),
    "empty vocabulary": (WITHOUT_SIZES + "sizes: []\n", "sizes: []", "sizes", "vocab_not_list"),
    "entry missing label": (
        edited("    label: Friedensarbeit und Konfliktbewältigung\n", ""), "- slug: frieden", "areas[3]", "vocab_entry"
    ),
    "entry is text": (edited(FRIEDEN, "  - frieden\n"), "- frieden", "areas[3]", "vocab_entry"),
    "unknown entry key": (edited("    label: Menschenrechte\n", "    label: Menschenrechte\n    farbe: rot\n"), "farbe", "areas[1].farbe", "unknown_key"),
    "label is a number": (edited("label: Menschenrechte\n", "label: 12\n"), "label: 12", "areas[1].label", "vocab_text"),
    "label is empty": (edited("label: Menschenrechte\n", "label:\n"), "label:\n", "areas[1].label", "vocab_text"),
    "label is blank text": (edited("label: Menschenrechte\n", 'label: "  "\n'), 'label: "  "', "areas[1].label", "vocab_text"),
    "description is a list": (
        edited("label: Menschenrechte\n", "label: Menschenrechte\n    description: [a, b]\n").replace(
            "    description: Einsatz für Menschenrechte", "    # ", 1
        ),
        "description: [a, b]", "areas[1].description", "vocab_text",
    ),
    "slug is a yes/no value": (edited("slug: frieden\n", "slug: yes\n"), "slug: yes", "areas[3].slug", "vocab_text"),
    "duplicate slug": (edited("slug: frieden\n", "slug: menschenrechte\n"), "slug: menschenrechte\n    label: Friedens", "areas[3].slug", "vocab_duplicate"),
    "bad slug": (edited("slug: frieden\n", "slug: Frieden_und_Dialog\n"), "Frieden_und", "areas[3].slug", "vocab_bad_slug"),
    "bad state code": (edited("{slug: NW,", "{slug: NRW,"), "slug: NRW", "states[9].slug", "vocab_bad_state"),
    "programme without funder": (
        edited("    funder: Engagement Global, im Auftrag des BMZ\n", ""),
        "- slug: foerderprogramm-entwicklungspolitische-bildung", "programmes[3]", "vocab_entry",
    ),
    "programme page over http": (
        edited("url: https://skew.engagement-global.de/miglobe.html", "url: http://skew.engagement-global.de/miglobe.html"),
        "url: http://", "programmes[0].url", "bad_url",
    ),
    "programme page on an IP address": (
        edited("url: https://skew.engagement-global.de/miglobe.html", "url: https://192.168.0.1/miglobe.html"),
        "url: https://192", "programmes[0].url", "url_host",
    ),
    "funder on a term of another vocabulary": (
        edited("    label: Menschenrechte\n", "    label: Menschenrechte\n    funder: BMZ\n"), "funder: BMZ", "areas[1].funder", "unknown_key",
    ),
}


@pytest.mark.parametrize("content,marker,field,code", BROKEN.values(), ids=list(BROKEN))
def test_every_mistake_is_a_problem_on_its_line(tmp_path, content, marker, field, code):
    path = tmp_path / "vokabular.yml"
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    line = line_of(content, marker) if marker else 1
    vocabularies, problems = read_vocabularies(path, SHOWN)
    assert vocabularies == {}
    assert [(p.line, p.field, p.code) for p in problems][:1] == [(line, field, code)]
    assert problems[0].format().startswith(f"{SHOWN}:{line}: {field}: ")


def test_a_symlink_is_refused_even_to_a_good_file(tmp_path):
    link = tmp_path / "vokabular.yml"
    link.symlink_to(VOCABULARY_FILE)
    assert [p.format() for p in read_vocabularies(link, SHOWN)[1]] == [
        f"{SHOWN}:1: datei: 'vokabular.yml' ist ein symbolischer Link — Links werden nie gelesen; "
        "die Datei selbst ablegen oder den Link löschen"
    ]


@pytest.mark.parametrize("make", [os.mkfifo, os.mkdir], ids=["fifo", "folder"])
def test_anything_but_a_regular_file_is_refused_without_blocking(tmp_path, make):
    path = tmp_path / "vokabular.yml"
    make(path)
    [problem] = read_vocabularies(path, SHOWN)[1]
    assert (problem.line, problem.field) == (1, "datei")
    assert problem.code in {"special_file", "unreadable"}  # Linux opens a folder, then refuses to read it


def test_a_missing_file_is_a_problem(tmp_path):
    assert [(p.line, p.code) for p in read_vocabularies(tmp_path / "vokabular.yml", SHOWN)[1]] == [(1, "vocab_file_missing")]


def test_the_repository_vocabulary_is_valid_and_ordered_as_written():
    vocabularies, problems = read_vocabularies(VOCABULARY_FILE, SHOWN)
    assert problems == []
    assert tuple(vocabularies) == VOCABULARY_NAMES
    assert vocabularies["areas"].slugs[0] == "bildung-gesundheit"
    assert vocabularies["states"].label("NW") == "Nordrhein-Westfalen"


def test_load_vocabularies_raises_with_the_problems_for_a_broken_file(tmp_path):
    path = tmp_path / "vokabular.yml"
    path.write_text("- areas\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as raised:
        load_vocabularies(path)
    assert [p.code for p in raised.value.problems] == ["vocab_not_mapping"]


def test_a_repaired_file_is_read_again(tmp_path, monkeypatch):
    """`mkdocs serve` keeps the process: the next build must see the fixed file."""
    path = tmp_path / "vokabular.yml"
    monkeypatch.setenv(VOCABULARY_ENV, str(path))
    path.write_text(BROKEN["bad slug"][0], encoding="utf-8")
    assert [p.code for p in vocabulary_problems(str)] == ["vocab_bad_slug"]
    path.write_text(GOOD, encoding="utf-8")
    assert vocabulary_problems(str) == []
    assert load_vocabularies()["areas"].get("frieden") is not None


def test_importing_the_model_and_the_loader_reads_no_vocabulary(tmp_path):
    """A broken file must be reported by the validator, not crash the import."""
    path = tmp_path / "vokabular.yml"
    path.write_text("- areas\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", "import praxisatlas.model, praxisatlas.cases, praxisatlas.scaffold"],
        cwd=REPO / "scripts", env={**os.environ, VOCABULARY_ENV: str(path)}, capture_output=True, text=True, check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
