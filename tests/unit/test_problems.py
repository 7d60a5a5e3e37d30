"""Printed problems stay one line and cannot inject GitHub workflow commands, whatever a file
name or value holds."""

from __future__ import annotations

from conftest import VALID_CASE
from praxisatlas import messages
from praxisatlas.characters import visible
from praxisatlas.problems import Problem

HOSTILE_NAME = "a\n::add-mask::geheim\r\u202egnp.md"


def test_format_escapes_controls_bidi_and_zero_width_in_every_part():
    problem = Problem(HOSTILE_NAME, 3, "title\u200b", "x", "Wert 'a\nb\u2066'")
    assert problem.format() == "a\\n::add-mask::geheim\\r\\u202egnp.md:3: title\\u200b: Wert 'a\\nb\\u2066'"


def test_quoted_values_show_invisible_characters_as_escapes():
    message = messages.render("bad_url", value="https://\u202eed.leipsieb.www\u200b\n", schemes="https://")
    assert message.startswith("'https://\\u202eed.leipsieb.www\\u200b\\n' ist keine")


def read_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command read the way the Actions runner reads it: name and properties up to
    the first '::', properties split at ',' and '=', then the escapes undone."""
    def unescape(text: str) -> str:
        for escaped, character in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            text = text.replace(escaped, character)
        return text

    assert line.startswith("::") and len(line.splitlines()) == 1
    command, _, data = line[2:].partition("::")
    name, _, properties = command.partition(" ")
    return name, {k: unescape(v) for k, v in (p.split("=", 1) for p in properties.split(","))}, unescape(data)


def test_github_annotation_escapes_data_and_properties_as_github_requires():
    problem = Problem("ordner/a,b:c%0A.md", 7, "title", "x", "50 % von a\r\nb")
    line = problem.format_github()
    assert line == "::error file=ordner/a%2Cb%3Ac%250A.md,line=7::title: 50 %25 von a\\r\\nb"
    assert read_command(line) == ("error", {"file": "ordner/a,b:c%0A.md", "line": "7"}, "title: 50 % von a\\r\\nb")


def test_a_file_name_cannot_start_a_workflow_command_of_its_own():
    for name in (HOSTILE_NAME, "a%0A::error::x.md", "x%0D%0A::set-output name=a::b.md", "a,line=1,title=x::y.md"):
        command, properties, _ = read_command(Problem(name, 1, "datei", "x", "Meldung").format_github())
        assert (command, properties) == ("error", {"file": visible(name), "line": "1"})


def test_validator_run_gives_exactly_one_annotation_per_problem(run_validator, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    names = ["a%0A::error::x.md", "b\n::add-mask::x.md"]
    for name in names:
        (tmp_path / name).write_bytes(VALID_CASE.read_bytes())
    result = run_validator(str(tmp_path))
    problem_lines, annotations = result.out[:-1:2], result.out[1:-1:2]
    assert len(problem_lines) == len(annotations) == 2
    assert not any(line.startswith("::") for line in problem_lines)
    files = sorted(read_command(line)[1]["file"] for line in annotations)
    assert files == [visible(str(tmp_path / name)) for name in names]
    assert any("b\\n::add-mask::x.md" in line for line in problem_lines)
