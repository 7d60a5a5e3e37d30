"""MkDocs hooks: wire the praxisatlas package into the build. Thin on purpose.

Loading, validating, page data and rendering live in praxisatlas/ and know nothing of
MkDocs (DESIGN.md, Dependencies). State is rebuilt per build in on_config, because
`mkdocs serve` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import logging
import os
from html import escape
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from praxisatlas.assetversions import own_assets
from praxisatlas.cases import load_collection
from praxisatlas.csp import with_csp
from praxisatlas.exports import data_date, data_files
from praxisatlas.images import clean_image
from praxisatlas.markup import site_settings
from praxisatlas.operatorpages import UnknownToken
from praxisatlas.orientation import MARKDOWN_VIEWS, active_tab, case_toc, page_toc, trail
from praxisatlas.paths import EXAMPLES_DIR
from praxisatlas.problems import summary_line
from praxisatlas.render import PageRenderer, UnpublishableBody
from praxisatlas.reproducible import ReproducibleBuildError, make_reproducible
from praxisatlas.searchindex import SearchIndexError, build_search_index
from praxisatlas.settings import SettingsError
from praxisatlas.settings import load as load_operator_settings
from praxisatlas.sitepages import generated_pages
from praxisatlas.views import Atlas

log = logging.getLogger("mkdocs.hooks.praxisatlas")
STATE_KEY = "praxisatlas_renderer"
IMAGES_KEY = "praxisatlas_images"
ACTIVE_KEY = "praxisatlas_active_tab"
ASSETS_KEY = "atlas_assets"  # site path -> versioned address of our scripts and styles, for main.html
UNSET_KEY = "atlas_unset"  # labels of unset operator settings, for the preview notice in main.html


def on_config(config):
    """Check the operator settings and validate every case first: a production build
    without all settings, or any invalid case, stops before a page is written. Our own
    scripts and stylesheets get addresses with a content version (assetversions.py)."""
    try:
        operator = load_operator_settings(config.extra.get("atlas", {}), config.site_url, os.environ)
    except SettingsError as error:
        raise Abort(str(error)) from error
    settings = operator.page_settings(config.extra.get("atlas", {}))
    config.extra[UNSET_KEY] = [setting.label for setting in operator.missing]
    config_file = Path(config.config_file_path)
    markdown = site_settings(config_file)
    if (list(markdown.extensions), markdown.configs) != (list(config.markdown_extensions), dict(config.mdx_configs)):
        raise Abort("mkdocs.yml: markdown_extensions werden anders gelesen als von MkDocs — praxisatlas/markup.py anpassen")
    examples = config_file.parent / settings.get("examples_dir", EXAMPLES_DIR)
    collection = load_collection([examples], images_dir=examples / "images", config_file=config_file)
    for problem in collection.problems:
        (log.warning if problem.is_error else log.info)(problem.format())
    if collection.has_errors:
        raise Abort("Ungültige Praxisbeispiele — " + summary_line(collection.problems, collection.file_count))
    assets = own_assets(Path(config.docs_dir))
    config.extra[ASSETS_KEY] = assets
    config.extra_css = [assets.get(name, name) for name in config.extra_css]
    for index, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            config.extra_javascript[index] = assets.get(script, script)
        else:
            script.path = assets.get(script.path, script.path)
    overrides = Path(config.theme.custom_dir)
    config[STATE_KEY] = PageRenderer(Atlas(collection.cases), [overrides], settings)
    config[IMAGES_KEY] = collection.images
    return config


def on_files(files: Files, config) -> Files:
    """Add the generated pages, the open data and the images cases use, as clean copies."""
    renderer: PageRenderer = config[STATE_KEY]
    for page in generated_pages(renderer.atlas):
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for path, content in data_files(renderer.atlas, renderer.settings).items():
        files.append(File.generated(config, path, content=content))
    for name, path in config[IMAGES_KEY].items():
        files.append(File.generated(config, f"beispiele/images/{name}", content=clean_image(path)))
    return files


def _render(page, config, html: str) -> str:
    """The page's atlas view around `html`, with German errors for what must stop the build."""
    atlas_meta = page.meta["atlas"]
    renderer: PageRenderer = config[STATE_KEY]
    assets = config.extra[ASSETS_KEY]
    try:
        return renderer.render(
            atlas_meta["view"], atlas_meta.get("key", ""), html,
            lambda target: get_relative_url(assets.get(target, target), page.url), atlas_meta.get("page", 1),
        )
    except UnpublishableBody as error:
        raise Abort(f"{error.path}: body: der Sanitiser würde den geprüften Text verändern — Prüfung und Bau sind sich uneinig; bitte melden (SECURITY.md)") from error
    except UnknownToken as error:
        raise Abort(f"docs/{page.file.src_uri}: {error}") from error


