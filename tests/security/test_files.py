"""Hostile files: symlinks, FIFOs, huge and stray files, reserved names, an empty folder.

Each attack is built in a temporary examples folder (Git cannot carry FIFOs, and a
symlink to /etc/passwd should not live in the repository). Every one is reported as
`PATH:LINE: datei: …`, nothing is followed or read past its limit, and no traceback.
"""

from __future__ import annotations

import io
import os
import shutil

import pytest
from PIL import Image

from conftest import VALID_CASE, build_site


def examples_with_valid_case(tmp_path):
    examples = tmp_path / "examples"
    (examples / "images").mkdir(parents=True)
    shutil.copy(VALID_CASE, examples / "koeln-faire-woche.md")
    return examples


def with_image(case_text: str, name: str) -> str:
    return case_text.replace("## Zum Nachmachen", f"![Markt in Testhausen](images/{name})\n\n## Zum Nachmachen")


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def problem_lines(run_validator, examples):
    result = run_validator(str(examples))
    assert "Traceback" not in result.err
    return result, [line.replace(f"{examples}/", "") for line in result.out[:-1]]


def test_symlinked_case_file_is_refused_and_not_read(tmp_path, run_validator):
    examples = examples_with_valid_case(tmp_path)
    (examples / "passwort.md").symlink_to("/etc/passwd")
    result, lines = problem_lines(run_validator, examples)
    assert result.code == 1
    assert lines == [
        "passwort.md:1: datei: 'passwort.md' ist ein symbolischer Link — Links werden nie gelesen; "
        "die Datei selbst ablegen oder den Link löschen"
    ]


