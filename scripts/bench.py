"""Benchmark: validate and build the site for many generated cases, against stock Material.

Usage: python scripts/bench.py [--cases N ...] [--repeats R] [--seed S] [--keep DIR]
       (default: --cases 100 1000 3000 --repeats 3; add 10000 on request)

For each N the script generates N realistic, distinct cases (praxisatlas.benchdata, seeded),
checks every one with the project's validator (load_collection, stops on any problem) and
then measures, each run in its own process with the wall clock:
  * the validator command line (scripts/validate.py, interpreter start-up included);
  * our build (`mkdocs build --strict` with our config, hooks and Pagefind) and a stock
    Material build of the same cases (plain Markdown pages with the facts as a table,
    Material's built-in search plugin, no hooks), alternately, R times each; medians;
  * peak memory of our build (largest single process of its tree, from wait4's rusage) and
    the CPU time of every run (it varies less than the wall clock when other work runs);
  * the built site: total size, the gzip weight of one case page with everything it loads
    before a search, the bytes a first finder query loads from Pagefind, and the largest
    generated list page (gzip).
It prints one table (Markdown, German number format) and the details behind it. Sizes are
gzip level 6 (the gzip default); Pagefind's own files are already gzip-compressed and count
with their size on disk. Timing lives here, not in the tests: wall-clock limits make tests
flaky. The method is described in docs/leistung.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import posixpath
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

SCRIPTS = Path(__file__).resolve().parent
REPO = SCRIPTS.parent
sys.path.insert(0, str(SCRIPTS))

from praxisatlas.benchdata import DEFAULT_SEED, InvalidBenchCases, check_cases, generate_cases, write_cases  # noqa: E402
from praxisatlas.countries import country_name_de  # noqa: E402
from praxisatlas.finder import FINDER_PAGE_SIZE  # noqa: E402
from praxisatlas.siteconfig import write_site_config  # noqa: E402
from praxisatlas.views import INDEX_KINDS  # noqa: E402
from praxisatlas.vocab import load_vocabularies  # noqa: E402

GZIP_LEVEL = 6
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PRAXISATLAS_SITE_URL": "https://atlas.test/", "PYTHONHASHSEED": "0"}


# --- Building -------------------------------------------------------------------------------
@dataclass
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system time of the whole process tree
    peak_kib: int
    load: float  # 1-minute load average when the run started (other work on the machine)


def timed(command: list[str], cwd: Path, log: Path) -> Run:
    """Run `command` in its own process; wall time and the peak resident memory of the
    largest process in its tree (wait4 reports the child and its waited-for descendants)."""
    load = os.getloadavg()[0]
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"Fehlgeschlagen ({process.returncode}): {' '.join(command)}\n{tail}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, load)


STOCK_CONFIG = """\
site_name: Praxisatlas (Material ohne Anpassungen)
site_url: https://atlas.test/
docs_dir: docs
strict: true
theme:
  name: material
  language: de
plugins:
  - search:
      lang: de
