"""The site's name for the one escaping path, localoffer/markup.py: read its rule before
adding a page. The site's templates are in site/templates/."""
from __future__ import annotations

from localoffer.markup import Markup, environment, escape, fragment

__all__ = ["Markup", "escape", "fragment", "environment"]
