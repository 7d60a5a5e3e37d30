"""Finding and reading the files under examples/ without trusting them.

A pull request can add symlinks (to .git/config, /etc/passwd …), FIFOs that block a
reader forever, huge files, or files the validator would otherwise skip. Nothing here
follows a symlink, opens anything but a regular file, or reads past a size limit.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from . import messages
from .htmlpolicy import IMAGE_NAME
from .problems import Problem

CASE_SUFFIX = ".md"
MARKDOWN_LOOKALIKES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".txt")
IMAGES_FOLDER = "images"
VOCABULARY_NAME = "vokabular.yml"
TEMPLATE_PREFIX = "_"
IGNORED_NAMES = frozenset({".gitkeep"})


class UnsafeFile(Exception):
    """A path that must not be read: not a regular file, or larger than allowed."""

    def __init__(self, code: str, **context):
        super().__init__(code)
        self.code = code
        self.context = context


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, never through a symlink and never more than `limit`.

    O_NOFOLLOW refuses a symlink at the last path component; O_NONBLOCK keeps a FIFO from
    blocking the open, and fstat then refuses it before any read.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except OSError as error:
        if os.path.islink(path):
            raise UnsafeFile("symlink") from error
        raise UnsafeFile("unreadable", reason=error.strerror or str(error)) from error
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise UnsafeFile("special_file")
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeFile("too_large", size=-(-os.stat(path, follow_symlinks=False).st_size // 1024), limit=limit // 1024)
    return data


@dataclass
class ExamplesTree:
    """What a scan found: case files, images by name, and every file that does not belong."""

    case_files: list[Path] = field(default_factory=list)
    images: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _kind(path: Path) -> str:
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISDIR(mode):
        return "dir"
    return "file" if stat.S_ISREG(mode) else "special"


class _Scanner:
    def __init__(self, display):
        self.display = display
        self.tree = ExamplesTree()

    def report(self, path: Path, code: str, **context) -> None:
        self.tree.problems.append(messages.problem(self.display(path), 1, "datei", code, name=path.name, **context))

    def file(self, path: Path, top_level: bool) -> None:
        """Classify one regular file given by the editor or found in a folder."""
        name = path.name
        if name.endswith(CASE_SUFFIX) and not name.startswith(TEMPLATE_PREFIX):
            self.tree.case_files.append(path)
        elif name.startswith(TEMPLATE_PREFIX) and name.endswith(CASE_SUFFIX):
            if not (top_level and name == "_vorlage.md"):
                self.report(path, "skipped_file")
        elif name.lower().endswith(MARKDOWN_LOOKALIKES):
            self.report(path, "wrong_suffix", suggestion=name[: name.rfind(".")].lower() + CASE_SUFFIX)
        elif not (top_level and name == VOCABULARY_NAME) and name not in IGNORED_NAMES:
            self.report(path, "stray_file")

    def entry(self, path: Path, top_level: bool) -> None:
        kind = _kind(path)
        if kind == "symlink":
            self.report(path, "symlink")
        elif kind == "special":
            self.report(path, "special_file")
        elif kind == "dir":
            if top_level and path.name == IMAGES_FOLDER:
                self.images(path)
            else:
                self.folder(path, top_level=False)
        else:
            self.file(path, top_level)

    def folder(self, folder: Path, top_level: bool) -> None:
        for child in sorted(folder.iterdir()):
            self.entry(child, top_level)

    def images(self, folder: Path) -> None:
        for child in sorted(folder.iterdir()):
            kind = _kind(child)
            if child.name in IGNORED_NAMES:
                continue
            if kind == "file" and IMAGE_NAME.fullmatch(child.name):
                self.tree.images[child.name] = child
            else:
                self.report(child, {"symlink": "symlink", "special": "special_file"}.get(kind, "stray_file"))


def scan(paths: list[Path], display) -> ExamplesTree:
    """Walk the given files and folders (never through a symlink) and sort what is there.

    A folder is read as an examples folder: cases at any depth, `images/` and the
    vocabulary at its top. `display` turns a path into the form shown in messages.
    """
    scanner = _Scanner(display)
    for path in paths:
        kind = _kind(path)
        if kind == "dir":
            before = len(scanner.tree.case_files)
            scanner.folder(path, top_level=True)
            if len(scanner.tree.case_files) == before:
                scanner.tree.problems.append(messages.problem(display(path), 1, "datei", "no_cases", folder=display(path)))
        elif kind == "file":
            scanner.file(path, top_level=False)
        else:
            scanner.report(path, "symlink" if kind == "symlink" else "special_file")
    scanner.tree.case_files = sorted(set(scanner.tree.case_files))
    return scanner.tree