markdown_extensions: [toc, admonition, attr_list, md_in_html, def_list, abbr, pymdownx.details]
not_in_nav: |
  /beispiele/*.md
nav:
  - Startseite: index.md
  - Beispiele: beispiele/index.md
"""


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def stock_page(text: str, vocab: dict) -> tuple[dict, str]:
    """A case as a plain Markdown page: title, summary, the front-matter facts as a table,
    then the body. Returns the front matter (for the list page) and the page."""
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    label = lambda kind, slug: vocab[kind].label(slug)  # noqa: E731
    rows = [
        ("Kommune", f"{data['city']} ({label('city_types', data['city_type'])})"),
        ("Bundesland", label("states", data["state"])),
        ("Größe", data.get("size") and label("sizes", data["size"])),
        ("Handlungsfelder", ", ".join(label("areas", s) for s in data["areas"])),
        ("Formate", ", ".join(label("formats", s) for s in data["formats"])),
        ("Partner", "; ".join(
            (f"[{p['name']}]({p['url']})" if p.get("url") else p["name"]) + f" ({label('partner_types', p['type'])})"
            for p in data["partners"]
        )),
        ("Länder", ", ".join(country_name_de(c) for c in data.get("countries") or [])),
        ("Nachhaltigkeitsziele", ", ".join(str(n) for n in data.get("sdgs") or [])),
        ("Zeitraum", data.get("period") and f"{data['period']['from']}–{data['period'].get('to', 'heute')}"),
        ("Auszeichnungen", "; ".join(f"{a['name']} {a['year']}" for a in data.get("awards") or [])),
        ("Ansprechstelle", data.get("contact") and f"[{data['contact']['name']}]({data['contact']['url']})"),
        ("Förderung", ", ".join(label("programmes", s) for s in data.get("support") or [])),
        ("Quellen", "; ".join(
            f"[{s['title']}]({s['url']})" + "".join(f", {s[k]}" for k in ("publisher", "date") if s.get(k))
            for s in data["sources"]
        )),
        ("Geprüft am", data["reviewed"].isoformat()),
    ]
    table = "| Angabe | Wert |\n| --- | --- |\n" + "".join(f"| {name} | {_cell(value)} |\n" for name, value in rows if value)
    page = f"# {data['title']}\n\n{data['summary']}\n\n{table}\n{body}"
    return data, page


def write_stock_docs(folder: Path, cases: list[tuple[str, str]]) -> Path:
    vocab = load_vocabularies()
    docs = folder / "docs"
    (docs / "beispiele").mkdir(parents=True)
    lines = ["# Alle Beispiele", ""]
    for slug, text in cases:
        data, page = stock_page(text, vocab)
        (docs / "beispiele" / f"{slug}.md").write_text(page, encoding="utf-8")
        lines.append(f"- [{data['title']}]({slug}.md) – {data['city']}")
    (docs / "beispiele" / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (docs / "index.md").write_text("# Praxisatlas\n\nGute Beispiele aus Kommunen. [Alle Beispiele](beispiele/index.md)\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(STOCK_CONFIG, encoding="utf-8")
    return config


def build(config: Path, site: Path, log: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site)]
    return timed(command, config.parent, log)


# --- Measuring the built site -----------------------------------------------------------------
def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def transfer_size(path: Path) -> int:
    """Bytes on the wire with gzip: files that already are gzip (Pagefind's) count as they are."""
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else gzip_size(data)


def site_size(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


class _Resources(HTMLParser):
    """What a page loads by itself: stylesheets, icons, preloads, scripts, images; and the
    <link rel="alternate"> addresses (Material's script fetches a sitemap.xml for each)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.alternates: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = set((a.get("rel") or "").lower().split())
        if tag == "link" and rel & {"stylesheet", "icon", "preload", "modulepreload"} and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "link" and rel == {"alternate"} and a.get("href"):
            # exactly "alternate", as Material selects them (link[rel=alternate]); a feed
            # link written rel="alternate feed" does not match
            self.alternates.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])


_IMPORT = re.compile(r"""^\s*import\s+(?:[^"';]*\sfrom\s+)?["'](\.{1,2}/[^"']+)["']""", re.M)


def _local(site: Path, page: Path, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = PurePosixPath(page.relative_to(site).parent.as_posix())
    target = site / os.path.normpath(str(base / parts.path))
    return target if target.is_file() else None


@dataclass
class Weight:
    total: int = 0
    parts: list[tuple[str, int]] = field(default_factory=list)
    external: list[str] = field(default_factory=list)


def page_weight(site: Path, page: Path) -> Weight:
    """gzip bytes of the page and of every file it loads before anyone searches (static
    imports of module scripts followed; dynamic imports, such as Pagefind's, are not).

    One load happens in script only: Material's bundle fetches `sitemap.xml` next to every
    <link rel="alternate"> target (for its language selector), so a page with such a link
    counts that sitemap too. Checked against the requests Chromium makes for a case page.
    """
    weight = Weight()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        if path in seen:
            return
        seen.add(path)
        size = transfer_size(path)
        weight.total += size
        weight.parts.append((path.relative_to(site).as_posix(), size))
        if path.suffix in (".js", ".mjs"):
            for url in _IMPORT.findall(path.read_text(encoding="utf-8", errors="replace")):
                target = _local(site, path, url)
                if target:
                    add(target)

    parser = _Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    add(page)
    for url in parser.urls:
        target = _local(site, page, url)
        if target:
            add(target)
        else:
            weight.external.append(url)
    if any(PurePosixPath(url).name.startswith("bundle.") for url in parser.urls):
        for url in parser.alternates:
            sitemap = _local(site, page, posixpath.join(posixpath.dirname(urlsplit(url).path), "sitemap.xml"))
            if sitemap:
                add(sitemap)
    return weight


@dataclass
class Search:
    total: int  # the first result for a typical word (median index chunk)
    worst: int  # the same for a word in the largest index chunk
    counts: int  # the filter files loaded after the first result, for the counts
    parts: list[tuple[str, int]]


def search_bytes(site: Path) -> Search:
    """Pagefind files the finder loads for its first result (estimate, docs/leistung.md):
    pagefind-entry.json, pagefind.js, pagefind-worker.js (pagefind.js starts it), the
    language's WebAssembly and index metadata, the index chunk holding the search word
    (median chunk; the largest for the worst case) and the fragments of the first result
    page (FINDER_PAGE_SIZE results, median fragment size). The filter files follow after
    the first result is drawn (javascripts/finder.js) and are reported apart."""
    folder = site / "pagefind"
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    language = next(iter(entry["languages"].values()))
    chunks = sorted(transfer_size(path) for path in (folder / "index").glob("*.pf_index")) or [0]
    filters = sorted((folder / "filter").glob("*.pf_filter"))
    fragments = [p.stat().st_size for p in (folder / "fragment").glob("*.pf_fragment")]
    shown = min(FINDER_PAGE_SIZE, len(fragments))
    typical_chunk = int(statistics.median(chunks))
    parts = [
        ("pagefind-entry.json", transfer_size(folder / "pagefind-entry.json")),
        ("pagefind.js", transfer_size(folder / "pagefind.js")),
        ("pagefind-worker.js", transfer_size(folder / "pagefind-worker.js")),
        (f"wasm.{language['wasm']}.pagefind", transfer_size(folder / f"wasm.{language['wasm']}.pagefind")),
        (f"pagefind.{language['hash']}.pf_meta", transfer_size(folder / f"pagefind.{language['hash']}.pf_meta")),
        (f"index/ Median von {len(chunks)} Chunks (größter {kb(chunks[-1])})", typical_chunk),
        (f"fragment/ {shown} × Median", int(shown * statistics.median(fragments)) if fragments else 0),
    ]
    total = sum(size for _, size in parts)
    counts = sum(transfer_size(p) for p in filters)
    parts.append((f"danach für die Zähler: filter/ ({len(filters)} Dateien)", counts))
    return Search(total, total - typical_chunk + chunks[-1], counts, parts)


# Generated pages that list cases: home, finder, programmes, overviews and term pages.
LIST_PAGE = re.compile(
    r"(finden/|foerderung/|merkliste/|(?:" + "|".join(folder for folder, _ in INDEX_KINDS.values()) + r")/(?:[^/]+/(?:seite-\d+/)?)?)?index\.html"
)


def largest_list_page(site: Path) -> tuple[str, int]:
    """The heaviest generated list page (gzip), with its site path."""
    best = ("", 0)
    for page in site.rglob("*.html"):
        relative = page.relative_to(site).as_posix()
        if not LIST_PAGE.fullmatch(relative):
            continue
        size = gzip_size(page.read_bytes())
        if size > best[1]:
            best = (relative, size)
    return best


# --- Machine facts and output -------------------------------------------------------------------
def machine_facts() -> list[str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kib = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        memory = f"{mem_kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        memory = "?"
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material", "pagefind", "Markdown", "pydantic"))
    return [
        f"Rechner: {cpu}, {os.cpu_count()} Kerne, {memory} RAM, {platform.system()} {platform.release()}",
        f"Python {platform.python_version()}; {versions}",
        f"Last (1/5/15 min) beim Start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
    ]


def de(number: float, digits: int = 1) -> str:
    text = f"{number:,.{digits}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def kb(size: int) -> str:
    return f"{de(size / 1000)} KB"


@dataclass
class Row:
    cases: int
    validate: float
    ours: float
    stock: float
    peak_kib: int
    site: int
    case_page: Weight
    search: Search
    largest: tuple[str, int]
    stock_site: int
    stock_page: Weight
    stock_index: int
    ours_runs: list[Run]
    stock_runs: list[Run]
    validate_cpu: float


HEADER = (
    "| Fälle | Prüfung | unser Bau | Material-Standard | Faktor | je Fall (unser) | Spitzenspeicher (unser) "
    "| Website | Fallseite gzip | Suche 1. Ergebnis gzip (ungünstigster Fall) | größte Listenseite gzip |\n"
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
)


def table_row(row: Row) -> str:
    path, size = row.largest
    return (
        f"| {de(row.cases, 0)} | {de(row.validate)} s | {de(row.ours)} s | {de(row.stock)} s | {de(row.ours / row.stock, 2)} "
        f"| {de(row.ours / row.cases * 1000)} ms | {de(row.peak_kib / 1024, 0)} MiB | {de(row.site / 1e6)} MB "
        f"| {kb(row.case_page.total)} | {kb(row.search.total)} ({kb(row.search.worst)}) | {kb(size)} (`{path}`) |"
    )


def details(row: Row) -> list[str]:
    runs = lambda values: ", ".join(f"{de(r.seconds)} s (CPU {de(r.cpu)} s, Last {de(r.load, 2)})" for r in values)  # noqa: E731
    cpu_ours = statistics.median(r.cpu for r in row.ours_runs)
    cpu_stock = statistics.median(r.cpu for r in row.stock_runs)
    return [
        f"{de(row.cases, 0)} Fälle: Prüfung CPU {de(row.validate_cpu)} s; Bau CPU-Median unser {de(cpu_ours)} s, "
        f"Standard {de(cpu_stock)} s, Faktor {de(cpu_ours / cpu_stock, 2)}, je Fall {de(cpu_ours / row.cases * 1000)} ms",
        f"  unsere Läufe: {runs(row.ours_runs)}",
        f"  Standard-Läufe: {runs(row.stock_runs)}",
        "  Fallseite: " + ", ".join(f"{name} {kb(size)}" for name, size in row.case_page.parts)
        + (f"; extern (nicht gezählt): {', '.join(row.case_page.external)}" if row.case_page.external else ""),
        "  Suche: " + ", ".join(f"{name} {kb(size)}" for name, size in row.search.parts),
        f"  Standard: Website {de(row.stock_site / 1e6)} MB; Fallseite {kb(row.stock_page.total)}, "
        f"dazu search/search_index.json {kb(row.stock_index)}",
    ]


# --- Main ---------------------------------------------------------------------------------------
def measure(count: int, repeats: int, seed: int, root: Path) -> Row:
    cases_dir = root / "cases"
    print(f"[{count}] erzeuge Beispiele …", file=sys.stderr, flush=True)
    cases = generate_cases(count, seed=seed)
    write_cases(cases_dir, cases)
    try:
        check_cases(cases_dir, expected=count)
    except InvalidBenchCases as error:
        raise SystemExit(f"Erzeugte Beispiele sind ungültig — Generator reparieren:\n{error}") from None
    ours_dir, stock_dir = root / "ours", root / "stock"
    ours_dir.mkdir(exist_ok=True)
    stock_dir.mkdir(exist_ok=True)
    ours_cfg = write_site_config(ours_dir, cases_dir)
    stock_cfg = write_stock_docs(stock_dir, cases)

    validations: list[Run] = []
    for _ in range(repeats):
        print(f"[{count}] Prüfung …", file=sys.stderr, flush=True)
        validations.append(timed([sys.executable, str(SCRIPTS / "validate.py"), str(cases_dir)], REPO, root / "validate.log"))

    ours_runs: list[Run] = []
    stock_runs: list[Run] = []
    for index in range(repeats):  # alternately, and the order swaps each round
        order = [("ours", ours_cfg, ours_runs), ("stock", stock_cfg, stock_runs)]
        for name, config, runs in order if index % 2 == 0 else order[::-1]:
            print(f"[{count}] Bau {name} {index + 1}/{repeats} …", file=sys.stderr, flush=True)
            runs.append(build(config, config.parent / "site", config.parent / f"build-{index + 1}.log"))

    site, stock_site = ours_dir / "site", stock_dir / "site"
    first_slug = cases[0][0]
    row = Row(
        cases=count,
        validate=statistics.median(r.seconds for r in validations),
        ours=statistics.median(r.seconds for r in ours_runs),
        stock=statistics.median(r.seconds for r in stock_runs),
        peak_kib=max(r.peak_kib for r in ours_runs),
        site=site_size(site),
        case_page=page_weight(site, site / "beispiele" / first_slug / "index.html"),
        search=search_bytes(site),
        largest=largest_list_page(site),
        stock_site=site_size(stock_site),
        stock_page=page_weight(stock_site, stock_site / "beispiele" / first_slug / "index.html"),
        stock_index=transfer_size(stock_site / "search" / "search_index.json"),
        ours_runs=ours_runs,
        stock_runs=stock_runs,
        validate_cpu=statistics.median(r.cpu for r in validations),
    )
    return row


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python scripts/bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, nargs="+", default=[100, 1000, 3000], help="Anzahl Beispiele (Standard: 100 1000 3000)")
    parser.add_argument("--repeats", type=int, default=3, help="Läufe je Messung, Median (Standard: 3)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Startwert des Generators")
    parser.add_argument("--keep", type=Path, help="erzeugte Beispiele und Websites in diesem Ordner behalten")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    facts = machine_facts()
    rows: list[Row] = []
    for count in args.cases:
        if args.keep:
            root = args.keep / str(count)
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir(parents=True)
            rows.append(measure(count, args.repeats, args.seed, root))
        else:
            with tempfile.TemporaryDirectory(prefix=f"bench-{count}-") as tmp:
                rows.append(measure(count, args.repeats, args.seed, Path(tmp)))
    facts.append(f"Last (1/5/15 min) am Ende: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    command = "python scripts/bench.py " + " ".join(argv)
    print(f"\n{command.strip()}   (Median aus {args.repeats} Läufen, Seed {args.seed})")
    for line in facts:
        print(line)
    print()
    print(HEADER)
    for row in rows:
        print(table_row(row))
    print()
    for row in rows:
        for line in details(row):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
