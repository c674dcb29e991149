"""Pictures found in a report, made into kinds the website publishes (model/offer_folder.py):
a BMP or TIFF from Word becomes a PNG (Pillow), and a kind that cannot be made into one (SVG,
Windows metafiles) is not written at all, with a note saying what to do. Otherwise `submit`
and the checks would refuse the very files `import` wrote."""
from __future__ import annotations

import io
from dataclasses import dataclass

from localoffer.model.offer_folder import IMAGE_SUFFIXES


@dataclass(frozen=True)
class Picture:
    name: str  # the name in the offer's images folder
    data: bytes | None  # None: nothing to write
    note: str = ""  # what the user should do, when the picture could not be kept


def publishable(number: int, suffix: str, data: bytes | None) -> Picture:
    """The report's `number`th picture, whose file kind is `suffix` ('.bmp'; '' when the
    report does not say), with its bytes (None when they could not be had)."""
    suffix = suffix.lower()
    if data is None or suffix in IMAGE_SUFFIXES:
        return Picture(f"image-{number}{suffix if suffix in IMAGE_SUFFIXES else '.png'}", data)
    name = f"image-{number}.png"
    found = _identify(data)
    if found in _KEPT_AS_THEY_ARE:
        return Picture(f"image-{number}{_KEPT_AS_THEY_ARE[found]}", data)
    converted = _as_png(data) if found in _MADE_INTO_PNG else None
    if converted is not None:
        return Picture(name, converted)
    kind = (suffix.lstrip(".") or found or "unknown").upper()
    return Picture(name, None, (
        f"Picture {number} ({kind}) is a kind of file the website does not publish, so it "
        f"was not saved. Save it as a PNG or JPEG picture named images/{name} in the offer's "
        "folder, or remove it from the offer."))


_KEPT_AS_THEY_ARE = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WEBP": ".webp"}
# Bitmaps Pillow reads whole and writes as PNG without changing what they show.
_MADE_INTO_PNG = frozenset({"BMP", "DIB", "TIFF", "ICO", "PCX", "TGA", "PPM"})


def _identify(data: bytes) -> str:
    """The picture's real kind by its content, as Pillow names it ('' when not a picture)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return str(image.format or "")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return ""


def _as_png(data: bytes) -> bytes | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            out = io.BytesIO()
            image.save(out, "PNG")
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
