"""Placeholder until its rules land."""
RULES: dict[str, str] = {}


def check(offer, context):
    return []
