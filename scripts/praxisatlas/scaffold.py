"""Creating a new case file from the editor template, optionally filled in interactively.

Without a terminal the template is copied with the title set. In a terminal the editor
answers the required fields (vocabulary choices are offered by number), and the file is
written through python-frontmatter so the result is valid right away.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import frontmatter

from .model import Case
from .paths import EXAMPLES_DIR, TEMPLATE_FILE
from .slugs import slugify
from .vocab import Vocabulary, load_vocabularies

Ask = Callable[[str], str]
Say = Callable[[str], None]
TEMPLATE_TITLE_LINE = 'title: "Titel des Beispiels"'


class ScaffoldError(Exception):
    """A user mistake (empty title, existing file); the message is German and final."""


def target_path(title: str, folder: Path = EXAMPLES_DIR) -> Path:
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(
            f"Aus dem Titel {title!r} lässt sich kein Dateiname bilden — bitte einen Titel mit Buchstaben oder Ziffern angeben."
        )
    path = folder / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path} gibt es schon — nichts überschrieben. Bitte einen anderen Titel wählen oder die Datei bearbeiten.")
    return path


def template_text(title: str, template: Path = TEMPLATE_FILE) -> str:
    """The template with the title filled in (JSON quoting is valid YAML)."""
    text = template.read_text(encoding="utf-8")
    if TEMPLATE_TITLE_LINE not in text:
        raise RuntimeError(f"{template} hat keine Titelzeile {TEMPLATE_TITLE_LINE!r}")
    return text.replace(TEMPLATE_TITLE_LINE, f"title: {json.dumps(title, ensure_ascii=False)}", 1)


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


def _text(ask: Ask, say: Say, question: str, minimum: int, maximum: int) -> str:
    while True:
        answer = ask(f"{question}: ").strip()
        if minimum <= len(answer) <= maximum:
            return answer
        say(f"Bitte {minimum} bis {maximum} Zeichen eingeben (jetzt {len(answer)}).")


def interview(title: str, ask: Ask, say: Say, today: dt.date) -> dict[str, Any]:
    """Ask for every required field; the answers form a valid front matter."""
    vocab = load_vocabularies()
    say("Bitte die Pflichtfelder ausfüllen. Optionale Felder ergänzen Sie danach in der Datei.")
    data: dict[str, Any] = {"title": title}
    data["summary"] = _text(ask, say, "Kurzfassung in ein bis zwei Sätzen (50–300 Zeichen)", 50, 300)
    data["city"] = _text(ask, say, "Kommune, z. B. Kreis Düren", 2, 100)
    data["city_type"] = _choose(ask, say, vocab["city_types"], "Art der Kommune", many=False)
    data["state"] = _choose(ask, say, vocab["states"], "Bundesland", many=False)
    data["areas"] = _choose(ask, say, vocab["areas"], "Handlungsfelder", many=True)
    data["formats"] = _choose(ask, say, vocab["formats"], "Formate", many=True)
    partner = _text(ask, say, "Ein Partner (Name, weitere ergänzen Sie in der Datei)", 2, 200)
    partner_type = _choose(ask, say, vocab["partner_types"], "Art dieses Partners", many=False)
    data["partners"] = [{"name": partner, "type": partner_type}]
    source = _text(ask, say, "Titel einer Quelle, die die Angaben belegt", 3, 300)
    url = ask("Adresse der Quelle (https://…, leer lassen, wenn es keine gibt): ").strip()
    data["sources"] = [{"title": source, **({"url": url} if url else {})}]
    data["reviewed"] = today
    return data


BODY_HINT = """Beschreiben Sie hier in eigenen Worten (80–400 Wörter), was gemacht wurde, wer beteiligt
war und wie die Partner zusammengearbeitet haben. Ergebnisse nur, wenn eine Quelle sie nennt.

## Zum Nachmachen

Ein kurzer Absatz mit praktischen Hinweisen für andere Kommunen, als Rat formuliert.
"""


def interactive_text(data: dict[str, Any]) -> str:
    """Front matter in contract order, written with python-frontmatter."""
    Case.model_validate(data)  # the interview only produces valid data; fail loudly if not
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
