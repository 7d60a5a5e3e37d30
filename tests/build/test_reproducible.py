"""Reproducible builds (issue #13, item 4): two builds of the same sources are byte for byte
the same, every file: pages, Pagefind index, sitemap.xml(.gz), feed, /daten/, images.

Two pairs of builds run side by side: the real examples (no images today) and the fixture
case with a published photo (tests/fixtures/hostile-inert, reviewed 2025-01-15). Within a
pair everything else differs that could leak into the output: the folder (the second on
tmpfs when there is one, so the file system lists directories in another order, which is
how Pagefind numbers pages), the folder the cases are read from (a copy, written in
reverse order), the time zone (UTC+14 and UTC-12: the local date differs at every hour
of the day) and PYTHONHASHSEED (set and dict order). No waiting: the one date MkDocs takes
from the clock (sitemap) is checked against the documented date instead, and in the
fixture's site, reviewed long ago, no file may mention the build day.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import difflib
import gzip
import json
import os
import re
import shutil
import struct
import tempfile
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, Build, build_site
from praxisatlas.reproducible import (
    ReproducibleBuildError, canonical_pagefind, cbor_decode, cbor_encode, date_sitemap, midnight_utc, pagefind_hash,
)

# POSIX TZ strings (no tzdata needed): XST is UTC+14, YST is UTC-12.
ENVIRONMENTS = (
    {"TZ": "XST-14", "PYTHONHASHSEED": "1"},
    {"TZ": "YST+12", "PYTHONHASHSEED": "2718281828"},
)
TMPFS = Path("/dev/shm")
SOURCES = {"examples": REPO / "examples", "old-case": FIXTURES / "hostile-inert"}
OLD_REVIEW = dt.date(2025, 1, 15)  # of the case in tests/fixtures/hostile-inert


def copy_reversed(source: Path, target: Path) -> None:
    """Copy a folder file by file, last name first, so the copy's directory order differs."""
    for path in sorted((p for p in source.rglob("*") if p.is_file()), reverse=True):
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, tuple[Build, Build]]:
    """Each source built twice, all four builds at the same time."""
    use_tmpfs = TMPFS.is_dir() and os.access(TMPFS, os.W_OK)
    far = Path(tempfile.mkdtemp(prefix="praxisatlas-reproducible-", dir=TMPFS if use_tmpfs else None))
    try:
        jobs = {}
        with pytest.MonkeyPatch.context() as patch:
            patch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the fallback date is the one to test
            with concurrent.futures.ThreadPoolExecutor(2 * len(SOURCES)) as pool:
                for index, (name, source) in enumerate(SOURCES.items()):
                    copy = far / name / "beispiele-kopie"
                    copy_reversed(source, copy)
                    first_env, second_env = ENVIRONMENTS[index % 2], ENVIRONMENTS[1 - index % 2]
                    jobs[name] = (
                        pool.submit(build_site, tmp_path_factory.mktemp(f"reproducible-{name}"), source, first_env),
                        pool.submit(build_site, far / name, copy, second_env),
                    )
                done = {name: (first.result(), second.result()) for name, (first, second) in jobs.items()}
        result = {}
        for name, (first, second) in done.items():
            assert first.code == 0, first.output
            assert second.code == 0, second.output
            # Keep the second site off tmpfs, beside the first, for a look after a failure.
            kept = tmp_path_factory.mktemp(f"reproducible-{name}-copy") / "site"
            shutil.copytree(second.site, kept)
            result[name] = (first, Build(second.code, second.output, kept))
        yield result
    finally:
        shutil.rmtree(far, ignore_errors=True)


def files_below(root: Path) -> dict[str, Path]:
    return {path.relative_to(root).as_posix(): path for path in sorted(root.rglob("*")) if path.is_file()}


def unpacked(data: bytes) -> bytes:
    """Content of gzip'd files (sitemap.xml.gz, Pagefind's .pf_* files) for the diff hint."""
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError):
            pass
    return data


