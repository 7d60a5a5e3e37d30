"""Creating a new case file from the editor template, optionally filled in interactively.

Without a terminal the template is copied with the title set. In a terminal the editor
answers the required fields (vocabulary choices are offered by number), and the file is
written through python-frontmatter so the result is valid right away.

Every answer, the title included, is judged by the validator's own model and rules, so
the scaffolder refuses exactly what the validator refuses, in the same words.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
from pydantic import ValidationError

from . import messages
from .cases import check_front_matter
from .files import UnsafeFile, read_limited
from .model import Case
from .paths import EXAMPLES_DIR, TEMPLATE_FILE
from .problems import Problem, format_location
from .slugs import is_reserved, slugify
from .source import MAX_BYTES, Location, RawCase, read_case_text
from .vocab import Vocabulary, load_vocabularies

Ask = Callable[[str], str]
Say = Callable[[str], None]
TEMPLATE_TITLE_LINE = 'title: "Titel des Beispiels"'


class ScaffoldError(Exception):
    """A user mistake (invalid title, existing file); the message is German and final."""


def front_matter_problems(data: dict[str, Any], today: dt.date) -> list[Problem]:
    """What the validator finds in a front matter: the model first, then the rules across fields."""
    return check_front_matter(RawCase("", data=data), today)[1]


@dataclass(frozen=True)
class Template:
    """The editor template: its text, and its front matter as stand-ins for unanswered fields."""

    text: str
    front_matter: dict[str, Any]

    @classmethod
    def read(cls, path: Path = TEMPLATE_FILE) -> Template:
        """Read it like a case file (it may come from a pull request, too); its front matter
        must satisfy the model, placeholders and all, or it cannot stand in for answers."""
        broken = ScaffoldError(f"Die Vorlage {path} ist beschädigt — bitte aus dem Hauptzweig des Repositorys wiederherstellen.")
        try:
            content = read_limited(path, MAX_BYTES)
            raw, problems = read_case_text(str(path), content)
            Case.model_validate(raw.data)
        except (OSError, UnsafeFile, ValidationError) as error:
            raise broken from error
        text = content.decode("utf-8-sig")  # read_case_text has found it to be UTF-8
        if problems or TEMPLATE_TITLE_LINE not in text:
            raise broken
        return cls(text, raw.data)

    def with_title(self, title: str) -> str:
        """The template text with the title filled in (JSON quoting is valid YAML)."""
        return self.text.replace(TEMPLATE_TITLE_LINE, f"title: {json.dumps(title, ensure_ascii=False)}", 1)


@dataclass
class Draft:
    """The answers so far. Each new answer is checked in a complete front matter, the
    template standing in for fields not yet asked, so that the rules across fields run too."""

    template: Template
    today: dt.date
    answers: dict[str, Any] = field(default_factory=dict)

    def problems(self, loc: Location, value: Any) -> list[str]:
        """The validator's messages about `value` at `loc`; none means it is accepted."""
        data = copy.deepcopy({**self.template.front_matter, **self.answers})
        *parents, last = loc
        target = data
        for part in parents:
            target = target[part]
        target[last] = value
        name = format_location(loc)
        return [
            problem.message
            for problem in front_matter_problems(data, self.today)
            if problem.field == name or problem.field.startswith((f"{name}.", f"{name}["))
        ]


def target_path(title: str, draft: Draft, folder: Path = EXAMPLES_DIR) -> Path:
    """The new file for `title`; refuses every title the validator would refuse."""
    shown = messages.quoted(title)
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(
            f"Aus dem Titel '{shown}' lässt sich kein Dateiname bilden — bitte einen Titel mit Buchstaben oder Ziffern angeben."
        )
    if is_reserved(slug):
        raise ScaffoldError(
            f"Der Titel '{shown}' ergibt das Kürzel '{slug}', das für Seiten der Website reserviert ist — "
            "bitte einen anderen Titel wählen, z. B. mit dem Namen der Kommune."
        )
    refused = draft.problems(("title",), title)
    if refused:
        raise ScaffoldError("\n".join(f"Titel '{shown}': {text}" for text in refused))
    path = folder / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path} gibt es schon — nichts überschrieben. Bitte einen anderen Titel wählen oder die Datei bearbeiten.")
    return path


