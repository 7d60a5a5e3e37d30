"""The German message catalogue: every problem code maps to one text with its hint.

Texts are `str.format` templates filled from the problem's context. The editor guide
(docs/mitmachen.md) shows an example for every code; a test keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable

import yaml

from .problems import Problem, Severity, format_location

VORLAGE = "siehe examples/_vorlage.md"

CATALOGUE: dict[str, str] = {
    # The file as a whole
    "too_large": "Datei ist {size} KiB groß, erlaubt sind höchstens {limit} KiB — Text kürzen, Bilder als eigene Dateien nach examples/images/ legen",
    "not_utf8": "Datei ist nicht UTF-8-kodiert (ungültiges Byte an Position {offset}) — im Editor mit der Kodierung „UTF-8“ speichern",
    "bad_filename": "Dateiname '{name}' ist kein gültiges Kürzel — nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche, höchstens 80 Zeichen, z. B. '{suggestion}.md'",
    "duplicate_slug": "das Kürzel '{slug}' gibt es schon in {other} — Datei umbenennen",
    "duplicate_title": "den Titel '{title}' hat schon {other} — einen unterscheidbaren Titel wählen",
    # Front matter and YAML
    "no_front_matter": "Front Matter fehlt — die Datei muss in Zeile 1 mit '---' beginnen, dann folgen die Felder und wieder eine Zeile '---' ({vorlage})",
    "unclosed_front_matter": "Front Matter wird nicht geschlossen — nach dem letzten Feld eine Zeile '---' einfügen",
    "empty_front_matter": "Front Matter ist leer — die Pflichtfelder eintragen ({vorlage})",
    "not_mapping": "Front Matter muss aus Zeilen der Form 'feld: wert' bestehen — Aufbau mit der Vorlage vergleichen ({vorlage})",
    "yaml_syntax": "YAML-Syntaxfehler: {detail} — Einrückung (nur Leerzeichen) und Doppelpunkte prüfen; Text mit ':' oder '#' in Anführungszeichen setzen",
    "yaml_tag": "YAML-Tag '{tag}' ist nicht erlaubt — das Tag entfernen und den Wert direkt schreiben",
    "yaml_anchor": "YAML-Anker '&{name}' ist nicht erlaubt — Werte ausschreiben statt mit & und * zu verweisen",
    "yaml_alias": "YAML-Verweis '*{name}' ist nicht erlaubt — den Wert an dieser Stelle ausschreiben",
    "duplicate_key": "Feld '{key}' steht doppelt (zuerst in Zeile {first}) — einen der beiden Einträge löschen",
    "key_not_text": "Feldname '{key}' ist kein Text — Feldnamen wie in der Vorlage schreiben, z. B. 'title:'",
    "bad_scalar": "Wert '{raw}' kann nicht gelesen werden (z. B. ein unmögliches Datum) — Wert prüfen oder in Anführungszeichen setzen",
    # Shape and types
    "unknown_key": "unbekanntes Feld '{key}'{suggestion} — erlaubt sind hier: {allowed}",
    "missing": "Pflichtfeld '{key}' fehlt — bitte ergänzen ({vorlage})",
    "empty_value": "Wert fehlt — Wert eintragen oder, wenn das Feld optional ist, die Zeile löschen",
    "text_expected": "Text erwartet, gefunden: {found} — in Anführungszeichen setzen: \"{raw}\"",
    "wrong_type": "{expected} erwartet, gefunden: {found}",
    "number_quoted": "ganze Zahl erwartet, gefunden: Text '{value}' — Anführungszeichen entfernen",
    "too_short_text": "zu kurz: {length} Zeichen, mindestens {min} nötig",
    "too_long_text": "zu lang: {length} Zeichen, höchstens {max} erlaubt — kürzen",
    "too_few_items": "Liste ist leer — mindestens {min} Eintrag nötig",
    "out_of_range": "{value} liegt außerhalb des erlaubten Bereichs {min} bis {max}",
    "bad_pattern": "'{value}' hat nicht das erwartete Format — {pattern_hint}",
    "invalid": "ungültiger Wert '{value}' — mit der Vorlage vergleichen ({vorlage})",
    # Vocabularies, codes, addresses
    "unknown_vocab": "unbekannter Wert '{value}' für {vocabulary_label}{suggestion} — erlaubt sind: {allowed}",
    "unknown_country": "unbekannter Ländercode '{value}'{suggestion} — zwei Großbuchstaben nach ISO 3166-1, z. B. 'SY' für Syrien",
    "bad_url": "'{value}' ist keine vollständige Web-Adresse — mit {schemes} und Domain angeben, z. B. https://www.beispiel.de/seite",
    # Rules across fields and files
    "duplicate_item": "'{value}' steht doppelt in der Liste (zuerst in Zeile {first}) — einen Eintrag löschen",
    "future_date": "Datum {value} liegt in der Zukunft — das Datum der letzten tatsächlichen Prüfung eintragen",
    "future_award": "Jahr {value} liegt in der Zukunft — nur verliehene Auszeichnungen eintragen",
    "period_order": "Beginn {start} liegt nach dem Ende {end} — die Jahre prüfen",
    "placeholder": "enthält noch den Platzhalter '{text}' aus der Vorlage — durch echte Angaben ersetzen oder das Feld löschen",
    # Body
    "empty_body": "Text fehlt — nach dem schließenden '---' das Beispiel in eigenen Worten beschreiben",
    "word_count": "Text hat {words} Wörter, empfohlen sind 80 bis 400",
    "html_tag": "HTML-Element <{tag}> ist nicht erlaubt — Markdown verwenden; erlaubt sind nur: {allowed}",
    "html_attribute": "HTML-Attribut '{attribute}' in <{tag}> ist nicht erlaubt — das Attribut entfernen",
    "link_scheme": "Link-Ziel '{url}' ist nicht erlaubt — nur https://-, http://-, mailto:- oder relative Links verwenden",
    "image_external": "Bild '{src}' muss eine Datei in examples/images/ sein — Bild dort ablegen und als images/datei.jpg einbinden",
    "image_missing": "Bilddatei '{src}' gibt es nicht in examples/images/ — Dateinamen prüfen oder die Datei hinzufügen",
    "image_alt": "Bild '{src}' hat keinen Alternativtext — in die eckigen Klammern schreiben, was es zeigt: ![Beschreibung]({src})",
}

WARNING_CODES = frozenset({"word_count"})

FIELD_LABELS = {
    "areas": "Handlungsfeld",
    "formats": "Format",
    "partner_types": "Partnerart",
    "city_types": "Art der Kommune",
    "states": "Bundesland",
    "sizes": "Größenklasse",
}

YAML_PROBLEMS = {
    "mapping values are not allowed": "Doppelpunkt an unerwarteter Stelle",
    "could not find expected ':'": "Doppelpunkt nach dem Feldnamen fehlt",
    "found character that cannot start any token": "Zeichen, mit dem kein Wert beginnen darf",
    "did not find expected key": "Einrückung passt nicht zu den Zeilen davor",
    "did not find expected '-' indicator": "Einrückung der Liste passt nicht",
    "found unexpected end of stream": "Anführungszeichen oder Klammer wird nicht geschlossen",
    "found undefined alias": "Verweis auf einen unbekannten Anker",
    "expected <block end>, but found '<block sequence start>'": "Listeneintrag falsch eingerückt",
    "found a tab character that violates indentation": "Tabulatorzeichen in der Einrückung",
    "special characters are not allowed": "nicht erlaubtes Steuerzeichen",
    "found unacceptable character": "nicht erlaubtes Steuerzeichen",
}


MAX_QUOTED = 80
# Context keys whose text we compose ourselves; everything else may be editor input.
OWN_TEXT = frozenset({"allowed", "suggestion", "pattern_hint", "vocabulary_label", "schemes", "expected", "found"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def quoted(value: Any) -> Any:
    """Editor input shown inside a message: one line, control characters visible, bounded."""
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub("⏎", value)
    return text if len(text) <= MAX_QUOTED else text[: MAX_QUOTED - 1] + "…"


def render(code: str, **context: Any) -> str:
    safe = {k: v if k in OWN_TEXT else quoted(v) for k, v in context.items()}
    return CATALOGUE[code].format(vorlage=VORLAGE, **safe)


def problem(path: str, line: int, field: str | Iterable[str | int], code: str, **context: Any) -> Problem:
    """Build a Problem whose text comes from the catalogue."""
    severity: Severity = "warning" if code in WARNING_CODES else "error"
    name = field if isinstance(field, str) else format_location(field)
    return Problem(path, line, name, code, render(code, **context), severity)


def yaml_problem(error: yaml.YAMLError) -> str:
    """A German description of a PyYAML error (PyYAML's own text is English)."""
    detail = str(getattr(error, "problem", None) or error).strip()
    for english, german in YAML_PROBLEMS.items():
        if detail.startswith(english) or english in detail:
            return german
    return "Aufbau nicht lesbar"


def describe(value: Any) -> str:
    """A German, non-technical name for what the editor wrote (no dict, no NoneType)."""
    if value is None:
        return "nichts"
    if isinstance(value, bool):
        return "Ja/Nein-Wert"
    if isinstance(value, (int, float)):
        return "Zahl"
    if isinstance(value, dt.datetime):
        return "Datum mit Uhrzeit"
    if isinstance(value, dt.date):
        return "Datum"
    if isinstance(value, list):
        return "Liste"
    if isinstance(value, dict):
        return "Feldgruppe"
    return "Text"
