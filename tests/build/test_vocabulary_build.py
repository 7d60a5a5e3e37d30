"""A broken vocabulary file stops the build with the validator's lines, never a traceback."""

from __future__ import annotations

from conftest import FIXTURES, build_site
from praxisatlas.paths import VOCABULARY_FILE
from praxisatlas.vocab import VOCABULARY_ENV


def test_broken_vocabulary_aborts_the_build_cleanly(tmp_path):
    vocabulary = tmp_path / "vokabular.yml"
    vocabulary.write_text(VOCABULARY_FILE.read_text(encoding="utf-8").replace("slug: frieden\n", "slug: Frieden\n"), encoding="utf-8")
    build = build_site(tmp_path, FIXTURES / "valid", {VOCABULARY_ENV: str(vocabulary)})
    assert build.code == 1
    assert "WARNING -  vokabular.yml:16: areas[3].slug: Kürzel 'Frieden' ist ungültig — " in build.output  # relative to cwd
    assert "Ungültige Praxisbeispiele — 1 Fehler und 0 Warnungen; 1 von 1 Datei ungültig." in build.output
    assert "Traceback" not in build.output
    assert not build.site.exists()
