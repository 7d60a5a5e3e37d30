"""Reproducible builds: the same commit gives the same bytes, wherever and whenever it is built.

Run after the search index (hooks.on_post_build). Two things in a finished site depend on
more than the sources, and both are rewritten here:

- MkDocs dates the sitemap with the build day: every `<lastmod>` in sitemap.xml and the
  gzip header (mtime) of sitemap.xml.gz. Both get the site's date instead, the one date
  /daten/ and the catalogue already show (`exports.data_date`): SOURCE_DATE_EPOCH when a
  release build sets it (reproducible-builds.org), otherwise the newest `reviewed` date of
  the cases. Not the git commit time: a build from an archive or with uncommitted changes
  has none that fits, and the newest review is what the content is as of.
- Pagefind (1.5) numbers pages in the order the file system lists them (which differs
  between file systems and folders) and writes filters from hash maps with a random seed
  per run, so the filter files, word-index chunks, the metadata file and
  pagefind-entry.json change from run to run. `canonical_pagefind` decodes these files
  (gzip + "pagefind_dcd" + CBOR), numbers pages by their URL, sorts every page list,
  filter value and filter, re-encodes them and names every file again by the hash of its
  content the way Pagefind does, so a search works exactly as before. The fragments (one
  per page, named by the hash of their content) are deterministic already and stay.

Everything else (pages, feed, exports, catalogue, images) is already deterministic: dates
come from the cases, lists are sorted, no absolute path reaches the output;
tests/build/test_reproducible.py builds twice and compares every byte.

Known limit: when two pages have the same value of a Pagefind sort (data-pagefind-sort),
their order in that sort stays as Pagefind wrote it. The only sort, "kommune", holds
municipality and title, and titles are unique, so such a tie is next to impossible.
Anything in Pagefind's files this module does not recognise (a new Pagefind version) stops
the build with ReproducibleBuildError instead of being rewritten half understood.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import gc
import gzip
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SITEMAP = "sitemap.xml"
LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")
PAGEFIND_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"
SIGNATURE = b"pagefind_dcd"  # Pagefind's marker in front of every decompressed index file


class ReproducibleBuildError(Exception):
    """The output is not in the form this module knows (German message for the build log)."""


def make_reproducible(site_dir: Path, day: dt.date) -> None:
    """Rewrite the parts of a built site that depend on the build time or the file system."""
    date_sitemap(site_dir, day)
    pagefind = site_dir / PAGEFIND_DIR
    if (pagefind / ENTRY_FILE).is_file():
        canonical_pagefind(pagefind)


# --- Sitemap ---------------------------------------------------------------------------


def midnight_utc(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(), dt.timezone.utc).timestamp())


def gzip_bytes(data: bytes, name: str, mtime: int) -> bytes:
    """gzip as MkDocs writes sitemap.xml.gz (level 9, file name in the header), with a fixed mtime."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buffer, mtime=mtime, compresslevel=9) as packed:
        packed.write(data)
    return buffer.getvalue()


def date_sitemap(site_dir: Path, day: dt.date) -> None:
    """Every <lastmod> becomes `day`; sitemap.xml.gz is written again from the result."""
    sitemap = site_dir / SITEMAP
    if not sitemap.is_file():  # MkDocs writes none without site_url
        return
    text = LASTMOD.sub(f"<lastmod>{day.isoformat()}</lastmod>", sitemap.read_text(encoding="utf-8"))
    data = text.encode("utf-8")
    sitemap.write_bytes(data)
    (site_dir / f"{SITEMAP}.gz").write_bytes(gzip_bytes(data, SITEMAP, midnight_utc(day)))


# --- CBOR, as far as Pagefind's minicbor output uses it -----------------------------------
#
# Written for speed (issue #12): the word index holds a few million small numbers, and this
# runs in every build. The encoder appends to one bytearray; the decoder reads the common
# heads inline instead of a call per item. Both keep to the subset below, and the decoder
# accepts only the form the encoder writes (shortest heads, definite lengths), so a
# decoded file encodes back to the very same bytes without encoding it a second time.

_SIMPLE = {False: 0xF4, True: 0xF5, None: 0xF6}
_SIMPLE_VALUES = {0xF4: False, 0xF5: True, 0xF6: None}
# The smallest argument each head size may carry: minicbor always writes the shortest head.
_SHORTEST = {1: 24, 2: 1 << 8, 4: 1 << 16, 8: 1 << 32}


