"""Bringing a setting's existing SEN information report into an offer (`localoffer import`).

Each reader turns one kind of file into Markdown (`read_report`); `sections` splits it at the
setting's own headings; `mapping` puts each section under the question it answers; `details`
finds the front-matter the report states; `offer_text` writes the offer.
"""
from localoffer.importing.document import ImportedImage, Report
from localoffer.importing.reading import read_report

__all__ = ["ImportedImage", "Report", "read_report"]
