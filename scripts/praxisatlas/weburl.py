"""Web addresses: one check for every address the project accepts.

Case fields (through the model) and the programme pages of the vocabulary (through
vocab.py) are judged by this one function, so a link the validator accepts in one place
is never refused, or let through, in the other.
"""

from __future__ import annotations

import re
from typing import Any

from .characters import FORBIDDEN_CLASS

MAX_URL_LENGTH = 2000
# A public domain name: dot-separated ASCII labels and a top-level domain of letters, so no
# IP address, no "localhost", no empty label, no port. Umlaut domains use their xn-- form,
# which also keeps look-alike letters from other scripts out of addresses.
HOST = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"


def pattern(schemes: tuple[str, ...]) -> str:
    """The JSON Schema form of address_problem (the schema cannot give the reasons)."""
    return "^(" + "|".join(schemes) + rf")://{HOST}([/?#][^\s{FORBIDDEN_CLASS}]*)?$"


def address_problem(value: str, schemes: tuple[str, ...]) -> tuple[str, dict[str, Any]] | None:
    """None for an absolute URL with one of `schemes` and a public host name; otherwise the
    message code and its context: no user name or password, no IP address, no port."""
    scheme, separator, rest = value.partition("://")
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if scheme not in schemes or not separator or not authority or any(ch.isspace() for ch in value):
        return "bad_url", {"schemes": " oder ".join(f"{s}://" for s in schemes)}
    if "@" in authority:
        return "url_credentials", {}
    if not re.fullmatch(HOST, authority):
        # Letters from other scripts as escapes: www.b\u0435ispiel.de is not www.beispiel.de.
        return "url_host", {"host": authority.encode("ascii", "backslashreplace").decode("ascii")}
    return None
