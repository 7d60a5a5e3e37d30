"""Realistic, deterministic case files for benchmarks (scripts/bench.py) and tests.

Every case differs: place names are built from German syllables, the Land, fields,
formats and programmes come from the vocabulary file, partners, sources and dates vary,
and the body (about 260 words) is put together from many sentence fragments, always with
the mandatory "## Zum Nachmachen" section. The same seed gives the same files, byte for
byte. Nothing here is a real project: web addresses use the reserved top-level domain
`.example` (RFC 2606), so no generated link points at somebody's site.

`generate_cases()` returns (slug, text) pairs; `write_cases()` writes them to a folder;
`check_cases()` runs the project's validator (praxisatlas.cases.load_collection) over
them and raises when it reports anything, warnings included.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from .characters import comparable
from .slugs import slugify
from .vocab import load_vocabularies

DEFAULT_SEED = 20261130
_WORD = re.compile(r"\w+")  # as the validator counts words (body.py)

# --- Places ------------------------------------------------------------------------------
_PREFIXES = ("", "", "", "", "", "Ober", "Nieder", "Neu", "Alt", "Groß", "Klein", "Hohen", "Bad ", "Sankt ")
_ROOTS = (
    "Linden", "Eichen", "Buchen", "Birken", "Falken", "Wolfs", "Rosen", "Stein", "Mühl", "Kirch",
    "Schön", "Wald", "Hassel", "Ahl", "Bram", "Dorn", "Elm", "Fried", "Gold", "Hage", "Iser",
    "Kalt", "Lauter", "Mar", "Nord", "Oster", "Rein", "Sonder", "Tann", "Uhlen", "Wester", "Wilden",
    "Alten", "Bern", "Clem", "Dann", "Erl", "Fisch", "Grün", "Hart", "Holz", "Kron", "Lich",
    "Mohr", "Ros", "Sand", "Scharn", "Trebe", "Weiden", "Zell", "Arns", "Bick", "Dett", "Ebers",
)
_SUFFIXES = (
    "burg", "berg", "dorf", "hausen", "heim", "feld", "stadt", "ingen", "au", "bach", "rode",
    "hagen", "furt", "stedt", "brück", "beck", "walde", "ow", "itz", "leben", "weiler", "kirchen",
    "münde", "born", "tal", "see",
)

# --- Countries of origin and partner countries ----------------------------------------------
_ORIGINS = (  # code, German short name, people (nominative plural), adjective stem, towns there
    ("GH", "Ghana", "Ghanaerinnen und Ghanaer", "Ghanaisch", ("Kumasi", "Tamale", "Ho")),
    ("SY", "Syrien", "Syrerinnen und Syrer", "Syrisch", ("Aleppo", "Homs")),
    ("AF", "Afghanistan", "Afghaninnen und Afghanen", "Afghanisch", ("Herat", "Masar-e Scharif")),
    ("TG", "Togo", "Togoerinnen und Togoer", "Togoisch", ("Kpalimé", "Zafi", "Atakpamé")),
    ("CM", "Kamerun", "Kamerunerinnen und Kameruner", "Kamerunisch", ("Bamenda", "Dschang", "Nkoumissé")),
    ("ER", "Eritrea", "Eritreerinnen und Eritreer", "Eritreisch", ("Keren", "Massawa")),
    ("ML", "Mali", "Malierinnen und Malier", "Malisch", ("Ségou", "Kayes", "Kati")),
    ("NG", "Nigeria", "Nigerianerinnen und Nigerianer", "Nigerianisch", ("Ibadan", "Jos")),
    ("SN", "Senegal", "Senegalesinnen und Senegalesen", "Senegalesisch", ("Ziguinchor", "Thiès", "Kolda")),
    ("TR", "Türkei", "Türkeistämmige", "Türkisch", ("Kilis", "Gaziantep", "Izmir")),
    ("VN", "Vietnam", "Vietnamesinnen und Vietnamesen", "Vietnamesisch", ("Hue", "Da Nang")),
    ("CD", "Kongo", "Kongolesinnen und Kongolesen", "Kongolesisch", ("Bukavu", "Kisangani")),
    ("ET", "Äthiopien", "Äthiopierinnen und Äthiopier", "Äthiopisch", ("Gondar", "Bahir Dar")),
    ("BF", "Burkina Faso", "Burkinerinnen und Burkiner", "Burkinisch", ("Kongoussi", "Ouahigouya")),
    ("PE", "Peru", "Peruanerinnen und Peruaner", "Peruanisch", ("Villa El Salvador", "Cusco")),
    ("CO", "Kolumbien", "Kolumbianerinnen und Kolumbianer", "Kolumbianisch", ("Medellín", "Cali")),
    ("MA", "Marokko", "Marokkanerinnen und Marokkaner", "Marokkanisch", ("Agadir", "Tanger")),
    ("TN", "Tunesien", "Tunesierinnen und Tunesier", "Tunesisch", ("Monastir", "Kairouan")),
    ("UA", "Ukraine", "Ukrainerinnen und Ukrainer", "Ukrainisch", ("Tschernihiw", "Poltawa")),
    ("IQ", "Irak", "Irakerinnen und Iraker", "Irakisch", ("Erbil", "Dohuk")),
    ("BJ", "Benin", "Beninerinnen und Beniner", "Beninisch", ("Porto-Novo", "Abomey")),
    ("KE", "Kenia", "Kenianerinnen und Kenianer", "Kenianisch", ("Nakuru", "Kisumu")),
    ("TZ", "Tansania", "Tansanierinnen und Tansanier", "Tansanisch", ("Moshi", "Arusha")),
    ("BO", "Bolivien", "Bolivianerinnen und Bolivianer", "Bolivianisch", ("Cochabamba", "Sucre")),
)


def _dative(people: str) -> str:
    """Dative plural of a group of people: "Ghanaerinnen und Ghanaer" -> "… Ghanaern"."""
    head, _, last = people.rpartition(" ")
    last += "n" if last.endswith(("er", "e")) else ""
    return f"{head} {last}".strip()


# --- Topics per field (no article: they follow "zum Thema" or stand alone) and activities per
# format (with the indefinite article, accusative) ------------------------------------------
_TOPICS = {
    "bildung-gesundheit": ("Schulbildung in {land}", "Gesundheitsversorgung in {land}", "Ausbildung junger Menschen in {land}"),
    "menschenrechte": ("Menschenrechte und Teilhabe", "Schutz vor Diskriminierung", "Rechte geflüchteter Frauen"),
    "humanitaere-hilfe": ("Humanitäre Hilfe für {land}", "Nothilfe nach Überschwemmungen", "Versorgung Geflüchteter"),
    "frieden": ("Dialog und Versöhnung", "Friedensarbeit in {land}", "Umgang mit Konflikten"),
    "staedtepartnerschaften": ("Partnerschaft mit {stadt}", "Städtefreundschaft mit {stadt}", "Austausch mit {stadt}"),
    "bildungsarbeit": ("Globales Lernen an Schulen", "Bildungsarbeit zu globalen Zusammenhängen", "Koloniale Spuren in der Stadt"),
    "fairer-handel": ("Fairer Handel", "Faire Beschaffung im Rathaus", "Fair gehandelte Produkte aus {land}"),
    "klima-umwelt": ("Klimaschutz und Klimaanpassung", "Umweltbildung", "Nachhaltige Landwirtschaft in {land}"),
    "rueckueberweisungen": ("Sichere Geldtransfers nach {land}", "Wirkung von Rücküberweisungen", "Günstige Überweisungswege"),
    "agenda-2030": ("Agenda 2030", "Kommunale Nachhaltigkeitsstrategie", "Globale Nachhaltigkeitsziele vor Ort"),
}
_ACTIVITIES = {
    "veranstaltungen": ("ein Fest der Kulturen", "eine Aktionswoche", "eine Veranstaltungsreihe", "einen Fachtag"),
    "informationsarbeit": ("eine Vortragsreihe", "eine Wanderausstellung", "eine Reihe von Schulbesuchen", "einen Stadtrundgang"),
    "partnerschaften": ("eine Projektpartnerschaft", "eine Städtepartnerschaft", "eine Reihe von Fachbesuchen"),
    "auslandsprojekte": ("ein Schulprojekt in {stadt}", "einen Brunnenbau in {stadt}", "eine Ausbildungswerkstatt in {stadt}"),
    "strukturen": ("einen Runden Tisch", "ein Netzwerk", "eine Koordinationsstelle", "einen Arbeitskreis"),
    "beratung": ("eine Fortbildungsreihe", "eine Beratung für Vereine", "eine Qualifizierung für Vereinsvorstände"),
}
_TITLE_PATTERNS = (
    "{ort}: {Aktivitaet} zum Thema {thema}",
    "{ort}: {Aktivitaet} mit {gruppe_dat}",
    "{ort}: {Adj}e Kulturtage – {thema}",
    "{ort}: Runder Tisch Migration und Entwicklung",
    "{ort}: Partnerschaft mit {stadt} ({land})",
    "{ort}: Diaspora und Verwaltung planen gemeinsam",
    "{ort}: {mo_kurz} und {Aktivitaet}",
    "{ort}: Eine-Welt-Arbeit mit {gruppe_dat}",
    "{ort}: Netzwerk für {thema}",
    "{ort}: Migrantische Vereine und {thema}",
    "{thema} {in_ort}",
    "{Aktivitaet} {in_ort} mit {gruppe_dat}",
)

# --- Body fragments (one sentence each; {mo} is always quoted after "Verein") -------------------
_OPENERS = (
    "{Kommune} arbeitet seit {jahr} eng mit dem Verein „{mo}“ zusammen.",
    "Den Anstoß gab {jahr} der Verein „{mo}“, in dem sich vor allem {gruppe} engagieren.",
    "Im Jahr {jahr} beschloss der Rat {kommune_gen}, die Zusammenarbeit mit migrantischen Vereinen auf feste Füße zu stellen.",
    "Am Anfang stand eine Frage aus dem Integrationsrat: Wie können {gruppe} ihr Wissen über {land} in die Eine-Welt-Arbeit einbringen?",
    "Als {jahr} eine Stelle für kommunale Entwicklungspolitik geschaffen wurde, suchte {kommune} gezielt den Kontakt zum Verein „{mo}“.",
    "Der Verein „{mo}“ gehört seit vielen Jahren zum Vereinsleben {in_ort}.",
    "{Gruppe} {in_ort} haben enge Verbindungen nach {land}, vor allem nach {stadt}.",
)
_MIDDLE = (
    "Gemeinsam entwickelten die Partner {aktivitaet}; im Mittelpunkt stand das Thema {thema}.",
    "Zum Programm gehörten Vorträge, Lesungen, ein Markt mit Produkten aus {land} und Gespräche mit Gästen aus {stadt}.",
    "Die Verwaltung stellte Räume, übernahm die Öffentlichkeitsarbeit und half bei Förderanträgen.",
    "Der Verein „{mo_kurz}“ brachte Kontakte nach {land} und viel Erfahrung aus der eigenen Vereinsarbeit ein.",
    "Nach Angaben {kommune_gen} nahmen im ersten Jahr rund {zahl} Menschen teil, im folgenden Jahr deutlich mehr.",
    "Ein kleines Team aus Ehrenamtlichen und einer Mitarbeiterin der Verwaltung plante die einzelnen Termine.",
    "Als weiterer Partner unterstützte „{partner}“ das Vorhaben mit Material, Fachwissen und einem Zuschuss von {euro} Euro.",
    "Besonders gefragt waren die Angebote für Schulklassen, die {zahl2} Schülerinnen und Schüler erreichten.",
    "Die Treffen fanden abwechselnd im Rathaus, in der Volkshochschule und in den Räumen des Vereins statt.",
    "In {stadt} entstand eine Arbeitsgruppe, die regelmäßig per Video mit den Partnern {in_ort} spricht.",
    "Wichtig war allen Beteiligten, dass die migrantischen Vereine nicht nur eingeladen werden, sondern mitentscheiden.",
    "Ein Teil der Einnahmen floss in {projekt} in {stadt}.",
    "Die Lokalpresse berichtete mehrfach, und weitere Vereine fragten an, ob sie sich beteiligen können.",
    "Seit {jahr2} trifft sich ein Arbeitskreis, der die nächsten Schritte berät und Erfahrungen auswertet.",
    "Die Koordination liegt in den Händen {kommune_gen}, die Inhalte verantworten die Vereine selbst.",
    "Zum Thema {thema} kamen Fachleute aus {land}, die über ihre Arbeit vor Ort berichteten.",
    "Viele Besucherinnen und Besucher lernten so zum ersten Mal die Arbeit des Vereins „{mo_kurz}“ kennen.",
    "Aus den ersten Begegnungen wuchs ein Netz von Kontakten, das heute auch andere Projekte trägt.",
    "Eine Ausstellung zeigte Fotos und Geschichten von {gruppe_dat}, die {in_ort} leben und sich engagieren.",
    "Der Integrationsrat und der Ausschuss für Nachhaltigkeit ließen sich regelmäßig über den Stand berichten.",
    "Die Finanzierung kam zu einem Teil aus dem Haushalt {kommune_gen}, zum anderen aus Spenden und Fördermitteln.",
    "Schwierig war anfangs die Terminplanung, weil viele Engagierte berufstätig sind und erst abends Zeit haben.",
    "Im Jahr {jahr2} reiste eine kleine Delegation nach {stadt}, um die Partner vor Ort kennenzulernen.",
    "Für die Werbung nutzten die Vereine ihre eigenen Kanäle, die Verwaltung ergänzte Plakate und die Website.",
    "Auch der Weltladen {in_ort} beteiligte sich und bot fair gehandelte Waren an.",
    "Mehrere Schulen nahmen das Angebot in ihren Unterricht auf, etwa in Erdkunde und Politik.",
)
_LISTS = (
    ("Zum Programm gehörten unter anderem:", ("ein Eröffnungsabend im Rathaus", "Kochkurse mit Rezepten aus {land}",
     "ein Filmabend mit Gespräch", "Workshops an Schulen", "ein Markt auf dem Rathausplatz", "eine Lesung in der Stadtbibliothek")),
    ("Die Partner teilten sich die Aufgaben:", ("die Verwaltung kümmerte sich um Räume und Werbung",
     "der Verein gestaltete das Programm", "der Weltladen stellte Waren und Informationsmaterial",
     "die Volkshochschule übernahm die Anmeldung", "der Integrationsrat warb in den Gemeinden")),
)
_SUBHEADINGS = ("Wie es begann", "Ablauf", "Beteiligte", "Was daraus wurde")
_PROJECTS = ("ein Schulprojekt", "eine Krankenstation", "ein Frauenprojekt", "eine Ausbildungswerkstatt", "ein Wasserprojekt")
_ADVICE = (
    "Kommunen sollten migrantische Vereine von Anfang an in die Planung einbeziehen und nicht erst zur Durchführung einladen.",
    "Es hilft, eine feste Ansprechstelle in der Verwaltung zu benennen, die auch abends erreichbar ist.",
    "Aufwandsentschädigungen für Ehrenamtliche machen deutlich, dass ihr Wissen als Fachwissen geschätzt wird.",
    "Ein kleiner, verlässlicher Etat ist oft wirksamer als eine große einmalige Förderung.",
    "Wer Räume im Rathaus öffnet, zeigt, dass die Zusammenarbeit politisch gewollt ist.",
    "Vereine lassen sich gut über den Integrationsrat ansprechen, der die Kontakte meist schon hat.",
    "Für Förderanträge lohnt sich eine Beratung durch die Servicestelle Kommunen in der Einen Welt.",
    "Kleine Formate wie ein Kochabend oder ein Filmabend sind ein guter Einstieg, bevor größere Projekte folgen.",
    "Die Ergebnisse sollten dem Rat berichtet werden, damit das Vorhaben über eine Wahlperiode hinaus trägt.",
    "Es lohnt sich, Erfahrungen mit Nachbarkommunen zu teilen, etwa über ein Eine-Welt-Netzwerk im Land.",
    "Partnerschaften mit Kommunen im Herkunftsland gewinnen, wenn die Diaspora die Kontakte selbst pflegt.",
    "Übersetzungen und Kinderbetreuung bei Veranstaltungen senken die Schwelle für viele Interessierte.",
)

# --- Partners, sources, awards -----------------------------------------------------------
_MO_PATTERNS = (
    "{Adj}er Kulturverein {ort} e. V.", "Deutsch-{Adj}e Gesellschaft {ort} e. V.", "Gemeinschaft der {gruppe} {in_ort}",
    "Afrika-Forum {ort} e. V.", "Diaspora-Netzwerk {ort}", "{Adj}e Gemeinde {ort} e. V.", "Brücke nach {land} e. V.",
    "{Adj}er Frauenverein {ort}", "Migrantinnenforum {ort}", "Freundeskreis {stadt} e. V.",
)
_OTHER_PARTNERS = (
    ("eine-welt-akteur", ("Weltladen {ort}", "Eine-Welt-Netzwerk {land_de}", "Fairtrade-Steuerungsgruppe {ort}")),
    ("dachverband", ("Dachverband der Migrantenorganisationen {region}", "Forum der Migrantinnen und Migranten {region}")),
    ("beirat", ("Integrationsrat {ort}", "Ausländerbeirat {ort}", "Migrationsbeirat {ort}")),
    ("bildungseinrichtung", ("Volkshochschule {ort}", "Gesamtschule {ort}", "Hochschule {region}")),
    ("religionsgemeinschaft", ("Evangelische Kirchengemeinde {ort}", "Katholische Pfarrei St. Martin {ort}", "Moscheegemeinde {ort}")),
    ("stiftung", ("Bürgerstiftung {ort}", "Stiftung Eine Welt {region}")),
    ("unternehmen", ("Stadtwerke {ort}", "Bäckerei-Genossenschaft {ort}")),
    ("staatliche-stelle", ("Engagement Global, Servicestelle Kommunen in der Einen Welt",)),
    ("partnerkommune", ("Gemeinde {stadt}", "Stadtverwaltung {stadt}")),
    ("zivilgesellschaft", ("Sportverein {ort} 1921 e. V.", "Initiative Offenes {ort}", "Nachbarschaftshilfe {ort}")),
)
_OFFICES = ("Amt für Integration", "Büro für Internationales", "Stabsstelle Nachhaltigkeit", "Kommunales Integrationszentrum", "Fachbereich Bildung und Soziales")
_PUBLISHERS = ("{Verwaltung}", "{mo}", "Engagement Global", "{ort}er Zeitung", "Eine-Welt-Netzwerk {land_de}", "Integrationsrat {ort}")
_SOURCE_TITLES = (
    "Jahresbericht {jahr}", "Pressemitteilung: {Aktivitaet} {in_ort}", "Dokumentation: {Aktivitaet}",
    "Ratsvorlage zur Zusammenarbeit mit Migrantenorganisationen", "Bericht zum Thema {thema}", "Porträt: {mo_kurz}",
    "Programmheft {jahr2}", "Rückblick auf {jahr2}", "Interview mit dem Vereinsvorstand", "Wettbewerbsbeitrag Kommune bewegt Welt",
    "Projektbeschreibung", "Newsletter {jahr2}", "Förderantrag und Abschlussbericht", "Sitzungsniederschrift des Integrationsrats",
)
_AWARDS = ("Kommune bewegt Welt", "Deutscher Engagementpreis", "Landespreis für Integration")
_SUMMARIES = (
    "{Kommune} und der Verein „{mo_kurz}“ organisieren seit {jahr} {aktivitaet} zum Thema {thema}.",
    "Seit {jahr} gestalten {gruppe} {in_ort} gemeinsam mit der Verwaltung {aktivitaet}.",
    "Der Verein „{mo_kurz}“ und {kommune} verbinden Integrationsarbeit und Eine-Welt-Arbeit, zuerst durch {aktivitaet}.",
    "{Kommune} hat mit migrantischen Vereinen {aktivitaet} aufgebaut; Thema: {thema}.",
)
_SUMMARY_ENDS = (
    " Das Beispiel zeigt, wie migrantische Vereine mitentscheiden können.",
    " Die Partner teilen sich Planung, Kosten und Öffentlichkeitsarbeit.",
    " Die Kontakte nach {land} machen das Angebot besonders.",
    " Inzwischen beteiligen sich weitere Vereine und Schulen.",
    "",
)


@dataclass(frozen=True)
class Vocab:
    """The slugs the generator draws from, in file order (deterministic)."""

    areas: tuple[str, ...]
    formats: tuple[str, ...]
    states: tuple[tuple[str, str], ...]  # (slug, label)
    sizes: tuple[str, ...]
    programmes: tuple[str, ...]
    partner_types: frozenset[str]


def _vocab() -> Vocab:
    v = load_vocabularies()
    return Vocab(
        tuple(v["areas"].slugs), tuple(v["formats"].slugs),
        tuple((t.slug, t.label) for t in v["states"].terms), tuple(v["sizes"].slugs),
        tuple(v["programmes"].slugs), frozenset(v["partner_types"].slugs),
    )


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _host(text: str) -> str:
    """A DNS label from a name: at most 40 characters, no hyphen at either end."""
    return slugify(text)[:40].strip("-") or "verein"


def _place(rng: random.Random) -> str:
    prefix, root, suffix = rng.choice(_PREFIXES), rng.choice(_ROOTS), rng.choice(_SUFFIXES)
    if prefix and not prefix.endswith(" "):
        return prefix + (root + suffix).lower()
    return prefix + root + suffix


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _wrap(block: str, width: int = 92) -> str:
    """Break prose like editors do (lists and headings stay as they are)."""
    if block.startswith(("## ", "- ")) or "\n" in block:
        return block
    lines, line = [], ""
    for word in block.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


class _Case:
    """One generated case: the facts are drawn first, the texts are built from them."""

    def __init__(self, rng: random.Random, vocab: Vocab, today: dt.date):
        r = self.rng = rng
        self.vocab, self.today = vocab, today
        place = _place(r)
        self.city_type = r.choices(("stadt", "gemeinde", "kreis"), weights=(6, 2, 2))[0]
        if self.city_type == "kreis":
            word = r.choice(("Kreis", "Landkreis"))
            self.city = f"{word} {place}"
            kommune, gen, dat = f"der {word} {place}", f"des {word}es {place}", f"dem {word} {place}"
            in_ort, verwaltung = f"im {word} {place}", f"{word} {place}"
        else:
            word = "Stadt" if self.city_type == "stadt" else "Gemeinde"
            self.city = place
            kommune, gen, dat = f"die {word} {place}", f"der {word} {place}", f"der {word} {place}"
            in_ort, verwaltung = f"in {place}", f"{word} {place}"
        self.state, state_label = r.choice(vocab.states)
        self.size = r.choice(vocab.sizes) if r.random() < 0.7 else None
        self.areas = r.sample(vocab.areas, r.randint(1, 3))
        self.formats = r.sample(vocab.formats, r.randint(1, 3))
        origins = r.sample(_ORIGINS, r.randint(1, 3))
        self.countries = [origin[0] for origin in origins] if r.random() < 0.8 else None
        _, land, gruppe, adj, towns = origins[0]
        self.values = {
            "ort": place, "in_ort": in_ort, "land": land, "stadt": r.choice(towns), "gruppe": gruppe,
            "Gruppe": _upper_first(gruppe), "gruppe_dat": _dative(gruppe), "Adj": adj,
            "region": r.choice((state_label, state_label, "Nord", "Süd", "Ost", "West")), "land_de": state_label,
            "kommune": kommune, "Kommune": _upper_first(kommune), "kommune_gen": gen, "kommune_dat": dat,
            "Verwaltung": verwaltung, "jahr": str(r.randint(2005, 2022)),
        }
        self.jahr = int(self.values["jahr"])
        self.values["jahr2"] = str(r.randint(self.jahr + 1, 2024))
        self.values["mo"] = self.mo = self.fill(r.choice(_MO_PATTERNS))
        self.values["mo_kurz"] = self.mo.removesuffix(" e. V.")
        self.values["thema"] = self.fill(r.choice(_TOPICS[self.areas[0]]))
        aktivitaet = self.fill(r.choice(_ACTIVITIES[self.formats[0]]))
        self.values["aktivitaet"] = aktivitaet
        self.values["Aktivitaet"] = _upper_first(aktivitaet.split(" ", 1)[1])  # without the article

    def fill(self, template: str, **extra: str) -> str:
        return template.format(**{**self.values, **extra})

    # --- front matter ---------------------------------------------------------------------
    def title(self, attempt: int) -> str:
        title = self.fill(self.rng.choice(_TITLE_PATTERNS))
        if attempt:  # a taken title: name the start year, then a part number
            title += f" (seit {self.jahr + attempt - 1})" if attempt < 6 else f", Teil {attempt}"
        return _upper_first(title)[:120]

    def summary(self) -> str:
        text = self.fill(self.rng.choice(_SUMMARIES)) + self.fill(self.rng.choice(_SUMMARY_ENDS))
        text = _upper_first(text)
        return text if len(text) >= 50 else text + " Die Zusammenarbeit läuft auf Augenhöhe."

    def partners(self) -> list[dict[str, str]]:
        r = self.rng
        count = r.randint(2, 7)
        found = [
            {"name": f"{self.values['Verwaltung']}, {r.choice(_OFFICES)}", "type": "kommune"},
            {"name": self.mo, "type": "migrantische-organisation"},
        ]
        if r.random() < 0.6:
            found[1]["url"] = f"https://www.{_host(self.values['mo_kurz'])}.example/"
        names = {p["name"] for p in found}
        for _ in range(count * 3):
            if len(found) >= count:
                break
            if r.random() < 0.25:  # a second diaspora organisation, often of another community
                code, land, gruppe, adj, towns = r.choice(_ORIGINS)
                kind = "migrantische-organisation"
                name = self.fill(r.choice(_MO_PATTERNS), Adj=adj, gruppe=gruppe, land=land, stadt=r.choice(towns))
            else:
                kind, patterns = r.choice(_OTHER_PARTNERS)
                name = self.fill(r.choice(patterns))
            if name in names or kind not in self.vocab.partner_types:
                continue
            names.add(name)
            partner = {"name": name, "type": kind}
            if r.random() < 0.4:
                partner["url"] = f"https://{_host(name)}.example/"
            found.append(partner)
        return found

    def sources(self) -> list[dict[str, str]]:
        r = self.rng
        result, titles = [], set()
        for index in range(r.randint(2, 8)):
            title = self.fill(r.choice(_SOURCE_TITLES))
            if title in titles:
                title = f"{title}, Teil {index + 1}"
            titles.add(title)
            source = {"title": title}
            if r.random() < 0.8:
                source["publisher"] = self.fill(r.choice(_PUBLISHERS))
            source["url"] = f"https://www.{_host(self.values['ort'])}.example/{_host(title)}-{index + 1}"
            roll, year = r.random(), r.randint(self.jahr, 2025)
            if roll < 0.4:
                source["date"] = str(year)
            elif roll < 0.7:
                source["date"] = f"{year}-{r.randint(1, 12):02d}"
            elif roll < 0.85:
                source["date"] = f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
            result.append(source)
        return result

    def front_matter(self, title: str) -> str:
        r = self.rng
        lines = [
            "---", f"title: {_q(title)}", f"summary: {_q(self.summary())}", f"city: {_q(self.city)}",
            f"city_type: {self.city_type}", f"state: {self.state}",
        ]
        if self.size:
            lines.append(f"size: {self.size}")
        lines += ["areas:", *(f"  - {a}" for a in self.areas), "formats:", *(f"  - {f}" for f in self.formats)]
        lines.append("partners:")
        for partner in self.partners():
            lines += [f"  - name: {_q(partner['name'])}", f"    type: {partner['type']}"]
            if "url" in partner:
                lines.append(f"    url: {_q(partner['url'])}")
        if self.countries:
            lines.append(f"countries: [{', '.join(self.countries)}]")
        if r.random() < 0.6:
            lines.append(f"sdgs: [{', '.join(str(n) for n in sorted(r.sample(range(1, 18), r.randint(1, 4))))}]")
        if r.random() < 0.75:
            lines += ["period:", f"  from: {self.jahr}"]
            if r.random() < 0.5:
                lines.append(f"  to: {r.randint(self.jahr, 2025)}")
        if r.random() < 0.1:
            lines += ["awards:", f"  - name: {_q(r.choice(_AWARDS))}", f"    year: {r.randint(self.jahr, 2025)}"]
            if r.random() < 0.5:
                lines.append(f"    rank: {r.randint(1, 3)}")
        if r.random() < 0.5:
            lines += ["contact:", f"  name: {_q(self.values['Verwaltung'] + ', ' + r.choice(_OFFICES))}"]
            lines.append(f"  url: {_q('https://www.' + _host(self.values['ort']) + '.example/kontakt')}")
        if r.random() < 0.35:
            lines.append(f"support: [{', '.join(r.sample(self.vocab.programmes, r.randint(1, 2)))}]")
        lines.append("sources:")
        for source in self.sources():
            for number, (key, value) in enumerate(source.items()):
                lines.append(f"{'  - ' if number == 0 else '    '}{key}: {_q(value)}")
        reviewed = self.today - dt.timedelta(days=r.randint(1, 600))
        lines += [f"reviewed: {reviewed.isoformat()}", "---", ""]
        return "\n".join(lines)

    # --- body -----------------------------------------------------------------------------
    def sentence(self, template: str) -> str:
        r = self.rng
        kind, patterns = r.choice(_OTHER_PARTNERS)
        return self.fill(
            template, zahl=str(r.randrange(40, 900, 10)), zahl2=str(r.randrange(60, 1500, 20)),
            euro=f"{r.randrange(2, 40)}.{r.choice(('000', '500'))}", partner=self.fill(r.choice(patterns)),
            projekt=r.choice(_PROJECTS),
        )

    def body(self, target_words: int) -> str:
        """Paragraphs of 3–5 sentences until about `target_words` words (as the validator counts
        them), sometimes with a subheading, a list, a bold name or a link; then the advice."""
        r = self.rng
        advice = " ".join(r.sample(_ADVICE, r.randint(2, 3)))
        if r.random() < 0.3:
            advice += f" Eine Übersicht bietet der [Bericht der Kommune](https://www.{_host(self.values['ort'])}.example/bericht)."
        tail = f"## Zum Nachmachen\n\n{_wrap(advice)}\n"
        budget = target_words - len(_WORD.findall(tail))
        blocks: list[str] = []
        paragraph = [self.sentence(r.choice(_OPENERS))]
        used = len(_WORD.findall(paragraph[0]))
        extras = r.random()
        want_heading, want_list = extras < 0.35, 0.2 < extras < 0.5
        size = r.randint(3, 5)
        for template in r.sample(_MIDDLE, len(_MIDDLE)):
            if used >= budget:
                break
            if want_list and blocks and used > budget / 2:
                intro, items = r.choice(_LISTS)
                text = intro + "\n\n" + "\n".join(f"- {self.fill(item)}" for item in r.sample(items, 3))
                if paragraph:
                    blocks.append(" ".join(paragraph))
                    paragraph = []
                blocks.append(text)
                used += len(_WORD.findall(text))
                want_list = False
                continue
            sentence = self.sentence(template)
            if r.random() < 0.05:
                sentence = sentence.replace(self.values["ort"], f"**{self.values['ort']}**", 1)
            paragraph.append(sentence)
            used += len(_WORD.findall(sentence))
            if len(paragraph) >= size:
                blocks.append(" ".join(paragraph))
                paragraph, size = [], r.randint(3, 5)
                if want_heading:
                    blocks.append(f"## {r.choice(_SUBHEADINGS)}")
                    want_heading = False
        if paragraph:
            blocks.append(" ".join(paragraph))
        if blocks[-1].startswith("## "):
            blocks.pop()
        text = "\n\n".join(_wrap(block) for block in blocks)
        return text.replace("e. V..", "e. V.") + "\n\n" + tail


def generate_cases(count: int, seed: int = DEFAULT_SEED, today: dt.date | None = None) -> list[tuple[str, str]]:
    """`count` distinct case files as (slug, text); the same seed gives the same files.

    `today` anchors the review dates (each lies 1–600 days before it); it defaults to a
    fixed date, so the output does not change from day to day.
    """
    today = today or dt.date(2026, 11, 1)
    vocab = _vocab()
    rng = random.Random(seed)
    titles: set[str] = set()
    slugs: set[str] = {"index", "images"}  # reserved below /beispiele/
    bodies: set[str] = set()
    result: list[tuple[str, str]] = []
    while len(result) < count:
        case = _Case(rng, vocab, today)
        for attempt in range(12):
            title = case.title(attempt)
            slug = slugify(title)
            if comparable(title) not in titles and slug not in slugs:
                break
        else:
            continue
        body = case.body(rng.randint(230, 290))
        if body in bodies:
            continue
        titles.add(comparable(title))
        slugs.add(slug)
        bodies.add(body)
        result.append((slug, case.front_matter(title) + "\n" + body))
    return result


def write_cases(folder: Path, cases: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for slug, text in cases:
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")


class InvalidBenchCases(Exception):
    """The validator reported problems about generated cases."""


def check_cases(folder: Path, expected: int | None = None, today: dt.date | None = None) -> int:
    """Validate every case file in `folder` with load_collection; raise InvalidBenchCases on
    any problem (warnings included) or when not exactly `expected` valid cases come back."""
    from .cases import load_collection

    collection = load_collection([folder], today=today, images_dir=folder / "images")
    if collection.problems:
        shown = "\n".join(problem.format() for problem in collection.problems[:20])
        raise InvalidBenchCases(f"{len(collection.problems)} Probleme in erzeugten Beispielen:\n{shown}")
    if expected is not None and len(collection.cases) != expected:
        raise InvalidBenchCases(f"{len(collection.cases)} gültige Beispiele statt {expected}")
    return len(collection.cases)
