"""Our own scripts and stylesheets are addressed by their content."""

from __future__ import annotations

import hashlib

from praxisatlas.assetversions import own_assets, versioned


def test_the_version_is_the_content_hash_and_changes_with_the_content(tmp_path):
    (tmp_path / "javascripts").mkdir()
    script = tmp_path / "javascripts" / "finder.js"
    script.write_text("one", encoding="utf-8")
    first = versioned(tmp_path, "javascripts/finder.js")
    assert first == f"javascripts/finder.js?v={hashlib.sha256(b'one').hexdigest()[:10]}"
    script.write_text("two", encoding="utf-8")
    assert versioned(tmp_path, "javascripts/finder.js") != first


def test_missing_files_and_addresses_with_a_query_stay_as_they_are(tmp_path):
    assert versioned(tmp_path, "javascripts/gibt-es-nicht.js") == "javascripts/gibt-es-nicht.js"
    (tmp_path / "x.css").write_text("a", encoding="utf-8")
    assert versioned(tmp_path, "x.css?v=1") == "x.css?v=1"


def test_every_script_and_stylesheet_below_docs_is_listed(tmp_path):
    for name in ("javascripts/a.js", "stylesheets/b.css", "stylesheets/notes.txt", "images/c.js"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(name, encoding="utf-8")
    assert sorted(own_assets(tmp_path)) == ["javascripts/a.js", "stylesheets/b.css"]