def _head(major: int, value: int) -> bytes:
    """A CBOR item head with the shortest argument, as minicbor writes it."""
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ReproducibleBuildError(f"Zahl {value} ist für CBOR zu groß")


# Encoded numbers, filled as they come: the word index repeats the same few thousand.
_INTS: dict[int, bytes] = {}
_INTS_CACHED = range(-(1 << 16), 1 << 16)


def _int(value: int) -> bytes:
    encoded = _INTS.get(value)
    if encoded is None:
        encoded = _head(0, value) if value >= 0 else _head(1, -1 - value)
        if value in _INTS_CACHED:
            _INTS[value] = encoded
    return encoded


def _encode_into(out: bytearray, value: Any) -> None:
    kind = type(value)
    if kind is list:
        _encode_list(out, value)
    elif kind is int:
        out += _int(value)
    elif kind is str:
        data = value.encode("utf-8")
        out += _head(3, len(data))
        out += data
    elif kind is bytes:
        out += _head(2, len(value))
        out += value
    elif kind is bool or value is None:
        out.append(_SIMPLE[value])
    else:
        raise ReproducibleBuildError(f"unerwarteter Wert {kind.__name__} im Pagefind-Index")


def _encode_list(out: bytearray, value: list[Any]) -> None:
    """A list, with its numbers and lists written in place (most of the word index)."""
    count = len(value)
    if count < 24:
        out.append(0x80 | count)
    else:
        out += _head(4, count)
    cached = _INTS.get
    for item in value:
        kind = type(item)
        if kind is int:
            encoded = cached(item)
            out += encoded if encoded is not None else _int(item)
        elif kind is list:
            if item:
                _encode_list(out, item)
            else:
                out.append(0x80)
        else:
            _encode_into(out, item)


def cbor_encode(value: Any) -> bytes:
    out = bytearray()
    _encode_into(out, value)
    return bytes(out)


def cbor_decode(data: bytes) -> Any:
    """Decode one CBOR item that fills `data` (definite lengths, shortest heads, no maps,
    tags or floats: all that Pagefind writes); anything else is an error, never a guess.
    Whatever this accepts, cbor_encode writes back byte for byte."""
    try:
        value, end = _decode_at(data, 0)
    except IndexError:
        raise ReproducibleBuildError("Pagefind-Index endet mitten in einem Wert") from None
    if end != len(data):
        raise ReproducibleBuildError("Pagefind-Index hat überzählige Bytes")
    return value


def _argument(data: bytes, at: int, info: int) -> tuple[int, int]:
    """The argument of a head with additional information `info`, read from `at`."""
    if info < 24:
        return info, at
    if info > 27:
        raise ReproducibleBuildError(f"CBOR-Kopf mit Zusatz {info} (unbestimmte Länge) im Pagefind-Index")
    size = 1 << (info - 24)
    if at + size > len(data):
        raise ReproducibleBuildError("Pagefind-Index endet mitten in einem Wert")
    argument = int.from_bytes(data[at : at + size], "big")
    if argument < _SHORTEST[size]:
        raise ReproducibleBuildError("CBOR-Kopf nicht in kürzester Form im Pagefind-Index")
    return argument, at + size


def _decode_at(data: bytes, at: int) -> tuple[Any, int]:
    """The item at `at` and the offset after it (IndexError when `data` ends too early)."""
    initial = data[at]
    at += 1
    if initial < 0x18:  # the commonest item: a small unsigned number
        return initial, at
    major = initial >> 5
    if major == 7:
        if initial not in _SIMPLE_VALUES:
            raise ReproducibleBuildError(f"unbekannter CBOR-Wert 0x{initial:02x} im Pagefind-Index")
        return _SIMPLE_VALUES[initial], at
    argument, at = _argument(data, at, initial & 31)
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        chunk = data[at : at + argument]
        if len(chunk) != argument:
            raise ReproducibleBuildError("Pagefind-Index endet mitten in einem Text")
        return (chunk if major == 2 else chunk.decode("utf-8")), at + argument
    if major == 4:
        return _decode_list(data, at, argument)
    raise ReproducibleBuildError(f"CBOR-Typ {major} im Pagefind-Index nicht erwartet")


