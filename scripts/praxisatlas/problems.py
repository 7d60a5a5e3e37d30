"""Problems as data: where (path, line, field), what (code, message) and how bad (severity)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Literal

from .characters import visible

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding of the validator; `message` already holds the German text with its hint."""

    path: str
    line: int
    field: str
    code: str
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        """`PATH:LINE: FIELD: MESSAGE`, warnings marked with "Warnung:"; one line whatever a
        file name or value holds (invisible and control characters as escapes)."""
        prefix = "Warnung: " if self.severity == "warning" else ""
        return visible(f"{self.path}:{self.line}: {self.field}: {prefix}{self.message}")

    def format_github(self) -> str:
        """A GitHub workflow command, so the problem shows inline in the pull request diff.

        Escaped as GitHub's workflow-command format requires, so that no file name or value
        can end the command and start another (`::set-output`, `::add-mask`, …)."""
        kind = "warning" if self.severity == "warning" else "error"
        path = _command_property(visible(self.path))
        text = _command_data(visible(f"{self.field}: {self.message}"))
        return f"::{kind} file={path},line={self.line}::{text}"


def _command_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


_NOT_NAME = re.compile(r"[^\w-]")


def format_location(loc: Iterable[str | int]) -> str:
    """Turn a key path like ("partners", 0, "type") into `partners[0].type`.

    Keys typed by editors may hold spaces, colons or newlines; those characters become
    `_` so the line stays parseable (the message quotes the key as written).
    """
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = _NOT_NAME.sub("_", part) or "_"
            text += f".{name}" if text else name
    return text


def summary_line(problems: list[Problem], file_count: int) -> str:
    """The German closing line of a validator run."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    files_word = "Datei" if file_count == 1 else "Dateien"
    if not problems:
        return f"Alles in Ordnung: {file_count} {files_word} geprüft, keine Probleme gefunden."
    bad_files = len({p.path for p in problems if p.is_error})
    parts = [f"{errors} Fehler", f"{warnings} {'Warnung' if warnings == 1 else 'Warnungen'}"]
    if errors:
        verdict = f"{bad_files} von {file_count} {files_word} ungültig"
    else:
        verdict = f"{file_count} {files_word} geprüft, {'gültig' if file_count == 1 else 'alle gültig'}"
    return f"{parts[0]} und {parts[1]}; {verdict}."
