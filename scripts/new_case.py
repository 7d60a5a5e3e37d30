"""Create a new case file: python scripts/new_case.py "Titel des Beispiels"

Writes examples/<slug>.md from the template and prints the next steps. Never overwrites.
In a terminal it asks for the required fields (use --vorlage to skip the questions).
Exit codes: 0 written, 1 not written (the file exists, the validator would refuse the title,
or the vocabulary file is broken), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from praxisatlas.cases import display_path
from praxisatlas.paths import EXAMPLES_DIR
from praxisatlas.scaffold import Draft, ScaffoldError, Template, interactive_text, interview, target_path, write_new
from praxisatlas.vocab import vocabulary_problems
from validate import GermanArgumentParser


def build_parser() -> argparse.ArgumentParser:
    parser = GermanArgumentParser(
        prog="python scripts/new_case.py",
        description="Legt ein neues Praxisbeispiel examples/<kuerzel>.md an. Überschreibt nie eine Datei.",
    )
    parser.add_argument("title", help='Titel des Beispiels, z. B. "Faire Woche in Musterstadt"')
    parser.add_argument("--vorlage", action="store_true", help="nicht nachfragen, nur die Vorlage schreiben")
    parser.add_argument("--ordner", type=Path, default=EXAMPLES_DIR, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None, ask=input, interactive: bool | None = None) -> int:
    args = build_parser().parse_args(argv)
    if interactive is None:
        interactive = sys.stdin.isatty() and sys.stdout.isatty() and not args.vorlage
    broken = vocabulary_problems(display_path)
    if broken:
        for problem in broken:
            print(problem.format(), file=sys.stderr)
        print("Fehler: Die Vokabulardatei ist fehlerhaft — erst sie reparieren; keine Datei angelegt.", file=sys.stderr)
        return 1
    today = dt.date.today()
    try:
        template = Template.read()
        draft = Draft(template, today)
        path = target_path(args.title, draft, args.ordner)
        if interactive:
            text = interactive_text(interview(args.title, draft, ask, print), today)
        else:
            text = template.with_title(args.title)
        write_new(path, text)
    except ScaffoldError as error:
        for line in str(error).splitlines():
            print(f"Fehler: {line}", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nAbgebrochen — keine Datei angelegt.", file=sys.stderr)
        return 1
    shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    print(f"Angelegt: {shown}")
    print("Nächste Schritte:")
    print(f"  1. {shown} im Editor öffnen und alle Angaben mit Ihren Quellen ausfüllen.")
    print(f"  2. Prüfen: python scripts/validate.py {shown}")
    print("  3. Vorschau: make serve, dann http://127.0.0.1:8000 öffnen.")
    print("  4. Einen Pull Request öffnen (Anleitung: docs/mitmachen/referenz.md).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
