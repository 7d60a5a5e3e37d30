"""Body rules that need a real images folder; the rest is covered by the CLI fixtures."""

from __future__ import annotations

from praxisatlas.body import body_problems

TEXT = " ".join(["Wort"] * 100)


def test_local_image_with_alt_text_is_accepted(tmp_path):
    (tmp_path / "plakat.jpg").write_bytes(b"\xff\xd8")
    body = f"{TEXT}\n\n![Plakat der Fairen Woche](images/plakat.jpg)\n"
    assert body_problems("fall.md", body, 10, images_dir=tmp_path) == []


def test_allowed_inline_html_passes(tmp_path):
    body = f"{TEXT} <abbr title=\"Servicestelle Kommunen in der Einen Welt\">SKEW</abbr> H<sub>2</sub>O\n"
    assert body_problems("fall.md", body, 10, images_dir=tmp_path) == []


def test_problem_line_points_into_a_multi_line_paragraph(tmp_path):
    body = f"{TEXT}\n\nErste Zeile\nzweite mit [Link](javascript:void(0))\n"
    problems = body_problems("fall.md", body, 10, images_dir=tmp_path)
    assert [(p.line, p.code) for p in problems] == [(13, "link_scheme")]


def test_obfuscated_javascript_scheme_is_still_refused(tmp_path):
    body = f"{TEXT}\n\n[x](&#74;ava&#x53;cript:alert(1))\n"
    problems = body_problems("fall.md", body, 1, images_dir=tmp_path)
    assert [p.code for p in problems] == ["link_scheme"]
