"""Create a new case file: python scripts/new_case.py "Titel des Beispiels"

Writes examples/<slug>.md from the template and prints the next steps. Never overwrites.
In a terminal it asks for the required fields (use --vorlage to skip the questions).
Exit codes: 0 written, 1 not written (e.g. the file exists), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from praxisatlas.paths import EXAMPLES_DIR
from praxisatlas.scaffold import ScaffoldError, interactive_text, interview, target_path, template_text, write_new
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
    try:
        path = target_path(args.title, args.ordner)
        if interactive:
            text = interactive_text(interview(args.title, ask, print, dt.date.today()))
        else:
            text = template_text(args.title)
        write_new(path, text)
    except ScaffoldError as error:
        print(f"Fehler: {error}", file=sys.stderr)
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
    print("  4. Einen Pull Request öffnen (Anleitung: docs/mitmachen.md).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
