"""One module per command. Each defines `cli` (a click command) over plain functions."""
from __future__ import annotations

# name: (module in localoffer.commands, one-line help). Each module defines `cli`, a click command.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "Check offers for missing answers, out-of-date reviews and other problems."),
    "fix": ("fix", "Make safe fixes to offers (dates, quoting, missing headings)."),
    "new": ("new", "Start a new offer from the template for a setting type."),
    "import": ("import_", "Bring a setting's existing SEN information report into an offer."),
    "schema": ("schema", "Print the JSON Schema of an offer's front-matter."),
    "questions": ("questions", "List the question sets, their questions and the areas they cover."),
    "config": ("config", "Show the borough's rules after localoffer.yml is applied."),
    "build": ("build", "Build the borough's Local Offer website."),
    "serve": ("serve", "Preview the website while you edit, with live reload."),
    "publish": ("publish", "Publish a year's version of the website with mike."),
    "edit": ("edit", "Start or resume a branch to change one setting's offer."),
    "submit": ("submit", "Check, commit and push your changes for review."),
    "history": ("history", "Show the change history of one offer."),
    "diff": ("diff", "Summarise what changed in an offer, section by section."),
    "due": ("due", "List settings whose review is overdue or due soon."),
    "codeowners": ("codeowners", "Write .github/CODEOWNERS from the offers' maintainers."),
    "check-ownership": ("check_ownership", "Refuse changes to offers the author does not maintain."),
    "report": ("report", "Report on every offer: review state, coverage and quality."),
    "export": ("export", "Export the settings as JSON, CSV or Open Referral UK records."),
    "translations": ("translations", "List each setting's translations: up to date, out of "
                     "date, missing."),
    "pdf": ("pdf", "Make a PDF booklet of the published offers, to print paper copies."),
}