def difference_hint(name: str, a: bytes, b: bytes) -> str:
    """A short hint where two versions of a file differ."""
    if a[:2] == b[:2] == b"\x1f\x8b" and len(a) >= 10 and len(b) >= 10:
        inner_a, inner_b = unpacked(a), unpacked(b)
        if inner_a == inner_b:
            mtimes = struct.unpack("<I", a[4:8])[0], struct.unpack("<I", b[4:8])[0]
            return f"{name}: gleicher Inhalt, anderer gzip-Kopf (mtime {mtimes[0]} / {mtimes[1]})"
        a, b, name = inner_a, inner_b, name + " (entpackt)"
    try:
        lines_a, lines_b = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return f"{name}: binär, {len(a)} / {len(b)} Bytes, erster Unterschied bei Byte {at}: {a[at:at + 16]!r} / {b[at:at + 16]!r}"
    diff = [line[:160] for line in difflib.unified_diff(lines_a, lines_b, "a", "b", n=0, lineterm="")][2:8]
    return f"{name}:\n    " + "\n    ".join(diff)


@pytest.mark.parametrize("source", SOURCES)
def test_two_builds_are_byte_identical(builds, source):
    first, second = builds[source]
    files_a, files_b = files_below(first.site), files_below(second.site)
    assert len(files_a) > 50 and any(name.startswith("pagefind/filter/") for name in files_a)
    if source == "old-case":
        assert "beispiele/images/markt-mit-gps.jpg" in files_a  # a re-encoded image is compared too
    problems = [f"nur im ersten Bau: {name}" for name in sorted(files_a.keys() - files_b.keys())]
    problems += [f"nur im zweiten Bau: {name}" for name in sorted(files_b.keys() - files_a.keys())]
    for name in sorted(files_a.keys() & files_b.keys()):
        a, b = files_a[name].read_bytes(), files_b[name].read_bytes()
        if a != b:
            problems.append(difference_hint(name, a, b))
    assert not problems, f"{len(problems)} Unterschiede zwischen zwei Bauten:\n" + "\n".join(problems[:40])


def newest_review(site: Path) -> dt.date:
    records = json.loads((site / "daten" / "beispiele.json").read_text(encoding="utf-8"))
    return max(dt.date.fromisoformat(record["reviewed"]) for record in records)


@pytest.mark.parametrize("source", SOURCES)
def test_sitemap_is_dated_by_the_newest_review_not_by_the_build_day(builds, source):
    site = builds[source][0].site
    day = newest_review(site)  # SOURCE_DATE_EPOCH is unset in these builds
    if source == "old-case":
        assert day == OLD_REVIEW
    sitemap = (site / "sitemap.xml").read_bytes()
    dates = re.findall(rb"<lastmod>([^<]*)</lastmod>", sitemap)
    assert dates and set(dates) == {day.isoformat().encode()}
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == sitemap
    assert struct.unpack("<I", packed[4:8])[0] == midnight_utc(day)  # gzip header mtime
    assert packed[10:22] == b"sitemap.xml\x00"  # the file name MkDocs writes into the header


def test_no_output_file_mentions_the_build_day(builds):
    """A template or library that reads the clock would write today's date somewhere
    (UTC or either builder's local date); the old case and docs/ do not contain it."""
    now = dt.datetime.now(dt.timezone.utc)
    days = {(now + dt.timedelta(hours=hours)).date() for hours in (-12, 0, 14)}
    forms = [form.encode() for day in days for form in (day.isoformat(), day.strftime("%d.%m.%Y"))]
    sources = [p for folder in (SOURCES["old-case"], REPO / "docs") for p in folder.rglob("*") if p.is_file()]
    if any(form in path.read_bytes() for path in sources for form in forms):
        pytest.skip("das heutige Datum steht in den Quellen selbst")
    found = [
        name for name, path in files_below(builds["old-case"][0].site).items()
        if any(form in unpacked(path.read_bytes()) for form in forms)
    ]
    assert found == [], f"das Datum des Baus steht in: {found[:10]}"


