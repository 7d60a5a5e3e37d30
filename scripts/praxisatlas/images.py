"""Case images: checked by content, and published only as clean re-encoded copies.

A file called .png may hold HTML or SVG that runs script on our origin, a decompression
bomb, or a photo's GPS position. Pillow decodes it (PNG, JPEG and WebP only), and the
copy we publish is re-encoded from the pixels, so no metadata and no trailing bytes
survive.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from .files import UnsafeFile, read_limited

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000
# Pillow's format name -> the file endings that may carry it.
FORMATS = {"PNG": (".png",), "JPEG": (".jpg", ".jpeg"), "WEBP": (".webp",)}
# Save options that give the same bytes for the same pixels (reproducible builds).
SAVE_OPTIONS = {"PNG": {"optimize": False}, "JPEG": {"quality": 88, "optimize": False}, "WEBP": {"quality": 88, "method": 4}}


class ImageProblem(Exception):
    """Why an image cannot be published: a message code and its context."""

    def __init__(self, code: str, **context):
        super().__init__(code)
        self.code = code
        self.context = context


@dataclass(frozen=True)
class CheckedImage:
    name: str
    format: str
    width: int
    height: int


def _decode(name: str, data: bytes) -> Image.Image:
    suffix = name[name.rfind("."):].lower()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
            if suffix not in FORMATS[image.format]:
                raise ImageProblem("image_type", found=image.format)
            if max(image.size) > MAX_SIDE:
                raise ImageProblem("image_dimensions", width=image.size[0], height=image.size[1], limit=MAX_SIDE)
            image.load()
    except ImageProblem:
        raise
    except Exception as error:  # Pillow raises many types for broken or hostile data
        raise ImageProblem("image_type", found="keine lesbare PNG-, JPEG- oder WebP-Datei") from error
    return image


def _read(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_IMAGE_BYTES)
    except UnsafeFile as error:
        if error.code == "too_large":
            raise ImageProblem("image_too_large", **error.context) from error
        raise ImageProblem("image_unsafe") from error
    except FileNotFoundError as error:
        raise ImageProblem("image_missing") from error


def check_image(path: Path) -> CheckedImage:
    """Decode the whole image once; raises ImageProblem when it may not be published."""
    image = _decode(path.name, _read(path))
    return CheckedImage(path.name, image.format, *image.size)


def clean_image(path: Path) -> bytes:
    """The publishable copy: pixels only, turned upright, without EXIF, XMP or comments."""
    image = _decode(path.name, _read(path))
    kind = image.format
    upright = ImageOps.exif_transpose(image)
    if kind == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    elif kind == "WEBP" and upright.mode not in ("RGB", "RGBA"):
        upright = upright.convert("RGBA")
    buffer = io.BytesIO()
    upright.save(buffer, kind, **SAVE_OPTIONS[kind])
    return buffer.getvalue()
