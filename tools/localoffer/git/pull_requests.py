"""From a remote's URL to the web page where a pull request is opened.

Knows GitHub (and GitHub Enterprise), GitLab (gitlab.com and self-hosted hosts with 'gitlab'
in their name) and Azure DevOps (dev.azure.com and the older *.visualstudio.com), in their
https and ssh forms. Anything else gets no link; the command then says what to do instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

_SCP_LIKE = re.compile(r"^(?:(?P<user>[^@/]+)@)?(?P<host>[^:/]+):(?P<path>(?!//).+)$")


@dataclass(frozen=True)
class Hosting:
    kind: str  # github, gitlab or azure
    web: str   # the repository's web address, e.g. https://github.com/calderbrook/local-offer
    name: str  # how the host is called to a user: GitHub, GitLab, Azure DevOps


def split_remote(url: str) -> tuple[str, str] | None:
    """(host, path) of a remote URL in https, ssh:// or scp-like (git@host:path) form."""
    url = url.strip()
    if "://" in url:
        parts = urlsplit(url)
        if not parts.hostname:
            return None
        host, path = parts.hostname.lower(), parts.path
    else:
        match = _SCP_LIKE.match(url)
        if not match:
            return None  # a local folder or file path
        host, path = match.group("host").lower(), match.group("path")
    path = path.strip("/")
    path = path.removesuffix(".git").rstrip("/")
    return (host, path) if path else None


def hosting(url: str) -> Hosting | None:
    """Which kind of host a remote URL points to, and the repository's web address."""
    split = split_remote(url)
    if split is None:
        return None
    host, path = split
    parts = path.split("/")
    if host in ("ssh.dev.azure.com", "vs-ssh.visualstudio.com"):
        # git@ssh.dev.azure.com:v3/org/project/repo
        if len(parts) == 4 and parts[0] == "v3":
            org, project, repo = parts[1:]
            return Hosting("azure", f"https://dev.azure.com/{org}/{project}/_git/{repo}",
                           "Azure DevOps")
        return None
    if host == "dev.azure.com" or host.endswith(".visualstudio.com"):
        if "_git" not in parts:
            return None
        where = parts.index("_git")
        if where + 1 >= len(parts):
            return None
        repo = parts[where + 1]
        before = [part for part in parts[:where] if part.lower() != "defaultcollection"]
        if host == "dev.azure.com":
            if len(before) < 2:
                return None
            return Hosting("azure", f"https://dev.azure.com/{before[0]}/{before[1]}/_git/{repo}",
                           "Azure DevOps")
        if not before:
            return None
        return Hosting("azure", f"https://{host}/{before[0]}/_git/{repo}", "Azure DevOps")
    if "gitlab" in host and len(parts) >= 2:
        return Hosting("gitlab", f"https://{host}/{path}", "GitLab")
    if "github" in host and len(parts) == 2:
        return Hosting("github", f"https://{host}/{path}", "GitHub")
    return None


def pull_request_link(url: str, branch: str, target: str = "main") -> str | None:
    """The address that opens a new pull request from `branch` into `target`, or None."""
    found = hosting(url)
    if found is None:
        return None
    if found.kind == "github":
        return (f"{found.web}/compare/{quote(target, safe='/')}..."
                f"{quote(branch, safe='/')}?expand=1")
    if found.kind == "gitlab":
        query = urlencode({"merge_request[source_branch]": branch,
                           "merge_request[target_branch]": target})
        return f"{found.web}/-/merge_requests/new?{query}"
    query = urlencode({"sourceRef": branch, "targetRef": target})
    return f"{found.web}/pullrequestcreate?{query}"
