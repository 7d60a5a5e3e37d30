"""Operator settings: one place, environment overrides, and a production build that refuses gaps."""

from __future__ import annotations

import pytest

from praxisatlas.settings import PREVIEW_OPERATOR_NAME, SETTINGS, SettingsError, is_production, load, refusal

PUBLIC_URL = "https://atlas.example.de/"
COMPLETE = {
    "operator_name": "Stadt Musterstadt",
    "operator_address": "Marktplatz 1, 12345 Musterstadt",
    "operator_representative": "Oberbürgermeisterin Erika Beispiel",
    "contact_email": "praxisatlas@musterstadt.example.de",
    "privacy_officer": "Datenschutzbeauftragte der Stadt, datenschutz@musterstadt.example.de",
    "repository": "https://github.com/musterstadt/praxisatlas",
    "enforcement_body": "Ombudsstelle für Barrierefreiheit\nPostfach 1, 12345 Landeshauptstadt",
    "hosting": "Eigener Server der Stadt; Protokolle 7 Tage.",
}


def test_every_setting_has_a_praxisatlas_variable_named_after_its_key():
    assert [s.variable for s in SETTINGS] == [
        "PRAXISATLAS_SITE_URL", "PRAXISATLAS_OPERATOR_NAME", "PRAXISATLAS_OPERATOR_ADDRESS",
        "PRAXISATLAS_OPERATOR_REPRESENTATIVE", "PRAXISATLAS_CONTACT_EMAIL", "PRAXISATLAS_PRIVACY_OFFICER",
        "PRAXISATLAS_REPOSITORY", "PRAXISATLAS_ENFORCEMENT_BODY", "PRAXISATLAS_HOSTING",
    ]


def test_values_come_from_mkdocs_yml_when_no_variable_is_set():
    operator = load(COMPLETE, PUBLIC_URL, {})
    assert operator.values == {"site_url": PUBLIC_URL, **COMPLETE}
    assert operator.missing == []


def test_an_environment_variable_overrides_the_file():
    operator = load(COMPLETE, PUBLIC_URL, {"PRAXISATLAS_CONTACT_EMAIL": " redaktion@land.example.de "})
    assert operator.values["contact_email"] == "redaktion@land.example.de"


def test_an_empty_environment_variable_leaves_the_file_value():
    """CI passes `${{ vars.X }}` as '' when the repository variable does not exist."""
    operator = load(COMPLETE, PUBLIC_URL, {"PRAXISATLAS_OPERATOR_NAME": ""})
    assert operator.values["operator_name"] == "Stadt Musterstadt"


def test_missing_lists_every_unset_setting_in_order_and_treats_the_local_address_as_unset():
    partial = {**COMPLETE, "operator_address": "", "hosting": None, "privacy_officer": "   "}
    operator = load(partial, "http://127.0.0.1:8000/", {})
    assert [s.key for s in operator.missing] == ["site_url", "operator_address", "privacy_officer", "hosting"]


def test_edit_links_derive_from_the_repository():
    assert load(COMPLETE, PUBLIC_URL, {}).edit_base == "https://github.com/musterstadt/praxisatlas/edit/main/"


def test_an_explicit_edit_base_wins_over_the_repository():
    operator = load({**COMPLETE, "edit_base": "https://git.example.de/atlas/-/edit/main/"}, PUBLIC_URL, {})
    assert operator.edit_base == "https://git.example.de/atlas/-/edit/main/"
    assert load(COMPLETE, PUBLIC_URL, {"PRAXISATLAS_EDIT_BASE": "https://x.example.de/e/"}).edit_base == "https://x.example.de/e/"


def test_preview_pages_get_stand_ins_where_a_value_must_exist():
    settings = load({"examples_dir": "examples"}, "http://127.0.0.1:8000/", {}).page_settings({"examples_dir": "examples"})
    assert settings["examples_dir"] == "examples"
    assert settings["site_url"] == "http://127.0.0.1:8000/"
    assert settings["operator_name"] == PREVIEW_OPERATOR_NAME
    assert settings["edit_base"].endswith("/edit/main/")
    assert settings["contact_email"] == ""


def test_production_is_switched_on_by_1_only():
    assert is_production({"PRAXISATLAS_PRODUCTION": "1"}) is True
    assert is_production({"PRAXISATLAS_PRODUCTION": "0"}) is False
    assert is_production({}) is False


def test_an_unknown_production_value_is_refused_not_guessed():
    with pytest.raises(SettingsError) as error:
        is_production({"PRAXISATLAS_PRODUCTION": "ja"})
    assert str(error.value) == (
        "PRAXISATLAS_PRODUCTION='ja' ist nicht erlaubt — 1 für die Veröffentlichung, 0 oder weglassen für die Vorschau"
    )


def test_production_with_all_settings_loads():
    assert load(COMPLETE, PUBLIC_URL, {"PRAXISATLAS_PRODUCTION": "1"}).production is True


def test_production_refuses_with_every_missing_setting_and_where_to_set_it():
    partial = {**COMPLETE, "contact_email": "", "enforcement_body": ""}
    with pytest.raises(SettingsError) as error:
        load(partial, "http://127.0.0.1:8000/", {"PRAXISATLAS_PRODUCTION": "1"})
    assert str(error.value).splitlines() == [
        "Veröffentlichung abgebrochen: Es fehlen Angaben der betreibenden Stelle (Impressum, Datenschutz, Barrierefreiheit).",
        "Bitte in mkdocs.yml unter extra.atlas eintragen oder als Umgebungsvariable setzen:",
        "  - öffentliche Adresse der Website: site_url oder PRAXISATLAS_SITE_URL",
        "  - Kontakt-E-Mail-Adresse: extra.atlas.contact_email oder PRAXISATLAS_CONTACT_EMAIL",
        "  - Durchsetzungs- und Schlichtungsstelle für Barrierefreiheit: extra.atlas.enforcement_body oder PRAXISATLAS_ENFORCEMENT_BODY",
        "Eine Vorschau ohne diese Angaben zeigt `make serve` (PRAXISATLAS_PRODUCTION nicht setzen).",
    ]


def test_refusal_names_all_settings_when_none_is_set():
    assert len(refusal(list(SETTINGS)).splitlines()) == 2 + len(SETTINGS) + 1


def test_a_malformed_contact_address_is_refused_even_in_the_preview():
    with pytest.raises(SettingsError) as error:
        load({**COMPLETE, "contact_email": "redaktion at musterstadt.de"}, PUBLIC_URL, {})
    assert str(error.value) == (
        "contact_email: 'redaktion at musterstadt.de' ist keine E-Mail-Adresse — "
        "in der Form name@stelle.de angeben (PRAXISATLAS_CONTACT_EMAIL)"
    )


def test_a_repository_without_https_is_refused():
    with pytest.raises(SettingsError) as error:
        load({**COMPLETE, "repository": "github.com/musterstadt/praxisatlas"}, PUBLIC_URL, {})
    assert str(error.value).startswith("repository: 'github.com/musterstadt/praxisatlas' ist keine vollständige Web-Adresse")


def test_a_setting_that_is_not_text_is_refused_with_a_fix():
    with pytest.raises(SettingsError) as error:
        load({**COMPLETE, "operator_address": ["Marktplatz 1"]}, PUBLIC_URL, {})
    assert str(error.value) == (
        "mkdocs.yml: extra.atlas.operator_address: Text erwartet, gefunden: ['Marktplatz 1'] — in Anführungszeichen setzen"
    )