def _decode_list(data: bytes, at: int, count: int) -> tuple[list[Any], int]:
    """The `count` items of a list from `at`: numbers below 2^16 (nearly all of the word
    index) and short lists in place, anything else by _decode_at."""
    items: list[Any] = []
    append = items.append
    for _ in range(count):
        byte = data[at]
        if byte < 0x18:
            append(byte)
            at += 1
        elif 0x20 <= byte < 0x38:
            append(0x1F - byte)
            at += 1
        elif byte == 0x18 or byte == 0x38:
            number = data[at + 1]
            if number < 24:
                raise ReproducibleBuildError("CBOR-Kopf nicht in kürzester Form im Pagefind-Index")
            append(number if byte == 0x18 else -1 - number)
            at += 2
        elif byte == 0x19 or byte == 0x39:
            number = data[at + 1] << 8 | data[at + 2]
            if number < 256:
                raise ReproducibleBuildError("CBOR-Kopf nicht in kürzester Form im Pagefind-Index")
            append(number if byte == 0x19 else -1 - number)
            at += 3
        elif byte == 0x80:
            append([])
            at += 1
        elif 0x80 < byte < 0x98:
            item, at = _decode_list(data, at + 1, byte - 0x80)
            append(item)
        else:
            item, at = _decode_at(data, at)
            append(item)
    return items, at


# --- Pagefind ----------------------------------------------------------------------------


def pagefind_hash(data: bytes) -> str:
    """Pagefind's `full_hash`: SHA-1, each byte as hex without leading zero (its own quirk)."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def read_index_file(path: Path) -> Any:
    """Decode one gzip'd Pagefind index file; refuse any file this module could not
    write back byte for byte (a newer format must not be rewritten half understood)."""
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as error:
        raise ReproducibleBuildError(f"{path.name}: kein gzip ({error})") from error
    if not data.startswith(SIGNATURE):
        raise ReproducibleBuildError(f"{path.name}: unbekanntes Pagefind-Format")
    try:
        # cbor_decode accepts only what cbor_encode writes back byte for byte.
        return cbor_decode(data[len(SIGNATURE) :])
    except (ReproducibleBuildError, UnicodeDecodeError) as error:
        raise ReproducibleBuildError(f"{path.name}: {error} (Pagefind-Version prüfen)") from error


def index_file_bytes(encoded: bytes) -> bytes:
    """gzip with mtime 0 and level 9, like Pagefind, of the marker and the CBOR."""
    return gzip.compress(SIGNATURE + encoded, compresslevel=9, mtime=0)


@dataclass
class _Names:
    """Short file names from content hashes, longer only on a collision (as Pagefind does)."""

    language: str
    used: set[str] = field(default_factory=set)

    def name(self, encoded: bytes) -> str:
        full = f"{self.language}_{pagefind_hash(encoded)}"
        length = len(self.language) + 8
        while full[:length] in self.used and length < len(full):
            length += 1
        self.used.add(full[:length])
        return full[:length]


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise ReproducibleBuildError(f"Pagefind-Index hat nicht den erwarteten Aufbau: {what} (Pagefind-Version prüfen)")


def _pages(pages: list[int], new_number: dict[int, int]) -> list[int]:
    """A filter's page list: page numbers, renumbered, ascending."""
    _expect(all(isinstance(page, int) and page in new_number for page in pages), "Filterseiten")
    return sorted(new_number[page] for page in pages)


def _word_pages(pages: list[list[Any]], new_number: dict[int, int]) -> list[list[Any]]:
    """A word's pages, each [page number, locations, …]; Pagefind 1.5 writes the page
    numbers as differences to the page before (the first one from 0), ascending."""
    _expect(all(isinstance(page, list) and page and isinstance(page[0], int) for page in pages), "Wortindex-Seite")
    absolute, number = [], 0
    for page in pages:
        number += page[0]
        _expect(number in new_number and (not absolute or page[0] > 0), "Seitennummern im Wortindex")
        absolute.append([new_number[number], *page[1:]])
    absolute.sort(key=lambda page: page[0])
    previous = 0
    for page in absolute:
        page[0], previous = page[0] - previous, page[0]
    return absolute


