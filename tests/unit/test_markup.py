"""The case pipeline reads mkdocs.yml exactly as MkDocs does, minus the two risky extensions."""

from __future__ import annotations

import os

from mkdocs.config import load_config

from conftest import REPO
from praxisatlas.markup import CASE_BODY_EXCLUDED, BodyRenderer, case_body_settings, site_settings
from praxisatlas.paths import CONFIG_FILE


def mkdocs_view(config_file):
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def test_site_settings_match_what_mkdocs_resolves():
    settings = site_settings(CONFIG_FILE)
    assert (list(settings.extensions), settings.configs) == mkdocs_view(CONFIG_FILE)


def test_inherited_config_is_read_like_mkdocs_reads_it(tmp_path):
    child = tmp_path / "mkdocs.yml"
    child.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {REPO / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {REPO / 'overrides'}\nhooks: []\nwatch: []\n"
        "markdown_extensions:\n  - abbr\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    settings = site_settings(child)
    assert settings.extensions == ("toc", "tables", "fenced_code", "abbr")
    assert (list(settings.extensions), settings.configs) == mkdocs_view(child)


def test_case_bodies_use_the_site_extensions_without_attribute_injection():
    site, case = site_settings(CONFIG_FILE), case_body_settings(CONFIG_FILE)
    assert {"attr_list", "md_in_html"} <= set(site.extensions)
    assert set(case.extensions) == set(site.extensions) - CASE_BODY_EXCLUDED
    html = BodyRenderer(case).render('Absatz\n{: onclick="x()" }\n\n<div markdown="1">*a*</div>').html
    assert "<p onclick" not in html and "<em>" not in html


def test_local_images_point_at_the_published_copy():
    html = BodyRenderer(case_body_settings(CONFIG_FILE)).render("![A](images/a.png) ![B](images/sub/b.png)").html
    assert 'src="../images/a.png"' in html
    assert 'src="images/sub/b.png"' in html
