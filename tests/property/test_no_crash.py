"""Properties: whatever a file contains, the validator answers with well-formed lines."""

from __future__ import annotations

import re
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import VALID_CASE

LINE = re.compile(r"^(?P<path>[^\n]+\.md):(?P<line>[1-9]\d*): (?P<field>[\w.\[\]-]+): (Warnung: )?\S.*$")
SUMMARY = re.compile(r"^(Alles in Ordnung: .*|\d+ Fehler und \d+ Warnung(en)?; .*)\.$")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

VALID_TEXT = VALID_CASE.read_text(encoding="utf-8")
FRONT_LINES = VALID_TEXT.split("---\n")[1].splitlines()
YAML_PIECES = st.sampled_from(
    ["", "  ", "- ", ": ", '"', "'", "&a ", "*a", "!!str ", "[", "]", "{", "}", "#", "\t", "NO", "yes",
     "2018-09-26", "1e3", "~", "null", "|", ">", "? ", "- - ", "title", "areas", "partners", "\n"]
)


def assert_well_formed(result, file_count: int = 1) -> None:
    assert result.code in (0, 1)
    assert result.out, "no output at all"
    *problems, summary = result.out
    assert SUMMARY.match(summary), summary
    for line in problems:
        assert LINE.match(line), line
    assert (result.code == 1) == any(": Warnung: " not in line for line in problems)


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(run_validator, tmp_path_factory, content):
    case = tmp_path_factory.mktemp("bytes") / "fall.md"
    case.write_bytes(content)
    assert_well_formed(run_validator(str(case)))


@SETTINGS
@given(st.text(max_size=2000))
def test_arbitrary_text_after_a_fence_never_crashes(run_validator, tmp_path_factory, text):
    case = tmp_path_factory.mktemp("text") / "fall.md"
    case.write_text("---\n" + text, encoding="utf-8")
    assert_well_formed(run_validator(str(case)))


@SETTINGS
@given(
    st.lists(
        st.tuples(st.integers(0, len(FRONT_LINES) - 1), st.lists(YAML_PIECES, max_size=4).map("".join)),
        max_size=6,
    ),
    st.text(string.printable, max_size=300),
)
def test_mutated_front_matter_never_crashes(run_validator, tmp_path_factory, edits, body):
    lines = list(FRONT_LINES)
    for index, insert in edits:
        position = len(lines[index]) // 2
        lines[index] = lines[index][:position] + insert + lines[index][position:]
    case = tmp_path_factory.mktemp("yaml") / "fall.md"
    case.write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")
    assert_well_formed(run_validator(str(case)))


@SETTINGS
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20) | st.dates(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=12,
))
def test_any_yaml_value_for_a_field_never_crashes(run_validator, tmp_path_factory, value):
    import yaml

    dumped = yaml.safe_dump({"partners": value}, allow_unicode=True, default_flow_style=True).strip()
    text = VALID_TEXT.replace('partners:\n  - name: "Stadt Testhausen, Büro für Internationales"\n    type: kommune\n', dumped + "\npartners_rest:\n", 1)
    case = tmp_path_factory.mktemp("value") / "fall.md"
    case.write_text(text, encoding="utf-8")
    assert_well_formed(run_validator(str(case)))
