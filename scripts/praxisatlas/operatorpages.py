"""Hand-written pages filled from the operator settings: Impressum, Datenschutz,
Barrierefreiheit and the "Beispiel vorschlagen" routes on /mitmachen/.

The page's Markdown names a value as `{{ key }}` (a setting from settings.SETTINGS, or
one of the two proposal links). MkDocs turns the Markdown into HTML first; the tokens
pass through unchanged and are then replaced by a snippet from an autoescaping template,
so an operator's text is always shown as text. An unknown key stops the build instead of
leaving braces on a legal page. Knows nothing of MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from .settings import BY_KEY, OperatorSettings

TOKEN = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
# How each setting is shown: as a link (a web or e-mail address) or as text.
LINKS = {"site_url", "repository"}
EMAILS = {"contact_email"}
PROPOSAL_MAIL = "proposal_mail"
PROPOSAL_FORM = "proposal_form"
ISSUE_FORM = "beispiel-vorschlagen.yml"  # .github/ISSUE_TEMPLATE/

PROPOSAL_SUBJECT = "Vorschlag für den Praxisatlas: neues Beispiel"
# The fields an editor needs to write a case (DESIGN.md, the case file), as a form to fill in.
PROPOSAL_FIELDS = (
    "Titel des Beispiels:",
    "Kommune (Stadt, Gemeinde oder Kreis):",
    "Bundesland:",
    "Was wurde gemacht? (zwei bis drei Sätze)",
    "Partner, auch migrantische und Diaspora-Organisationen (Name und Art):",
    "Quellen mit Internetadresse (https://…), je Quelle eine Zeile:",
    "Ansprechstelle in der Kommune (Dienststelle oder Organisation, keine Privatperson):",
)
PROPOSAL_BODY = (
    "Guten Tag,\n\nich schlage dieses Beispiel für den Praxisatlas vor.\n\n"
    + "\n\n".join(PROPOSAL_FIELDS)
    + "\n\nAlle Angaben stehen in den genannten Quellen.\n"
)


class UnknownToken(Exception):
    """A page names a value that does not exist; the message says which and what exists."""


def mailto(address: str, subject: str, body: str) -> str:
    """An RFC 6068 mailto URL: every character of subject and body percent-encoded, line
    breaks as CRLF, so any mail program reads the same text."""
    encode = lambda text: quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")  # noqa: E731
    return f"mailto:{quote(address, safe='@')}?subject={encode(subject)}&body={encode(body)}"


def issue_form_url(repository: str) -> str:
    """GitHub's address for a new issue from the proposal form."""
    return f"{repository.rstrip('/')}/issues/new?template={ISSUE_FORM}"


def known_tokens() -> set[str]:
    return {*BY_KEY, PROPOSAL_MAIL, PROPOSAL_FORM}


def token_context(key: str, operator: OperatorSettings) -> dict[str, Any]:
    """What the value snippet (atlas/_operator-value.html) needs to show one token."""
    if key == PROPOSAL_MAIL:
        address = operator.values["contact_email"]
        return {"kind": "proposal_mail", "label": BY_KEY["contact_email"].label, "value": address,
                "href": mailto(address, PROPOSAL_SUBJECT, PROPOSAL_BODY) if address else ""}
    if key == PROPOSAL_FORM:
        repository = operator.values["repository"]
        return {"kind": "proposal_form", "label": BY_KEY["repository"].label, "value": repository,
                "href": issue_form_url(repository) if repository else ""}
    value = operator.values[key]
    kind = "link" if key in LINKS else "email" if key in EMAILS else "text"
    href = ("mailto:" + quote(value, safe="@")) if kind == "email" else value
    return {"kind": kind, "label": BY_KEY[key].label, "value": value, "href": href if value else "",
            "lines": value.splitlines()}


def fill(html: str, render_token: Callable[[str], str]) -> str:
    """Replace every `{{ key }}` in a page's HTML with `render_token(key)`."""
    unknown = sorted({name for name in TOKEN.findall(html) if name not in known_tokens()})
    if unknown:
        raise UnknownToken(
            f"unbekannte Angabe {', '.join(unknown)} — möglich sind: {', '.join(sorted(known_tokens()))}"
        )
    return TOKEN.sub(lambda match: render_token(match.group(1)), html)
