"""Helping people write offers: the template for a new offer, and safe fixes to existing ones."""
