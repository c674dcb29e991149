"""localoffer: publish a SEND Local Offer from Markdown in Git."""

__version__ = "0.1.0"
