"""The review workflow's own logic, independent of any Git host or site engine.

- compare: what changed between two versions of an offer, section by section
- offer_versions: an offer as it was in any version, and its published changes (from the
  record in git/history.py) with which sections each changed
- due: settings whose review is overdue or due soon
- reminders: the weekly reminder issues (planned here; sent by GitHubIssues)
- codeowners: .github/CODEOWNERS from the offers' maintainers
- ownership: who may change which files
"""
