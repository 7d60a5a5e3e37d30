"""Body rules judged on the rendered HTML; the CLI fixtures cover the messages file by file."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from praxisatlas.body import ImageIndex, check_body
from praxisatlas.markup import BodyRenderer, case_body_settings
from praxisatlas.paths import CONFIG_FILE

TEXT = " ".join(["Wort"] * 100)
RENDERER = BodyRenderer(case_body_settings(CONFIG_FILE))


def problems(body: str, images, first_line: int = 10):
    return check_body("fall.md", body, first_line, RENDERER, ImageIndex(images)).problems


def jpeg(path, size=(20, 10)) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())


def test_local_image_with_alt_text_is_accepted_and_listed(tmp_path):
    jpeg(tmp_path / "plakat.jpg")
    body = f"{TEXT}\n\n![Plakat der Fairen Woche](images/plakat.jpg)\n"
    result = check_body("fall.md", body, 10, RENDERER, ImageIndex(tmp_path))
    assert result.problems == []
    assert result.images == ("plakat.jpg",)
    assert '<img alt="Plakat der Fairen Woche" src="../images/plakat.jpg"' in result.rendered.html


def test_allowed_inline_html_passes(tmp_path):
    body = f"{TEXT} <abbr title=\"Servicestelle Kommunen in der Einen Welt\">SKEW</abbr> H<sub>2</sub>O\n"
    assert problems(body, tmp_path) == []


def test_site_extensions_that_cases_may_use_pass(tmp_path):
    body = f"{TEXT}\n\n!!! tip \"Tipp\"\n    Früh planen.\n\n??? note \"Mehr\"\n    Details.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n*[SKEW]: Servicestelle\n\nSKEW\n"
    assert problems(body, tmp_path) == []


def test_problem_line_points_into_a_multi_line_paragraph(tmp_path):
    body = f"{TEXT}\n\nErste Zeile\nzweite mit [Link](javascript:void(0))\n"
    assert [(p.line, p.code) for p in problems(body, tmp_path)] == [(13, "link_scheme")]


def test_obfuscated_javascript_scheme_is_still_refused(tmp_path):
    body = f"{TEXT}\n\n[x](&#74;ava&#x53;cript:alert(1))\n"
    assert [p.code for p in problems(body, tmp_path, 1)] == ["link_scheme"]


def test_attribute_lists_are_not_interpreted_for_cases(tmp_path):
    """attr_list is off for case bodies: `{: onclick=… }` stays visible text, never markup."""
    body = f"{TEXT}\n\nAbsatz\n{{: onclick=\"alert(1)\" }}\n"
    result = check_body("fall.md", body, 1, RENDERER, ImageIndex(tmp_path))
    assert result.problems == []
    assert "<p onclick" not in result.rendered.html
    assert '{: onclick="alert(1)" }</p>' in result.rendered.html


def test_markdown_inside_html_is_not_interpreted(tmp_path):
    body = f"{TEXT}\n\n<div markdown=\"1\">\n[x](javascript:alert(1))\n</div>\n"
    result = check_body("fall.md", body, 1, RENDERER, ImageIndex(tmp_path))
    assert [p.code for p in result.problems] == ["html_attribute"]
    assert 'href="javascript' not in result.rendered.html


@pytest.mark.parametrize("body, code", [
    ("<!-- versteckt -->", "html_comment"),
    ("# Zweiter Titel", "heading_level"),
    ("## __search", "heading_id"),
    ("!!! evil \"x\"\n    y", "html_class"),
    ("| A |\n|:--|\n| 1 |", "table_align"),
    ("<![CDATA[<img src=x onerror=alert(1)>]]>", "html_markup"),
])
def test_each_markup_class_has_its_own_message(tmp_path, body, code):
    assert code in [p.code for p in problems(f"{TEXT}\n\n{body}\n", tmp_path)]


def test_deep_nesting_is_a_problem_not_a_recursion_error(tmp_path):
    nested = "".join("    " * i + "- x\n" for i in range(40))
    found = problems(f"{TEXT}\n\n{nested}", tmp_path)
    assert [(p.line, p.code) for p in found] == [(21, "nesting_too_deep")]
    one_line = problems(f"{TEXT}\n\n" + "- " * 300 + "x\n", tmp_path)
    assert [p.code for p in one_line] == ["nesting_too_deep"]
    quotes = problems(f"{TEXT}\n\n" + "> " * 400 + "x\n", tmp_path)
    assert [p.code for p in quotes] == ["nesting_too_deep"]
    assert quotes[0].message.endswith("(genaue Zeile nicht bestimmbar, gemeldet ist der Textanfang)")


def test_inputs_that_slow_the_renderer_are_refused_before_rendering(tmp_path):
    assert [p.code for p in problems(TEXT + " " + "<a " * 5000, tmp_path)] == ["markup_limit"]
    assert [p.code for p in problems(TEXT + " " + "![" * 5000, tmp_path)] == ["markup_limit"]
    assert [p.code for p in problems("Wort " * 5000, tmp_path)] == ["body_too_long"]


@pytest.mark.parametrize("content, code", [
    (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "image_type"),
    (b"<html><script>alert(1)</script></html>", "image_type"),
    (b"\xff\xd8\xff\xe0 truncated", "image_type"),
])
def test_images_are_checked_by_content(tmp_path, content, code):
    (tmp_path / "bild.jpg").write_bytes(content)
    found = problems(f"{TEXT}\n\n![Bild](images/bild.jpg)\n", tmp_path)
    assert [p.code for p in found] == [code]


def test_png_content_behind_a_jpg_name_is_refused(tmp_path):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "PNG")
    (tmp_path / "bild.jpg").write_bytes(buffer.getvalue())
    assert [p.code for p in problems(f"{TEXT}\n\n![Bild](images/bild.jpg)\n", tmp_path)] == ["image_type"]


def test_oversized_images_are_refused(tmp_path):
    jpeg(tmp_path / "breit.jpg", size=(4001, 10))
    (tmp_path / "gross.jpg").write_bytes(b"\xff" * (2 * 1024 * 1024 + 1))
    body = f"{TEXT}\n\n![Breit](images/breit.jpg)\n\n![Groß](images/gross.jpg)\n"
    assert sorted(p.code for p in problems(body, tmp_path)) == ["image_dimensions", "image_too_large"]


def test_contact_data_in_the_body_is_a_warning_on_its_line(tmp_path):
    body = f"{TEXT}\n\nFragen an [die Stelle](mailto:anna.beispiel@stadt.example.de) oder Tel. 0221 123456.\n"
    found = problems(body, tmp_path)
    assert [(p.line, p.code, p.severity) for p in found] == [
        (12, "body_contact_data", "warning"), (12, "body_contact_data", "warning"),
    ]
    assert "anna.beispiel@stadt.example.de" in found[0].message


def test_invisible_characters_in_the_body_are_errors_on_their_line(tmp_path):
    found = problems(f"{TEXT}\n\nEin \u202eumgedrehter\u202c Satz.\n", tmp_path)
    assert [(p.line, p.code) for p in found] == [(12, "forbidden_character")]
    assert "U+202E (Richtungsumkehr) an Stelle 5" in found[0].message
