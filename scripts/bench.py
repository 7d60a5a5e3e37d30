"""Benchmark: validate 1,000 and 10,000 generated case files, start-up included.

Usage: python scripts/bench.py [COUNT ...]   (default: 1000 10000)
Targets on a 2-core machine: 1,000 files < 1 s, 10,000 files < 10 s. Timing lives here,
not in the tests, because wall-clock limits make tests flaky.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
TARGET_SECONDS_PER_1000 = 1.0
CASE = """---
title: "Faire Woche Nummer {n}"
summary: "Eine Stadt organisiert mit Migrantenorganisationen und dem Weltladen eine faire Aktionswoche Nummer {n}."
city: "Teststadt {n}"
city_type: stadt
state: NW
areas: [fairer-handel, bildungsarbeit]
formats: [veranstaltungen]
partners:
  - name: "Stadt Teststadt"
    type: kommune
  - name: "Verein Nummer {n}"
    type: migrantische-organisation
    url: "https://verein.beispiel.de/{n}"
countries: [GH, SY]
sdgs: [4, 12]
period: {{from: 2018, to: 2020}}
sources:
  - title: "Bericht {n}"
    url: "https://www.beispiel.de/bericht/{n}"
reviewed: 2025-01-15
---

{body}

## Zum Nachmachen

Kommunen können früh mit Vereinen planen und [Aufwand](https://www.beispiel.de/) entschädigen.
"""
BODY = " ".join(["Die Stadt plante mit Vereinen eine Woche mit Vorträgen und einem Markt."] * 10)


def generate(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"fall-{n:05d}.md").write_text(CASE.format(n=n, body=BODY), encoding="utf-8")


def time_validator(folder: Path, repeats: int = 3) -> float:
    """Median wall time of the real command line, including interpreter start-up."""
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(SCRIPTS / "validate.py"), str(folder)], capture_output=True, text=True)
        runs.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"Validator meldete Probleme:\n{done.stdout[-2000:]}")
    return statistics.median(runs)


def main(argv: list[str]) -> int:
    counts = [int(a) for a in argv] or [1000, 10000]
    failed = False
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp), count)
            seconds = time_validator(Path(tmp))
        target = TARGET_SECONDS_PER_1000 * count / 1000
        verdict = "ok" if seconds < target else "ZU LANGSAM"
        failed |= seconds >= target
        print(f"{count:>6} Dateien: {seconds:6.2f} s (Ziel < {target:.0f} s) {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