def on_page_content(html: str, page, config, files) -> str:
    """Render the atlas view named in the page's front matter around its content, and give
    generated pages a contents list (and so Material's skip link) from their headings.

    Case pages are rendered later, just before their template (on_page_context): MkDocs
    first fills in every page and only then writes them, so 10,000 rendered case pages
    would all sit in memory at once. Their contents list comes from the case itself."""
    atlas_meta = page.meta.get("atlas")
    if not atlas_meta:
        return html
    renderer: PageRenderer = config[STATE_KEY]
    view = atlas_meta["view"]
    if view == "case":
        item = renderer.atlas.by_slug[atlas_meta["key"]]
        page.toc = get_toc(case_toc(escape(item.case.title), item.rendered.toc_tokens, bool(renderer.atlas.related(item))))
        return ""  # case pages carry no Markdown; see above
    rendered = _render(page, config, html)
    if view not in MARKDOWN_VIEWS:
        page.toc = get_toc(page_toc(rendered))
    return rendered


def on_page_context(context, page, config, nav):
    """Case pages rendered now (see on_page_content); breadcrumbs and the active tab for
    generated pages, which are outside the navigation."""
    atlas_meta = page.meta.get("atlas")
    if not atlas_meta:
        return context
    if atlas_meta["view"] == "case":
        page.content = _render(page, config, "")  # see on_page_content; freed in on_post_page
    atlas = config[STATE_KEY].atlas
    context["atlas_trail"] = trail(atlas_meta["view"], atlas_meta.get("key", ""), atlas, atlas_meta.get("page", 1))
    tab = active_tab(atlas_meta["view"], atlas_meta.get("key", ""), atlas)
    owner = next((item for item in nav.pages if item.file.src_uri == tab), None)
    if owner is not None and not owner.active:
        owner.active = True  # marks its tab; undone in on_post_page
        config[ACTIVE_KEY] = owner
    return context


# True under `mkdocs serve` (set once by on_startup; the module stays loaded between rebuilds).
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    """Leave the Content-Security-Policy out of the `mkdocs serve` preview.

    The live-reload script MkDocs injects into every served page carries the build epoch
    and a per-request timestamp, so no hash made at build time can match it; a policy would
    block it and the preview would stop reloading. `mkdocs build` always sets the policy,
    and the build and browser tests check the built site, not the preview.
    """
    global _serving
    _serving = command == "serve"
    if _serving:
        log.info("Vorschau ohne Content-Security-Policy (wegen des Live-Reload-Skripts); `mkdocs build` setzt sie.")


def on_post_page(output: str, page, config) -> str:
    """Put the policy first in <head>; scripts inside the page content are never hashed."""
    borrowed = config.get(ACTIVE_KEY)
    if borrowed is not None:
        borrowed.active = False
        config[ACTIVE_KEY] = None
    output = output if _serving else with_csp(output, untrusted=page.content or "")
    page.content = None  # written; MkDocs would keep every page's HTML to the end of the build
    return output


def on_post_template(output_content: str, template_name: str, config) -> str:
    """The same policy for static HTML templates such as 404.html (not for sitemap.xml)."""
    if _serving or not template_name.endswith(".html"):
        return output_content
    return with_csp(output_content)


def on_post_build(config) -> None:
    """Index the written site for search and the finder (Pagefind), then make the output
    byte for byte reproducible (sitemap dates, Pagefind's order; praxisatlas/reproducible.py)."""
    try:
        build_search_index(Path(config.site_dir))
    except SearchIndexError as error:
        raise Abort(f"Suchindex konnte nicht gebaut werden: {error}") from error
    try:
        make_reproducible(Path(config.site_dir), data_date(config[STATE_KEY].atlas))
    except ReproducibleBuildError as error:
        raise Abort(f"Reproduzierbarer Bau nicht möglich: {error}") from error
