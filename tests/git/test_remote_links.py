"""Pull-request links built from remote URLs, for each host in its https and ssh forms."""
from __future__ import annotations

import pytest

from localoffer.git.pull_requests import hosting, pull_request_link

BRANCH = "offer/oakfield-primary/2026-11-28"


@pytest.mark.parametrize("url", [
    "https://github.com/calderbrook/local-offer.git",
    "https://github.com/calderbrook/local-offer",
    "https://token@github.com/calderbrook/local-offer.git/",
    "git@github.com:calderbrook/local-offer.git",
    "ssh://git@github.com/calderbrook/local-offer.git",
    "ssh://git@github.com:22/calderbrook/local-offer",
])
def test_github_remotes_link_to_a_compare_page(url: str) -> None:
    assert pull_request_link(url, BRANCH, "main") == (
        "https://github.com/calderbrook/local-offer/compare/main..."
        "offer/oakfield-primary/2026-11-28?expand=1")


@pytest.mark.parametrize("url, web", [
    ("https://gitlab.com/calderbrook/send/local-offer.git",
     "https://gitlab.com/calderbrook/send/local-offer"),
    ("git@gitlab.com:calderbrook/send/local-offer.git",
     "https://gitlab.com/calderbrook/send/local-offer"),
    ("ssh://git@gitlab.calderbrook.gov.uk:2222/send/local-offer.git",
     "https://gitlab.calderbrook.gov.uk/send/local-offer"),
])
def test_gitlab_remotes_link_to_a_new_merge_request(url: str, web: str) -> None:
    link = pull_request_link(url, BRANCH, "main")
    assert link == (f"{web}/-/merge_requests/new?merge_request%5Bsource_branch%5D="
                    "offer%2Foakfield-primary%2F2026-11-28&merge_request%5Btarget_branch%5D=main")


@pytest.mark.parametrize("url, web", [
    ("https://dev.azure.com/calderbrook/Local%20Offer/_git/offers",
     "https://dev.azure.com/calderbrook/Local%20Offer/_git/offers"),
    ("https://calderbrook@dev.azure.com/calderbrook/send/_git/offers",
     "https://dev.azure.com/calderbrook/send/_git/offers"),
    ("git@ssh.dev.azure.com:v3/calderbrook/send/offers",
     "https://dev.azure.com/calderbrook/send/_git/offers"),
    ("https://calderbrook.visualstudio.com/DefaultCollection/send/_git/offers",
     "https://calderbrook.visualstudio.com/send/_git/offers"),
    ("calderbrook@vs-ssh.visualstudio.com:v3/calderbrook/send/offers",
     "https://dev.azure.com/calderbrook/send/_git/offers"),
])
def test_azure_devops_remotes_link_to_pullrequestcreate(url: str, web: str) -> None:
    link = pull_request_link(url, BRANCH, "main")
    assert link == (f"{web}/pullrequestcreate?sourceRef=offer%2Foakfield-primary%2F2026-11-28"
                    "&targetRef=main")
    found = hosting(url)
    assert found is not None and found.name == "Azure DevOps"


@pytest.mark.parametrize("url", [
    "/srv/git/local-offer.git",
    "../shared.git",
    "file:///srv/git/local-offer.git",
    "https://git.example.org/calderbrook/local-offer.git",
    "https://github.com/calderbrook",
    "https://dev.azure.com/calderbrook/send",
])
def test_unknown_or_local_remotes_give_no_link(url: str) -> None:
    assert pull_request_link(url, BRANCH) is None
