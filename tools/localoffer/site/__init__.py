"""The borough's website: engine-neutral page builders over the offer model.

Everything here builds HTML (and offers.json) from the parsed offers; only
`mkdocs_plugin.py` and `config.py` know about MkDocs. Moving to another engine means writing
another thin layer over `build_site` (see site/build.py), not rewriting the pages.
"""
