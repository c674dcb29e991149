"""The parsed model of an offer: everything else (checks, site, reports) reads offers through it."""
from localoffer.model.finding import Finding, Severity
from localoffer.model.markdown import Link
from localoffer.model.offer import Offer, Section, load_offer, parse_offer

__all__ = ["Finding", "Link", "Offer", "Section", "Severity", "load_offer", "parse_offer"]