def canonical_language(folder: Path, language: str, meta_hash: str) -> str:
    """Rewrite one language's metadata, word index and filters; return the new meta hash."""
    meta_path = folder / f"pagefind.{meta_hash}.pf_meta"
    meta = read_index_file(meta_path)
    _expect(isinstance(meta, list) and len(meta) >= 5, "Metadaten")
    version, pages, chunks, filters, sorts, *rest = meta

    # Pages in URL order: the fragment of each page says its URL.
    _expect(all(isinstance(page, list) and len(page) == 2 for page in pages), "Seitenliste")
    urls = []
    for old, (fragment, _) in enumerate(pages):
        try:
            data = gzip.decompress((folder / "fragment" / f"{fragment}.pf_fragment").read_bytes())
        except (OSError, EOFError) as error:
            raise ReproducibleBuildError(f"Fragment {fragment} nicht lesbar ({error})") from error
        _expect(data.startswith(SIGNATURE), "Fragment")
        urls.append((str(json.loads(data[len(SIGNATURE) :]).get("url", "")), fragment, old))
    order = [old for _, _, old in sorted(urls)]
    new_number = {old: new for new, old in enumerate(order)}
    pages = [pages[old] for old in order]

    replaced: list[Path] = [meta_path]
    written: dict[str, bytes] = {}
    names = _Names(language)

    new_chunks = []
    for chunk in chunks:
        _expect(isinstance(chunk, list) and len(chunk) == 3, "Wortindex-Abschnitt")
        start, end, chunk_hash = chunk
        path = folder / "index" / f"{chunk_hash}.pf_index"
        index = read_index_file(path)
        _expect(isinstance(index, list) and len(index) == 1, "Wortindex")
        words = []
        for word in index[0]:
            _expect(isinstance(word, list) and len(word) in (2, 3), "Wort")
            entry = [word[0], _word_pages(word[1], new_number)]
            if len(word) == 3:
                _expect(all(isinstance(variant, list) and len(variant) == 2 for variant in word[2]), "Wortvariante")
                variants = [[form, _word_pages(variant_pages, new_number)] for form, variant_pages in word[2]]
                entry.append(sorted(variants, key=lambda variant: variant[0]))
            words.append(entry)
        encoded = cbor_encode([words])
        name = names.name(encoded)
        written[f"index/{name}.pf_index"] = encoded
        replaced.append(path)
        new_chunks.append([start, end, name])

    names = _Names(language)  # Pagefind names filters apart from word chunks
    new_filters = []
    for entry in sorted(filters, key=lambda item: item[0]):
        _expect(isinstance(entry, list) and len(entry) == 2, "Filterliste")
        filter_name, filter_hash = entry
        path = folder / "filter" / f"{filter_hash}.pf_filter"
        index = read_index_file(path)
        _expect(isinstance(index, list) and len(index) == 2 and index[0] == filter_name, "Filter")
        values = sorted(([value, _pages(value_pages, new_number)] for value, value_pages in index[1]), key=lambda v: v[0])
        encoded = cbor_encode([filter_name, values])
        name = names.name(encoded)
        written[f"filter/{name}.pf_filter"] = encoded
        replaced.append(path)
        new_filters.append([filter_name, name])

    new_sorts = []
    for entry in sorted(sorts, key=lambda item: item[0]):
        _expect(isinstance(entry, list) and len(entry) == 2 and all(page in new_number for page in entry[1]), "Sortierung")
        new_sorts.append([entry[0], [new_number[page] for page in entry[1]]])

    new_meta = [version, pages, new_chunks, new_filters, new_sorts, *rest]
    encoded_meta = cbor_encode(new_meta)
    new_meta_hash = f"{language}_{pagefind_hash(encoded_meta)[: len(language) + 8]}"
    written[f"pagefind.{new_meta_hash}.pf_meta"] = encoded_meta

    # zlib lets go of the GIL while it compresses: the files are packed side by side.
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        packed = dict(zip(written, pool.map(index_file_bytes, written.values())))
    for path in replaced:
        path.unlink(missing_ok=True)
    for name, content in packed.items():
        (folder / name).write_bytes(content)
    return new_meta_hash


def canonical_pagefind(folder: Path) -> None:
    """Make Pagefind's output in `folder` independent of file-system order and hash seeds."""
    entry_path = folder / ENTRY_FILE
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        languages = entry["languages"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ReproducibleBuildError(f"{ENTRY_FILE} nicht lesbar ({error})") from error
    # The word index decodes into a few hundred thousand small lists, none in a cycle; the
    # cycle collector would walk the whole build's heap again and again while they are made.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for language in sorted(languages):
            try:
                languages[language]["hash"] = canonical_language(folder, language, languages[language]["hash"])
            except (ValueError, TypeError, KeyError, IndexError) as error:  # JSON of a fragment, unexpected shapes
                raise ReproducibleBuildError(
                    f"Pagefind-Index ({language}) hat nicht den erwarteten Aufbau: {error!r} (Pagefind-Version prüfen)"
                ) from error
    finally:
        if collecting:
            gc.enable()
    entry["languages"] = {language: languages[language] for language in sorted(languages)}
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
