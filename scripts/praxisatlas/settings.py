"""Operator settings: who runs the site, read from one place (DESIGN.md, Operator settings).

The values live in mkdocs.yml under `extra.atlas`; an environment variable
PRAXISATLAS_<KEY IN CAPITALS> overrides each one, so a CI job can fill them without
editing the file. The public address is MkDocs' own `site_url` (PRAXISATLAS_SITE_URL).
A setting is unset while it is empty. The preview shows a notice for each unset setting;
a production build (PRAXISATLAS_PRODUCTION=1) refuses to run until all are set, because
an Impressum or a privacy notice with gaps must never go online. Knows nothing of MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .weburl import HOST, address_problem

PRODUCTION_VARIABLE = "PRAXISATLAS_PRODUCTION"
EDIT_BASE_VARIABLE = "PRAXISATLAS_EDIT_BASE"
# Exports need a publisher even in the preview; the site-wide notice says it is missing.
PREVIEW_OPERATOR_NAME = "Betreiber noch nicht eingetragen"
# Preview only, so that "Dieses Beispiel bearbeiten" has a target before the repository
# is set; a production build never uses it, since it refuses to run without `repository`.
PREVIEW_REPOSITORY = "https://github.com/praxisatlas/praxisatlas"
# The local preview's address is no public address: site_url counts as unset while it is one.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}
EMAIL = re.compile(rf"[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]{{1,64}}@{HOST}")


@dataclass(frozen=True)
class Setting:
    key: str
    label: str  # German; shown as "Noch nicht eingetragen: <label>"

    @property
    def variable(self) -> str:
        return "PRAXISATLAS_" + self.key.upper()


# In the order the pages and the refusal list them.
SETTINGS = (
    Setting("site_url", "öffentliche Adresse der Website"),
    Setting("operator_name", "Name der betreibenden Stelle"),
    Setting("operator_address", "Postanschrift der betreibenden Stelle"),
    Setting("operator_representative", "vertretungsberechtigte Person der betreibenden Stelle"),
    Setting("contact_email", "Kontakt-E-Mail-Adresse"),
    Setting("privacy_officer", "Kontakt der oder des Datenschutzbeauftragten"),
    Setting("repository", "Adresse des Repositorys"),
    Setting("enforcement_body", "Durchsetzungs- und Schlichtungsstelle für Barrierefreiheit"),
    Setting("hosting", "Angaben zu Hosting, Server-Protokollen und Aufbewahrung von E-Mails"),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}


class SettingsError(Exception):
    """A setting cannot be used, or production mode lacks settings; the text is for people."""


@dataclass(frozen=True)
class OperatorSettings:
    """The resolved values ('' when unset) and whether this is a production build."""

    values: Mapping[str, str]
    site_url: str  # MkDocs' site_url as configured, also the local preview address
    edit_base: str
    production: bool = False

    @property
    def missing(self) -> list[Setting]:
        return [setting for setting in SETTINGS if not self.values[setting.key]]

    def page_settings(self, atlas_extra: Mapping[str, Any]) -> dict[str, Any]:
        """The settings the pages and exports read (render.py, exports.py), with stand-ins
        for the preview where a value must exist; `operator` holds this object."""
        return {
            **atlas_extra,
            **self.values,
            "site_url": self.site_url,
            "operator_name": self.values["operator_name"] or PREVIEW_OPERATOR_NAME,
            "edit_base": self.edit_base,
            "operator": self,
        }


def _text(value: Any, setting: str) -> str:
    """A configured value as text; '' when left empty. Anything but text is a mistake."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SettingsError(f"mkdocs.yml: extra.atlas.{setting}: Text erwartet, gefunden: {value!r} — in Anführungszeichen setzen")
    return value.strip()


def is_production(environ: Mapping[str, str]) -> bool:
    """PRAXISATLAS_PRODUCTION=1 asks for a production build; unset, '' or '0' for a preview."""
    value = environ.get(PRODUCTION_VARIABLE, "").strip()
    if value not in ("", "0", "1"):
        raise SettingsError(
            f"{PRODUCTION_VARIABLE}='{value}' ist nicht erlaubt — 1 für die Veröffentlichung, 0 oder weglassen für die Vorschau"
        )
    return value == "1"


def _is_local(site_url: str) -> bool:
    return not site_url or urlsplit(site_url).hostname in LOCAL_HOSTS


def _check(values: Mapping[str, str]) -> None:
    """Refuse values that would make broken links on every legal page."""
    email = values["contact_email"]
    if email and not EMAIL.fullmatch(email):
        raise SettingsError(
            f"contact_email: '{email}' ist keine E-Mail-Adresse — in der Form name@stelle.de angeben ({BY_KEY['contact_email'].variable})"
        )
    repository = values["repository"]
    if repository and address_problem(repository, ("https",)) is not None:
        raise SettingsError(
            f"repository: '{repository}' ist keine vollständige Web-Adresse — mit https:// angeben, z. B. https://github.com/stelle/praxisatlas ({BY_KEY['repository'].variable})"
        )


def refusal(missing: list[Setting]) -> str:
    """The German message a production build stops with: every missing setting, and where to set it."""
    lines = [
        "Veröffentlichung abgebrochen: Es fehlen Angaben der betreibenden Stelle (Impressum, Datenschutz, Barrierefreiheit).",
        "Bitte in mkdocs.yml unter extra.atlas eintragen oder als Umgebungsvariable setzen:",
    ]
    for setting in missing:
        where = "site_url" if setting.key == "site_url" else f"extra.atlas.{setting.key}"
        lines.append(f"  - {setting.label}: {where} oder {setting.variable}")
    lines.append(f"Eine Vorschau ohne diese Angaben zeigt `make serve` ({PRODUCTION_VARIABLE} nicht setzen).")
    return "\n".join(lines)


def load(atlas_extra: Mapping[str, Any], site_url: str, environ: Mapping[str, str]) -> OperatorSettings:
    """Resolve every setting: a non-empty environment variable wins over mkdocs.yml.

    `site_url` is MkDocs' value, which already honours PRAXISATLAS_SITE_URL. Raises
    SettingsError for an unusable value, and in production mode for any unset setting.
    """
    production = is_production(environ)
    values = {"site_url": "" if _is_local(site_url) else site_url}
    for setting in SETTINGS[1:]:
        values[setting.key] = environ.get(setting.variable, "").strip() or _text(atlas_extra.get(setting.key), setting.key)
    _check(values)
    edit_base = environ.get(EDIT_BASE_VARIABLE, "").strip() or _text(atlas_extra.get("edit_base"), "edit_base")
    if not edit_base:
        edit_base = (values["repository"] or PREVIEW_REPOSITORY).rstrip("/") + "/edit/main/"
    operator = OperatorSettings(values, site_url, edit_base, production)
    if production and operator.missing:
        raise SettingsError(refusal(operator.missing))
    return operator