def test_symlinked_folder_is_not_followed(tmp_path, run_validator):
    examples = examples_with_valid_case(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(VALID_CASE, outside / "fremder-fall.md")
    (examples / "unterordner").symlink_to(outside)
    result, lines = problem_lines(run_validator, examples)
    assert [line.split(": ")[0] for line in lines] == ["unterordner:1"]
    assert "symbolischer Link" in lines[0]


def test_symlinked_images_folder_and_image_are_refused(tmp_path, run_validator):
    examples = examples_with_valid_case(tmp_path)
    case = examples / "koeln-faire-woche.md"
    case.write_text(with_image(case.read_text(encoding="utf-8"), "config.png"), encoding="utf-8")
    (examples / "images" / "config.png").symlink_to(tmp_path / ".git-config")
    (tmp_path / ".git-config").write_text("[remote]\nurl = secret\n")
    result, lines = problem_lines(run_validator, examples)
    assert result.code == 1
    assert any(line.startswith("images/config.png:1: datei:") and "symbolischer Link" in line for line in lines)
    assert any(line.startswith("koeln-faire-woche.md:47: body:") and "keine gewöhnliche Datei" in line for line in lines)

    shutil.rmtree(examples / "images")
    (examples / "images").symlink_to(tmp_path)
    result, lines = problem_lines(run_validator, examples)
    assert any(line.startswith("images:1: datei:") and "symbolischer Link" in line for line in lines)


@pytest.mark.parametrize("where", ["fall.md", "images/bild.png"])
def test_fifo_is_refused_without_blocking(tmp_path, run_validator, where):
    examples = examples_with_valid_case(tmp_path)
    os.mkfifo(examples / where)
    result, lines = problem_lines(run_validator, examples)
    assert result.code == 1
    assert [line for line in lines if "keine gewöhnliche Datei" in line] == [
        f"{where}:1: datei: '{where.split('/')[-1]}' ist keine gewöhnliche Datei (etwa eine Pipe oder ein Gerät) — löschen"
    ]


def test_huge_file_is_refused_without_reading_it(tmp_path, run_validator):
    examples = examples_with_valid_case(tmp_path)
    with open(examples / "riesig.md", "wb") as handle:
        handle.truncate(4 * 1024**3)  # sparse: reading it all would take minutes and 4 GiB
    result, lines = problem_lines(run_validator, examples)
    assert lines == [
        "riesig.md:1: datei: Datei ist 4194304 KiB groß, erlaubt sind höchstens 256 KiB — Text kürzen, "
        "Bilder als eigene Dateien nach examples/images/ legen"
    ]


@pytest.mark.parametrize("name, code_text", [
    ("fall.MD", "wird nicht gelesen: Beispieldateien enden auf .md"),
    ("fall.markdown", "wird nicht gelesen: Beispieldateien enden auf .md"),
    ("angriff.html", "gehört nicht nach examples/"),
    ("images/angriff.svg", "gehört nicht nach examples/"),
    ("images/angriff.html", "gehört nicht nach examples/"),
    ("unterordner/notiz.txt", "wird nicht gelesen: Beispieldateien enden auf .md"),
])
def test_files_the_validator_would_skip_are_reported(tmp_path, run_validator, name, code_text):
    examples = examples_with_valid_case(tmp_path)
    (examples / name).parent.mkdir(parents=True, exist_ok=True)
    (examples / name).write_text("<script>alert(1)</script>\n", encoding="utf-8")
    result, lines = problem_lines(run_validator, examples)
    assert result.code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{name}:1: datei: ") and code_text in lines[0]


def test_underscore_file_other_than_the_template_is_a_warning(tmp_path, run_validator):
    examples = examples_with_valid_case(tmp_path)
    (examples / "_entwurf.md").write_text("---\n---\n", encoding="utf-8")
    result, lines = problem_lines(run_validator, examples)
    assert result.code == 0
    assert len(lines) == 1 and lines[0].startswith("_entwurf.md:1: datei: Warnung: ")


@pytest.mark.parametrize("slug", ["index", "images"])
def test_slugs_of_generated_urls_are_refused(tmp_path, run_validator, slug):
    examples = examples_with_valid_case(tmp_path)
    shutil.copy(VALID_CASE, examples / f"{slug}.md")
    (examples / f"{slug}.md").write_text(
        VALID_CASE.read_text(encoding="utf-8").replace("Faire Woche mit Diaspora-Vereinen", "Eine andere Woche"),
        encoding="utf-8",
    )
    result, lines = problem_lines(run_validator, examples)
    assert lines == [
        f"{slug}.md:1: datei: das Kürzel '{slug}' ist für Seiten der Website reserviert — einen anderen "
        "Dateinamen wählen, z. B. mit dem Namen der Kommune"
    ]


def test_an_empty_examples_folder_is_an_error(tmp_path, run_validator):
    (tmp_path / "examples").mkdir()
    result, lines = problem_lines(run_validator, tmp_path / "examples")
    assert result.code == 1
    assert len(lines) == 1 and "kein einziges Beispiel" in lines[0]


def test_build_publishes_only_referenced_images_as_clean_copies(tmp_path):
    examples = examples_with_valid_case(tmp_path)
    case = examples / "koeln-faire-woche.md"
    case.write_text(with_image(case.read_text(encoding="utf-8"), "markt.png"), encoding="utf-8")
    (examples / "images" / "markt.png").write_bytes(png_bytes() + b"<script>alert(1)</script>")
    (examples / "images" / "unbenutzt.png").write_bytes(png_bytes())
    build = build_site(tmp_path, examples)
    assert build.code == 0, build.output
    published = sorted(p.relative_to(build.site).as_posix() for p in (build.site / "beispiele" / "images").iterdir())
    assert published == ["beispiele/images/markt.png"]
    data = (build.site / "beispiele" / "images" / "markt.png").read_bytes()
    assert b"<script>" not in data
    assert Image.open(io.BytesIO(data)).size == (12, 8)
    assert not list(build.site.rglob("unbenutzt.png"))


def test_build_with_a_symlinked_image_stops_before_publishing(tmp_path):
    examples = examples_with_valid_case(tmp_path)
    case = examples / "koeln-faire-woche.md"
    case.write_text(with_image(case.read_text(encoding="utf-8"), "passwd.png"), encoding="utf-8")
    (examples / "images" / "passwd.png").symlink_to("/etc/passwd")
    build = build_site(tmp_path, examples)
    assert build.code == 1
    assert "images/passwd.png:1: datei: 'passwd.png' ist ein symbolischer Link" in build.output
    assert "Traceback" not in build.output
    assert not build.site.exists()
