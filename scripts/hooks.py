"""MkDocs hooks: wire the praxisatlas package into the build. Thin on purpose.

Loading, validating, page data and rendering live in praxisatlas/ and know nothing of
MkDocs (DESIGN.md, Dependencies). State is rebuilt per build in on_config, because
`mkdocs serve` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from praxisatlas.cases import load_collection
from praxisatlas.exports import data_files
from praxisatlas.paths import EXAMPLES_DIR
from praxisatlas.problems import summary_line
from praxisatlas.render import PageRenderer
from praxisatlas.sitepages import generated_pages
from praxisatlas.views import Atlas

log = logging.getLogger("mkdocs.hooks.praxisatlas")
STATE_KEY = "praxisatlas_renderer"
EXAMPLES_KEY = "praxisatlas_examples"


def on_config(config):
    """Validate every case first: any error stops the build before a page is written."""
    settings = dict(config.extra.get("atlas", {}))
    examples = Path(config.config_file_path).parent / settings.get("examples_dir", EXAMPLES_DIR)
    config[EXAMPLES_KEY] = examples
    collection = load_collection([examples], images_dir=examples / "images")
    for problem in collection.problems:
        (log.warning if problem.is_error else log.info)(problem.format())
    if collection.has_errors:
        raise Abort("Ungültige Praxisbeispiele — " + summary_line(collection.problems, collection.file_count))
    overrides = Path(config.theme.custom_dir)
    config[STATE_KEY] = PageRenderer(Atlas(collection.cases), [overrides], settings)
    return config


def on_files(files: Files, config) -> Files:
    """Add the generated pages, the open data and the case images (next to the case pages)."""
    renderer: PageRenderer = config[STATE_KEY]
    for page in generated_pages(renderer.atlas):
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for path, content in data_files(renderer.atlas).items():
        files.append(File.generated(config, path, content=content))
    images = config[EXAMPLES_KEY] / "images"
    if images.is_dir():
        for image in sorted(p for p in images.iterdir() if p.is_file() and not p.name.startswith(".")):
            files.append(File.generated(config, f"beispiele/images/{image.name}", abs_src_path=str(image)))
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Render the atlas view named in the page's front matter around its content."""
    atlas_meta = page.meta.get("atlas")
    if not atlas_meta:
        return html
    renderer: PageRenderer = config[STATE_KEY]
    return renderer.render(
        atlas_meta["view"], atlas_meta.get("key", ""), html, lambda target: get_relative_url(target, page.url)
    )