def _choose(ask: Ask, say: Say, vocabulary: Vocabulary, question: str, many: bool) -> Any:
    for number, term in enumerate(vocabulary.terms, start=1):
        say(f"  {number:>2}. {term.label} ({term.slug})")
    while True:
        answer = ask(f"{question} ({'Nummern mit Komma' if many else 'Nummer'}): ")
        picks = [part.strip() for part in answer.split(",") if part.strip()]
        if picks and all(p.isdigit() and 1 <= int(p) <= len(vocabulary.terms) for p in picks) and (many or len(picks) == 1):
            slugs = list(dict.fromkeys(vocabulary.terms[int(p) - 1].slug for p in picks))
            return slugs if many else slugs[0]
        say(f"Bitte {'eine oder mehrere Nummern' if many else 'eine Nummer'} von 1 bis {len(vocabulary.terms)} eingeben.")


def _text(ask: Ask, say: Say, draft: Draft, question: str, loc: Location, optional: bool = False) -> str:
    """Ask until the validator accepts the answer (an optional one may stay empty)."""
    while True:
        answer = ask(f"{question}: ").strip()
        refused = [] if optional and not answer else draft.problems(loc, answer)
        if not refused:
            return answer
        for text in refused:
            say(text)


def interview(title: str, draft: Draft, ask: Ask, say: Say) -> dict[str, Any]:
    """Ask for every required field; the answers form a valid front matter."""
    vocab = load_vocabularies()
    say("Bitte die Pflichtfelder ausfüllen. Optionale Felder ergänzen Sie danach in der Datei.")
    data = draft.answers
    data["title"] = title
    data["summary"] = _text(ask, say, draft, "Kurzfassung in ein bis zwei Sätzen (50–300 Zeichen)", ("summary",))
    data["city"] = _text(ask, say, draft, "Kommune, z. B. Kreis Düren", ("city",))
    data["city_type"] = _choose(ask, say, vocab["city_types"], "Art der Kommune", many=False)
    data["state"] = _choose(ask, say, vocab["states"], "Bundesland", many=False)
    data["areas"] = _choose(ask, say, vocab["areas"], "Handlungsfelder", many=True)
    data["formats"] = _choose(ask, say, vocab["formats"], "Formate", many=True)
    partner = _text(ask, say, draft, "Ein Partner (Name, weitere ergänzen Sie in der Datei)", ("partners", 0, "name"))
    partner_type = _choose(ask, say, vocab["partner_types"], "Art dieses Partners", many=False)
    data["partners"] = [{"name": partner, "type": partner_type}]
    data["sources"] = [{"title": _text(ask, say, draft, "Titel einer Quelle, die die Angaben belegt", ("sources", 0, "title"))}]
    question = "Adresse der Quelle (https://…, leer lassen, wenn es keine gibt)"
    url = _text(ask, say, draft, question, ("sources", 0, "url"), optional=True)
    if url:
        data["sources"][0]["url"] = url
    else:
        question = "Warum hat die Quelle keine Adresse? (z. B. gedrucktes Heft, nicht online)"
        data["sources"][0]["offline"] = _text(ask, say, draft, question, ("sources", 0, "offline"))
    data["reviewed"] = draft.today
    return data


BODY_HINT = """Beschreiben Sie hier in eigenen Worten (80–400 Wörter), was gemacht wurde, wer beteiligt
war und wie die Partner zusammengearbeitet haben. Ergebnisse nur, wenn eine Quelle sie nennt.

## Zum Nachmachen

Ein kurzer Absatz mit praktischen Hinweisen für andere Kommunen, als Rat formuliert.
"""


def interactive_text(data: dict[str, Any], today: dt.date) -> str:
    """Front matter in contract order, written with python-frontmatter, checked once more as a whole."""
    refused = front_matter_problems(data, today)
    if refused:
        raise ScaffoldError("\n".join(f"{problem.field}: {problem.message}" for problem in refused))
    post = frontmatter.Post(BODY_HINT, **data)
    return frontmatter.dumps(post, sort_keys=False, allow_unicode=True, width=100) + "\n"


def write_new(path: Path, text: str) -> None:
    """Create the file; `x` mode refuses to overwrite even if it appeared meanwhile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError as error:
        raise ScaffoldError(f"{path} gibt es schon — nichts überschrieben.") from error
