"""The one Markdown pipeline for case bodies, shared by the validator and the build.

The extensions and their settings are read from mkdocs.yml, as MkDocs reads them, so a
case body means the same to the validator as to the site. Two site extensions are left
out for case bodies: `attr_list` and `md_in_html` let a body set arbitrary attributes
(`{: onclick=… }`) or smuggle Markdown into raw HTML, and no case needs either.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import markdown
import yaml
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .htmlpolicy import IMAGE_PREFIX

# MkDocs puts these in front of every site's markdown_extensions (mkdocs/config/defaults.py).
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
CASE_BODY_EXCLUDED = frozenset({"attr_list", "md_in_html"})
LOCAL_IMAGE_FOLDER = "images"


@dataclass(frozen=True)
class MarkdownSettings:
    """Extension names in load order and their options, as MkDocs resolves them."""

    extensions: tuple[str, ...]
    configs: dict[str, dict[str, Any]] = field(default_factory=dict, compare=True, hash=False)

    def without(self, names: frozenset[str]) -> "MarkdownSettings":
        kept = tuple(name for name in self.extensions if name not in names)
        return MarkdownSettings(kept, {k: v for k, v in self.configs.items() if k in kept})


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with MkDocs' own tags (`!ENV`, `!relative`); their values are not needed here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _merge(parent: Any, child: Any) -> Any:
    """MkDocs' INHERIT semantics (mergedeep, replace strategy): mappings merge, the rest is replaced."""
    if isinstance(parent, dict) and isinstance(child, dict):
        merged = dict(parent)
        for key, value in child.items():
            merged[key] = _merge(parent[key], value) if key in parent else value
        return merged
    return child


def _read_config(config_file: Path) -> dict[str, Any]:
    with config_file.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_ConfigLoader) or {}
    parent = data.pop("INHERIT", None)
    if parent:
        data = _merge(_read_config((config_file.parent / parent).resolve()), data)
    return data


def site_settings(config_file: Path) -> MarkdownSettings:
    """The site's Markdown extensions from mkdocs.yml, builtins first, duplicates dropped."""
    names: list[str] = list(MKDOCS_BUILTINS)
    configs: dict[str, dict[str, Any]] = {}
    for item in _read_config(config_file).get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if options:
            configs[name] = options
        if name not in names:
            names.append(name)
    return MarkdownSettings(tuple(names), configs)


def case_body_settings(config_file: Path) -> MarkdownSettings:
    return site_settings(config_file).without(CASE_BODY_EXCLUDED)


class _LocalImages(Treeprocessor):
    """Point `images/<name>` at the published copy, seen from /beispiele/<slug>/."""

    def run(self, root):
        for image in root.iter("img"):
            parts = PurePosixPath(image.get("src", "")).parts
            if len(parts) == 2 and parts[0] == LOCAL_IMAGE_FOLDER and ":" not in parts[1]:
                image.set("src", IMAGE_PREFIX + parts[1])


class _LocalImagesExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_LocalImages(md), "praxisatlas_local_images", 0)


class NestingTooDeep(Exception):
    """The body nests lists or quotes deeper than the renderer can follow."""


@dataclass(frozen=True)
class RenderedBody:
    html: str
    toc_tokens: list[dict[str, Any]]


class BodyRenderer:
    """Renders case bodies with one reusable Markdown instance (building one costs ~ms)."""

    def __init__(self, settings: MarkdownSettings):
        self.settings = settings
        # Options are copied: extensions may keep references to what they are given.
        configs = copy.deepcopy(settings.configs)
        self._md = markdown.Markdown(extensions=[*settings.extensions, _LocalImagesExtension()], extension_configs=configs)

    def render(self, body: str) -> RenderedBody:
        self._md.reset()
        try:
            html = self._md.convert(body)
        except RecursionError as error:
            self._md.reset()
            raise NestingTooDeep from error
        return RenderedBody(html, list(getattr(self._md, "toc_tokens", [])))
