"""Git plumbing (GitPython over real Git). Nothing in this package knows what an offer says;
the commands combine it with the model.

- repo: finding the repository, its main branch and remote, what has changed
- branches: starting or resuming `offer/<slug>/<date>` branches safely
- commit: committing only the given paths, pushing a branch
- pull_requests: a remote URL to the page that opens a pull request
- history: THE record of who proposed and who approved each published change (one
  `git log`; the site, `history`, `diff` and `report --as-of` all read it)
"""
from localoffer.git.repo import FileChange, GitProblem, open_repo

__all__ = ["FileChange", "GitProblem", "open_repo"]
