"""Which files a setting's folder, `offers/<slug>/`, may hold: the one list of allowed kinds.

A setting's folder holds its offer (`offer.md`, directly in the folder), its translations
(`offer.<language>.md`, such as offer.ur.md, directly in the folder) and the pictures the
offer shows. Those are all the website publishes from it, so they are all that `submit` sends
and all that `check-ownership` lets a change add. Documents (PDF, Word) are not among them:
the website does not publish them, and anything pushed to a public repository is public at
once, so a policy belongs on the setting's own website, linked from the offer.
Not SVG: opened on its own, an SVG file can run scripts on the site.
"""
from __future__ import annotations

from localoffer.model.files import OFFER_FILE, TRANSLATION_NAME

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})
ALLOWED_KINDS = (f"{OFFER_FILE}, its translations (offer.<language>.md) and pictures "
                 f"({', '.join(sorted(IMAGE_SUFFIXES))})")

_SPREADSHEETS_AND_DOCUMENTS = frozenset({
    ".csv", ".doc", ".docx", ".numbers", ".ods", ".odt", ".pages", ".pdf", ".rtf", ".txt",
    ".xls", ".xlsm", ".xlsx"})
_TEMPORARY_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
_TEMPORARY_SUFFIXES = (".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", "~")


def folder_file_problem(inside: str) -> str | None:
    """Why the file at `inside` (its path inside the setting's folder, with '/') may not be
    part of the offer, in words that say what to do; None when it may."""
    parts = inside.split("/")
    name = parts[-1]
    lowered = name.casefold()
    suffix = "." + lowered.rsplit(".", 1)[1] if "." in lowered.lstrip(".") else ""
    if name == OFFER_FILE and len(parts) == 1:
        return None
    if TRANSLATION_NAME.match(name) and len(parts) == 1:
        return None
    if name == OFFER_FILE or TRANSLATION_NAME.match(name):
        return ("An offer.md inside a folder of a setting's folder would become a separate "
                "setting. Each setting has one offer, at offers/<setting>/offer.md; to add a "
                "setting, ask your LA contact.")
    if suffix in IMAGE_SUFFIXES and not name.startswith("."):
        return None
    if (lowered in _TEMPORARY_NAMES or lowered.endswith(_TEMPORARY_SUFFIXES)
            or name.startswith((".#", "~$")) or (name.startswith("#") and name.endswith("#"))):
        return ("This is a temporary file made by an editor or by the computer, not part of "
                "the offer. Leave it out: close the editor, or delete the file if you no longer "
                "need it.")
    if suffix in _SPREADSHEETS_AND_DOCUMENTS:
        return ("Documents and spreadsheets are not part of an offer, and anything sent is "
                "public at once. Move this file out of the offers folder (never keep pupils' "
                "details here). To share a document such as a policy, put it on your setting's "
                "website and link to it from the offer.")
    if suffix == ".svg":
        return ("SVG pictures are not published (an SVG file can run scripts). Save the "
                "picture as PNG or JPEG instead.")
    return (f"This kind of file is not part of an offer: a setting's folder holds only "
            f"{ALLOWED_KINDS}. Move it out of the offers folder.")
