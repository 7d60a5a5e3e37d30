"""Check case files against the front-matter contract and print every problem at once.

Usage: python scripts/validate.py [PATH ...]   (files or folders, default: examples/)
       python scripts/validate.py --schema     (print the contract as JSON Schema)
Exit codes: 0 all valid (warnings allowed), 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from praxisatlas.cases import display_path, load_collection
from praxisatlas.model import json_schema_text
from praxisatlas.paths import EXAMPLES_DIR
from praxisatlas.problems import summary_line
from praxisatlas.vocab import vocabulary_problems


class GermanArgumentParser(argparse.ArgumentParser):
    """argparse with a German usage error, exit code 2 as click and argparse use."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Aufruffehler: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = GermanArgumentParser(
        prog="python scripts/validate.py",
        description="Prüft Praxisbeispiele (examples/*.md) und meldet jedes Problem als PFAD:ZEILE: FELD: MELDUNG.",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="Dateien oder Ordner (Standard: examples/)")
    parser.add_argument("--schema", action="store_true", help="das JSON Schema des Vertrags ausgeben")
    return parser


def main(argv: list[str] | None = None, today: dt.date | None = None) -> int:
    """Run the validator; `today` is only set by tests that need a fixed date."""
    args = build_parser().parse_args(argv)
    if args.schema:
        broken = vocabulary_problems(display_path)
        for problem in broken:
            print(problem.format())
        if broken:
            return 1
        sys.stdout.write(json_schema_text())
        return 0
    paths = args.paths or [EXAMPLES_DIR]
    # lexists: a symlink given by name is reported by the scan, never followed.
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        sys.stderr.write(f"Aufruffehler: nicht gefunden: {', '.join(missing)}\n")
        return 2
    collection = load_collection(paths, today=today)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in collection.problems:
        print(problem.format())
        if github:
            print(problem.format_github())
    print(summary_line(collection.problems, collection.file_count))
    return 1 if collection.has_errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
