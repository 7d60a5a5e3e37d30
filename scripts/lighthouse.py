"""Lighthouse quality gate (issue #13): home, one case page and the finder, mobile preset,
served with gzip and production-like cache headers from 127.0.0.1.

Usage: python scripts/lighthouse.py [--site DIR] [--runs N] [--save DIR]
Builds nothing: run `mkdocs build` first (default folder: site/). Prints the four category
scores per page (with N runs also the median), the audits that cost points, and any request
to a host other than 127.0.0.1. Exit codes: 0 accessibility, best practices and SEO are
100 on every page and no foreign request; 1 otherwise; 2 usage error (no site, no
Lighthouse, no chromium). Performance is reported, never enforced: it depends on the
machine (docs/leistung.md, Lighthouse).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from praxisatlas.compressedserver import serving

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# As for the browser tests: no background traffic to Google hosts, no sandbox as root.
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
ENFORCED = ("accessibility", "best-practices", "seo")
LABELS = {"performance": "Leistung", "accessibility": "Barrierefreiheit",
          "best-practices": "Best Practices", "seo": "SEO"}


@dataclass
class Audit:
    category: str
    id: str
    title: str
    score: float | None
    weight: float
    display: str = ""


@dataclass
class PageScores:
    name: str
    path: str
    scores: dict[str, int]  # category id -> 0..100
    failing: list[Audit] = field(default_factory=list)  # scored audits below 1, per category
    foreign: list[str] = field(default_factory=list)  # requests to hosts other than 127.0.0.1
    metrics: dict[str, str] = field(default_factory=dict)  # FCP, LCP, TBT, CLS, SI as displayed
    warnings: list[str] = field(default_factory=list)  # Lighthouse's run warnings
    lighthouse_version: str = ""
    user_agent: str = ""

    def failing_in(self, category: str) -> list[Audit]:
        return [audit for audit in self.failing if audit.category == category]


def first_case(site: Path) -> str:
    """The first case page in name order, as a site path like `/beispiele/<slug>/`."""
    cases = sorted(p.parent.name for p in (site / "beispiele").glob("*/index.html"))
    if not cases:
        raise FileNotFoundError(f"keine Fallseite unter {site / 'beispiele'}")
    return f"/beispiele/{cases[0]}/"


def pages(site: Path) -> dict[str, str]:
    return {"Startseite": "/", "Fallseite": first_case(site), "Finder": "/finden/"}


def check_tools(site: Path) -> list[str]:
    problems = []
    if not (site / "index.html").is_file():
        problems.append(f"keine gebaute Website in {site}: zuerst `mkdocs build --strict` ausführen")
    if not LIGHTHOUSE.exists():
        problems.append("Lighthouse fehlt: `npm ci --ignore-scripts` ausführen (make test tut das)")
    if not Path(CHROMIUM).exists():
        problems.append(f"{CHROMIUM} fehlt: Debian-Paket chromium installieren")
    return problems


def run_page(base: str, path: str) -> dict:
    """One Lighthouse run against base+path; returns the parsed JSON report (LHR)."""
    command = [
        str(LIGHTHOUSE), base.rstrip("/") + path,
        f"--chrome-flags={CHROME_FLAGS}",
        "--form-factor=mobile",  # Lighthouse's default, made explicit: mobile preset
        "--screenEmulation.mobile",
        "--throttling-method=simulate",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json", "--quiet",
        "--no-enable-error-reporting",
        "--disable-full-page-screenshot",
        "--locale=en-US",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"Lighthouse {path}: Exit {done.returncode}\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def scores_from(name: str, path: str, report: dict) -> PageScores:
    """The category scores, the audits that cost points and foreign requests of one report."""
    audits = report["audits"]
    result = PageScores(name=name, path=path, scores={}, lighthouse_version=report.get("lighthouseVersion", ""),
                        user_agent=report.get("environment", {}).get("hostUserAgent", ""),
                        warnings=list(report.get("runWarnings", [])))
    if report.get("runtimeError"):
        result.warnings.append(f"runtimeError: {report['runtimeError']}")
    for category in CATEGORIES:
        data = report["categories"][category]
        result.scores[category] = round((data["score"] or 0) * 100)
        for ref in data["auditRefs"]:
            audit = audits[ref["id"]]
            errored = audit["scoreDisplayMode"] == "error"
            if ref.get("weight", 0) > 0 and (errored or (audit.get("score") is not None and audit["score"] < 1)):
                result.failing.append(Audit(category, ref["id"], audit["title"], audit.get("score"),
                                            ref["weight"], audit.get("errorMessage", "") if errored
                                            else audit.get("displayValue", "")))
    # Audits Lighthouse could not run; with weight 0 (diagnostics) they do not change a score.
    weighted = {ref["id"] for data in report["categories"].values() for ref in data["auditRefs"] if ref.get("weight", 0) > 0}
    errors = sorted(key for key, audit in audits.items() if audit["scoreDisplayMode"] == "error" and key not in weighted)
    if errors:
        result.warnings.append("Audits mit Fehler (ohne Gewicht, ändern keinen Wert): " + ", ".join(errors))
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    result.foreign = sorted({item["url"] for item in requests
                             if urlsplit(item["url"]).scheme in ("http", "https", "ws", "wss")
                             and urlsplit(item["url"]).hostname != "127.0.0.1"})
    if not requests:
        result.warnings.append("network-requests: keine Anfragen im Bericht")
    for metric in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                   "cumulative-layout-shift", "speed-index"):
        if metric in audits:
            result.metrics[metric] = audits[metric].get("displayValue", "")
    return result


def run_lighthouse(site: Path, save: Path | None = None, run: int = 1) -> list[PageScores]:
    """Serve `site` with compression and run Lighthouse once on each of the three pages."""
    site = Path(site)
    problems = check_tools(site)
    if problems:
        raise FileNotFoundError("; ".join(problems))
    results = []
    with serving(site) as base:
        for name, path in pages(site).items():
            report = run_page(base, path)
            if save:
                save.mkdir(parents=True, exist_ok=True)
                slug = path.strip("/").replace("/", "_") or "start"
                (save / f"{slug}.run{run}.json").write_text(json.dumps(report), encoding="utf-8")
            results.append(scores_from(name, path, report))
    return results


def table(results: list[PageScores]) -> str:
    head = "| Seite | Pfad | " + " | ".join(LABELS[c] for c in CATEGORIES) + " |"
    rows = [head, "| --- | --- |" + " --- |" * len(CATEGORIES)]
    for page in results:
        rows.append(f"| {page.name} | `{page.path}` | " + " | ".join(str(page.scores[c]) for c in CATEGORIES) + " |")
    return "\n".join(rows)


def problems_of(results: list[PageScores]) -> list[str]:
    """What fails the gate: enforced categories below 100, requests to other hosts."""
    found = []
    for page in results:
        for category in ENFORCED:
            if page.scores[category] < 100:
                audits = ", ".join(f"{a.id} ({a.title})" for a in page.failing_in(category))
                found.append(f"{page.name} {page.path}: {LABELS[category]} {page.scores[category]}: {audits}")
        if page.foreign:
            found.append(f"{page.name} {page.path}: Anfragen an fremde Hosts: {', '.join(page.foreign)}")
    return found


def report(results: list[PageScores]) -> str:
    lines = [table(results), ""]
    for page in results:
        lines.append(f"{page.name} {page.path}: " + ", ".join(f"{k} {v}" for k, v in page.metrics.items()))
        for audit in page.failing:
            value = "Fehler" if audit.score is None else f"{audit.score:.2f}"
            lines.append(f"  {audit.category}: {audit.id} ({audit.title}) Wert {value}, "
                         f"Gewicht {audit.weight:g} {audit.display}".rstrip())
        for warning in page.warnings:
            lines.append(f"  Warnung: {warning}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Lighthouse (mobil) für Startseite, eine Fallseite und den Finder.")
    parser.add_argument("--site", type=Path, default=Path("site"), help="gebaute Website (Standard: site)")
    parser.add_argument("--runs", type=int, default=1, help="Läufe; ab 2 wird der Median je Seite ausgegeben")
    parser.add_argument("--save", type=Path, help="Ordner für die JSON-Berichte von Lighthouse")
    args = parser.parse_args(argv)
    problems = check_tools(args.site)
    if problems or args.runs < 1:
        sys.stderr.write("\n".join(problems or ["--runs muss mindestens 1 sein"]) + "\n")
        return 2
    runs = []
    for number in range(1, args.runs + 1):
        load_before = os.getloadavg()[0]
        results = run_lighthouse(args.site, args.save, number)
        runs.append(results)
        # Performance depends on what else the machine does; the load shows it (docs/leistung.md).
        print(f"Lauf {number} von {args.runs}, Lighthouse {results[0].lighthouse_version}, {results[0].user_agent}, "
              f"Last vorher {load_before:.2f}, nachher {os.getloadavg()[0]:.2f}")
        print(report(results), end="\n\n", flush=True)
    if args.runs > 1:
        median = [PageScores(page.name, page.path, {c: statistics.median(run[i].scores[c] for run in runs)
                                                    for c in CATEGORIES})
                  for i, page in enumerate(runs[0])]
        print(f"Median aus {args.runs} Läufen")
        print(table(median), end="\n\n")
    failures = [problem for results in runs for problem in problems_of(results)]
    for failure in failures:
        print(f"FEHLER: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