def test_sitemap_dating_rewrites_every_lastmod(tmp_path):
    (tmp_path / "sitemap.xml").write_text(
        "<urlset><url><loc>a</loc><lastmod>2099-12-31</lastmod></url><url><loc>b</loc><lastmod>2000-01-01</lastmod></url></urlset>",
        encoding="utf-8",
    )
    date_sitemap(tmp_path, dt.date(2026, 1, 15))
    text = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert text.count("<lastmod>2026-01-15</lastmod>") == 2
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode() == text
    assert struct.unpack("<I", packed[4:8])[0] == int(dt.datetime(2026, 1, 15, tzinfo=dt.timezone.utc).timestamp())


def test_cbor_round_trip_and_pagefind_hash():
    value = ["1.5.2", [["de_abc", 300], ["de_def", 70000]], [[5, [-25, 3, 1 << 33], []]], True, None]
    assert cbor_decode(cbor_encode(value)) == value
    assert cbor_encode(23) == b"\x17" and cbor_encode(24) == b"\x18\x18" and cbor_encode(-1) == b"\x20"
    # Pagefind writes each SHA-1 byte in hex without a leading zero: 0x0e -> "e".
    assert pagefind_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"  # SHA-1 …4b0d32…d80709


# Every kind of head the fast paths of the codec read or write in place, at each boundary.
EDGE_NUMBERS = [0, 23, 24, 255, 256, 65535, 65536, (1 << 32) - 1, 1 << 32, (1 << 64) - 1,
                -1, -24, -25, -256, -257, -65536, -65537, -(1 << 64)]


def test_cbor_round_trip_at_every_head_size():
    value = [EDGE_NUMBERS, [[], [[]], [[0, [-25, 300], []]] * 30], list(range(30)), "ä" * 30, b"\x00" * 300, [False, True, None]]
    encoded = cbor_encode(value)
    assert cbor_decode(encoded) == value
    assert cbor_encode(cbor_decode(encoded)) == encoded
    for number in EDGE_NUMBERS:  # each alone and inside a list, where it is read in place
        assert cbor_decode(cbor_encode(number)) == number
        assert cbor_decode(cbor_encode([number])) == [number]


@pytest.mark.parametrize("data", [
    b"\x18\x05", b"\x81\x18\x17", b"\x81\x38\x00", b"\x81\x19\x00\xff", b"\x39\x00\x10",
    b"\x1a\x00\x00\xff\xff", b"\x1b\x00\x00\x00\x00\xff\xff\xff\xff", b"\x98\x01\x00", b"\x61",
    b"\x82\x00", b"\x81\x19\x01", b"\x9f\xff", b"\xa0", b"\xc0\x00", b"\xf9\x00\x00", b"\x00\x00",
], ids=lambda data: data.hex())
def test_cbor_decoder_refuses_what_the_encoder_would_write_otherwise(data):
    """Non-shortest heads, truncated items, indefinite lengths, maps, tags, floats and extra
    bytes are refused, so anything decoded is written back exactly as it was read."""
    with pytest.raises(ReproducibleBuildError):
        cbor_decode(data)


@pytest.mark.parametrize(
    "content", [b"not gzip", gzip.compress(b"pagefind_dcd\x9f\xff"), gzip.compress(b"other")],
    ids=["no-gzip", "unknown-cbor", "no-signature"],
)
def test_an_unknown_pagefind_format_is_a_clear_error_not_a_rewrite(tmp_path, content):
    (tmp_path / "pagefind-entry.json").write_text('{"version":"9","languages":{"de":{"hash":"de_1"}}}', encoding="utf-8")
    (tmp_path / "pagefind.de_1.pf_meta").write_bytes(content)
    with pytest.raises(ReproducibleBuildError, match="pf_meta"):
        canonical_pagefind(tmp_path)
    assert (tmp_path / "pagefind.de_1.pf_meta").read_bytes() == content  # left alone
