"""After the web editor saved an offer: its comments and layout come back for unchanged values."""
from __future__ import annotations

from localoffer.authoring.restore import restore_front_matter

EARLIER = """---
name: Beacon Hill School
urn: "100815"
age_range: "2-19"
approved_by: Governing Body, 14 Oct 2026
# The head teacher checks this offer each September.
funding_note: Top-up funding agreed with the LA  # kept for the LA's records
status: published
maintainers: ["@calderbrook/beacon-hill"]
languages: [English, Bengali]
senco:
  name: Mrs Ada Lee  # since 2025
  email: senco@beacon.example
---
Welcome.
"""

# What Decap CMS writes after the approval line was changed (see tests/browser).
SAVED_BY_THE_EDITOR = """---
name: Beacon Hill School
urn: "100815"
age_range: 2-19
approved_by: Governing Body, 26 Nov 2026
status: published
maintainers:
  - "@calderbrook/beacon-hill"
languages:
  - English
  - Bengali
  - Somali
senco:
  name: Mrs Ada Lee
  email: senco@beacon.example
funding_note: Top-up funding agreed with the LA
---
Welcome, and more.
"""


def test_unchanged_values_come_back_as_written_with_their_comments() -> None:
    assert restore_front_matter(SAVED_BY_THE_EDITOR, EARLIER) == """---
name: Beacon Hill School
urn: "100815"
age_range: "2-19"
approved_by: Governing Body, 26 Nov 2026
# The head teacher checks this offer each September.
funding_note: Top-up funding agreed with the LA  # kept for the LA's records
status: published
maintainers: ["@calderbrook/beacon-hill"]
languages:
  - English
  - Bengali
  - Somali
senco:
  name: Mrs Ada Lee  # since 2025
  email: senco@beacon.example
---
Welcome, and more.
"""


def test_a_key_the_editor_removed_stays_removed() -> None:
    saved = SAVED_BY_THE_EDITOR.replace("funding_note: Top-up funding agreed with the LA\n", "")
    restored = restore_front_matter(saved, EARLIER)
    assert restored is not None
    assert "funding_note" not in restored
    assert "languages:\n  - English\n  - Bengali\n  - Somali\n" in restored


def test_nothing_to_restore_or_unreadable_gives_none() -> None:
    assert restore_front_matter(EARLIER, EARLIER) is None
    assert restore_front_matter("no front-matter\n", EARLIER) is None
    assert restore_front_matter(SAVED_BY_THE_EDITOR, "---\n[not, a, mapping]\n---\n") is None
