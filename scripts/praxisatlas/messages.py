"""The German message catalogue: every problem code maps to one text with its hint.

Texts are `str.format` templates filled from the problem's context. The editor guide
(docs/mitmachen/referenz.md) shows an example for every code; a test keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

import yaml

from .characters import visible
from .problems import Problem, Severity, format_location

VORLAGE = "siehe examples/_vorlage.md"

CATALOGUE: dict[str, str] = {
    # The file as a whole
    "too_large": "Datei ist {size} KiB groß, erlaubt sind höchstens {limit} KiB — Text kürzen, Bilder als eigene Dateien nach examples/images/ legen",
    "not_utf8": "Datei ist nicht UTF-8-kodiert (ungültiges Byte an Position {offset}) — im Editor mit der Kodierung „UTF-8“ speichern",
    "symlink": "'{name}' ist ein symbolischer Link — Links werden nie gelesen; die Datei selbst ablegen oder den Link löschen",
    "special_file": "'{name}' ist keine gewöhnliche Datei (etwa eine Pipe oder ein Gerät) — löschen",
    "unreadable": "Datei kann nicht gelesen werden ({reason}) — Zugriffsrechte prüfen",
    "stray_file": "'{name}' gehört nicht nach examples/ und wird nicht veröffentlicht — Beispiele als <kuerzel>.md, Bilder in examples/images/ ablegen, alles andere löschen",
    "wrong_suffix": "'{name}' wird nicht gelesen: Beispieldateien enden auf .md (klein geschrieben) — umbenennen, z. B. in '{suggestion}'",
    "skipped_file": "'{name}' wird nicht geprüft und nicht veröffentlicht, weil der Name mit '_' beginnt — umbenennen, wenn es ein Beispiel ist, sonst löschen",
    "no_cases": "in {folder} gibt es kein einziges Beispiel — mindestens eine Datei <kuerzel>.md anlegen",
    "unused_image": "Bild '{name}' verwendet kein Beispiel, es wird nicht veröffentlicht — im Text einbinden oder löschen",
    "reserved_slug": "das Kürzel '{slug}' ist für Seiten der Website reserviert — einen anderen Dateinamen wählen, z. B. mit dem Namen der Kommune",
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
    "number_form": "'{raw}' ist keine einfache Zahl — Zahlen nur mit Ziffern 0–9 schreiben, ohne führende Null, Unterstrich oder Doppelpunkt, z. B. 2018; ist Text gemeint, in Anführungszeichen setzen",
    "forbidden_character": "enthält ein unsichtbares Zeichen oder Steuerzeichen: {characters} — löschen, am einfachsten die Stelle neu tippen statt hineinkopieren; solche Zeichen zeigen Text anders an, als er gespeichert ist",
    # Shape and types
    "unknown_key": "unbekanntes Feld '{key}'{suggestion} — erlaubt sind hier: {allowed}",
    "missing": "Pflichtfeld '{key}' fehlt — bitte ergänzen ({vorlage})",
    "empty_value": "Wert fehlt — Wert eintragen oder, wenn das Feld optional ist, die Zeile löschen",
    "text_expected": "Text erwartet, gefunden: {found} — in Anführungszeichen setzen: \"{raw}\"",
    "wrong_type": "{expected} erwartet, gefunden: {found}",
    "number_quoted": "ganze Zahl erwartet, gefunden: Text '{value}' — Anführungszeichen entfernen",
    "blank_text": "ist leer oder enthält nur Leerzeichen — Text eintragen oder, wenn das Feld optional ist, die Zeile löschen",
    "too_short_text": "zu kurz: {length} Zeichen, mindestens {min} nötig",
    "too_long_text": "zu lang: {length} Zeichen, höchstens {max} erlaubt — kürzen",
    "too_few_items": "Liste ist leer — mindestens {min} Eintrag nötig",
    "out_of_range": "{value} liegt außerhalb des erlaubten Bereichs {min} bis {max}",
    "bad_pattern": "'{value}' hat nicht das erwartete Format — {pattern_hint}",
    "impossible_date": "'{value}' ist kein mögliches Datum — Monat 01 bis 12 und einen Tag, den es in diesem Monat gibt, z. B. \"2020-05-31\"",
    "invalid": "ungültiger Wert '{value}' — mit der Vorlage vergleichen ({vorlage})",
    # Vocabularies, codes, addresses
    "unknown_vocab": "unbekannter Wert '{value}' für {vocabulary_label}{suggestion} — erlaubt sind: {allowed}",
    "unknown_country": "unbekannter Ländercode '{value}'{suggestion} — zwei Großbuchstaben nach ISO 3166-1, z. B. 'SY' für Syrien",
    "bad_url": "'{value}' ist keine vollständige Web-Adresse — mit {schemes} und Domain angeben, z. B. https://www.beispiel.de/seite",
    "url_credentials": "Web-Adresse enthält Zugangsdaten (Name oder Passwort vor '@') — nur die öffentliche Adresse der Seite angeben, z. B. https://www.beispiel.de/seite",
    "url_host": "Web-Adresse nennt '{host}' statt eines öffentlichen Domainnamens — Adressen wie https://www.beispiel.de/seite angeben: ohne IP-Adresse, 'localhost' oder Port wie ':8080', Domains mit Umlauten in der Form xn--…",
    # Rules across fields and files
    "duplicate_item": "'{value}' steht doppelt in der Liste (zuerst in Zeile {first}) — einen Eintrag löschen",
    "future_date": "Datum {value} liegt in der Zukunft — das Datum der letzten tatsächlichen Prüfung eintragen",
    "future_award": "Jahr {value} liegt in der Zukunft — nur verliehene Auszeichnungen eintragen",
    "source_without_url": "Quelle ohne Adresse — bei 'url' die Web-Adresse angeben, oder bei 'offline' sagen, warum es keine gibt, z. B. 'gedrucktes Heft, nicht online'",
    "source_url_and_offline": "Quelle hat eine Adresse und zugleich 'offline' — 'offline' ist nur für Quellen ohne Adresse: die Zeile löschen",
    "period_order": "Beginn {start} liegt nach dem Ende {end} — die Jahre prüfen",
    "placeholder": "enthält noch den Platzhalter '{text}' aus der Vorlage — durch echte Angaben ersetzen oder das Feld löschen",
    "contact_data": "enthält Kontaktdaten ('{snippet}') — keine Kontaktdaten von Privatpersonen eintragen: als Ansprechstelle die Dienststelle nennen und die Webseite der Dienststelle angeben",
    # Body
    "empty_body": "Text fehlt — nach dem schließenden '---' das Beispiel in eigenen Worten beschreiben",
    "word_count": "Text hat {words} Wörter, empfohlen sind 80 bis 400",
    "html_tag": "HTML-Element <{tag}> ist nicht erlaubt — Markdown verwenden; erlaubt sind nur: {allowed}",
    "html_attribute": "HTML-Attribut '{attribute}' in <{tag}> ist nicht erlaubt — das Attribut entfernen",
    "link_scheme": "Link-Ziel '{url}' ist nicht erlaubt — nur https://-, http://-, mailto:- oder relative Links verwenden",
    "image_external": "Bild '{src}' muss eine Datei in examples/images/ sein — Bild dort ablegen und als images/datei.jpg einbinden",
    "image_missing": "Bilddatei '{src}' gibt es nicht in examples/images/ — Dateinamen prüfen oder die Datei hinzufügen",
    "image_alt": "Bild '{src}' hat keinen Alternativtext — in die eckigen Klammern schreiben, was es zeigt: ![Beschreibung]({src})",
    "body_contact_data": "Text enthält Kontaktdaten ('{snippet}') — bitte prüfen: Kontaktdaten von Privatpersonen gehören nicht auf die Website; die Dienststelle nennen und auf ihre Webseite verlinken",
    "image_html": "Bild '{src}' ist als HTML eingebunden — Bilder als Markdown einbinden: ![Beschreibung]({src})",
    "image_too_large": "Bilddatei '{src}' ist {size} KiB groß, erlaubt sind höchstens {limit} KiB — das Bild verkleinern (1.600 Pixel Breite genügen)",
    "image_type": "Bilddatei '{src}' ist keine passende PNG-, JPEG- oder WebP-Datei (gefunden: {found}) — als .png, .jpg oder .webp speichern; die Endung muss zum Inhalt passen",
    "image_dimensions": "Bild '{src}' ist {width} × {height} Pixel groß, erlaubt sind höchstens {limit} Pixel je Seite — das Bild verkleinern",
    "image_unsafe": "Bilddatei '{src}' ist keine gewöhnliche Datei (etwa ein symbolischer Link) — die Bilddatei selbst in examples/images/ ablegen",
    "body_too_long": "Text ist {length} Zeichen lang, erlaubt sind höchstens {limit} — kürzen; 80 bis 400 Wörter genügen",
    "markup_limit": "Text enthält {count}-mal {what}, erlaubt sind höchstens {limit} — so viel Auszeichnung braucht kein Beispiel; Markdown sparsam verwenden",
    "nesting_too_deep": "Text ist zu tief verschachtelt oder eingerückt (höchstens {limit} Ebenen) — Listen und Zitate flacher anlegen, Zeilen nicht so weit einrücken",
    "html_comment": "HTML-Kommentar '<!-- … -->' ist nicht erlaubt — den Kommentar löschen; Hinweise für die Redaktion gehören in den Pull Request",
    "html_markup": "Auszeichnung '{markup}' ist nicht erlaubt — löschen und nur Markdown verwenden",
    "heading_level": "Überschrift erster Ebene ('# …') ist nicht erlaubt, die Seite hat schon den Titel als Überschrift — '## ' verwenden",
    "heading_id": "Überschrift ergibt die Sprungmarke '{value}', die nicht mit einem Buchstaben oder einer Ziffer beginnt — die Überschrift mit einem Wort beginnen",
    "html_class": "Art '{value}' in <{tag}> ist nicht erlaubt — erlaubt sind: {allowed}",
    "table_align": "Ausrichtung von Tabellenspalten (':' in der Trennzeile) ist nicht möglich — die Doppelpunkte in der Zeile unter dem Tabellenkopf entfernen",
    "body_changed": "Text enthält Auszeichnung, die beim Veröffentlichen entfernt würde — ungewöhnliches HTML oder Markdown vereinfachen; im Zweifel nur Absätze, Listen, Links und '## '-Überschriften verwenden",
    # The vocabulary file
    "vocab_file_missing": "Vokabulardatei fehlt — sie enthält alle erlaubten Kürzel; die Datei wiederherstellen, wie sie im Hauptzweig des Repositorys steht",
    "vocab_not_mapping": "Vokabulardatei muss aus den Abschnitten {names} bestehen, jeder mit 'name:' am Zeilenanfang und den Einträgen eingerückt darunter — Aufbau mit der Fassung im Hauptzweig vergleichen",
    "vocab_missing": "Vokabular '{name}' fehlt — den Abschnitt '{name}:' mit seinen Einträgen wieder einfügen; die Beispiele verwenden diese Kürzel",
    "vocab_not_list": "Vokabular '{name}' muss eine Liste mit mindestens einem Eintrag sein, jeder Eintrag beginnt mit '- slug: …' — Einrückung mit den anderen Vokabularen vergleichen",
    "vocab_entry": "Eintrag ohne {missing} — jeder Eintrag hier braucht {keys}, jedes in einer eigenen Zeile, eingerückt unter dem '- '",
    "vocab_text": "Text erwartet, gefunden: {found} — {keys} als nicht leeren Text schreiben, bei Bedarf in Anführungszeichen",
    "vocab_bad_slug": "Kürzel '{value}' ist ungültig — nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche, höchstens 80 Zeichen, z. B. '{suggestion}'",
    "vocab_bad_state": "Bundeslandkürzel '{value}' ist ungültig — zwei Großbuchstaben nach ISO 3166-2:DE ohne 'DE-', z. B. 'NW'",
    "vocab_duplicate": "Kürzel '{value}' steht in diesem Vokabular schon in Zeile {first} — jedes Kürzel nur einmal vergeben: einen der Einträge umbenennen oder löschen",
}

WARNING_CODES = frozenset({"word_count", "skipped_file", "unused_image", "body_contact_data"})
# Appended when a body finding has no line of its own (HTML carries no source lines).
LINE_UNKNOWN = " (genaue Zeile nicht bestimmbar, gemeldet ist der Textanfang)"

FIELD_LABELS = {
    "areas": "Handlungsfeld",
    "formats": "Format",
    "partner_types": "Partnerart",
    "city_types": "Art der Kommune",
    "states": "Bundesland",
    "sizes": "Größenklasse",
    "programmes": "Förderprogramm",
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
OWN_TEXT = frozenset({"allowed", "suggestion", "pattern_hint", "vocabulary_label", "schemes", "expected", "found", "characters"})


def quoted(value: Any) -> Any:
    """Editor input shown inside a message: one line, invisible and control characters as
    escapes such as \\u202e, bounded."""
    if not isinstance(value, str):
        return value
    text = visible(value)
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
