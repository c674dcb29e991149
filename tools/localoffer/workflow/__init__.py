"""The review workflow's own logic, independent of any Git host or site engine.

- compare: what changed between two versions of an offer, section by section
- history: an offer's change history (who proposed, who approved, which sections)
- due: settings whose review is overdue or due soon
- reminders: the weekly reminder issues (planned here; sent by GitHubIssues)
- codeowners: .github/CODEOWNERS from the offers' maintainers
- ownership: who may change which files
"""
