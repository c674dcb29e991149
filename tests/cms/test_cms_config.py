"""config.yml of the web editor: one field per front-matter key, from `localoffer schema`."""
from __future__ import annotations

from typing import Any

from localoffer.borough import Borough
from localoffer.site.cms_config import Backend, editor_config

from testpaths import TODAY


def fields_by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in fields}


def test_every_front_matter_key_is_a_field_then_the_answers(demo_borough: Borough) -> None:
    config = editor_config(demo_borough, Backend(), TODAY)
    (collection,) = config["collections"]
    names = [field["name"] for field in collection["fields"]]
    assert names == ["name", "type", "urn", "ukprn", "age_range", "address", "town", "ward",
                     "postcode", "website", "phone", "senco", "question_set", "last_reviewed",
                     "next_review", "approved_by", "status", "maintainers", "languages",
                     "specialist_provision", "provides_for", "access", "sen_report_duty", "body"]


def test_widgets_labels_hints_and_required_flags(demo_borough: Borough) -> None:
    (collection,) = editor_config(demo_borough, Backend(), TODAY)["collections"]
    fields = fields_by_name(collection["fields"])
    assert fields["name"] == {"name": "name", "label": "Setting name", "required": True,
                              "hint": "The setting's name, as parents know it.",
                              "widget": "string"}
    assert fields["type"]["widget"] == "select"
    assert {"label": "Primary school", "value": "primary"} in fields["type"]["options"]
    assert len(fields["type"]["options"]) == 10
    assert fields["last_reviewed"]["widget"] == "datetime"
    assert fields["last_reviewed"]["format"] == "YYYY-MM-DD"
    assert fields["last_reviewed"]["time_format"] is False
    senco = fields["senco"]
    assert senco["widget"] == "object" and senco["required"] is True
    assert [(sub["name"], sub["required"]) for sub in senco["fields"]] == [
        ("name", True), ("email", True), ("phone", False)]
    assert fields["languages"] == {
        "name": "languages", "label": "Languages you can talk to families in", "required": False,
        "hint": "Languages the setting can communicate with families in.",
        "widget": "list", "allow_add": True}
    assert fields["provides_for"]["multiple"] is True
    assert {"label": "Autism", "value": "autism"} in fields["provides_for"]["options"]
    assert fields["postcode"]["pattern"] == ["^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$",
                                             "Write it like this: CK4 2QT"]
    assert fields["urn"]["required"] is False  # required for schools only: the checks say so
    access = fields_by_name(fields["access"]["fields"])
    assert access["lift"] == {"name": "lift", "label": "Lift between floors", "required": False,
                              "hint": "Lift between floors: true or false.", "widget": "boolean"}
    assert fields["status"]["options"] == [
        {"label": "Draft (not on the website)", "value": "draft"},
        {"label": "Published", "value": "published"}]


def test_a_new_offer_starts_with_the_questions_and_their_guidance(demo_borough: Borough) -> None:
    (collection,) = editor_config(demo_borough, Backend(), TODAY)["collections"]
    body = fields_by_name(collection["fields"])["body"]
    assert body["widget"] == "markdown" and body["modes"] == ["raw"]
    default = body["default"]
    assert default.startswith("<!--\nWrite a short welcome here")
    assert "\n## How will staff support my child?\n\n<!--\nAnswer this question for parents " \
           "and carers, in plain English." in default
    assert "---" not in default.split("\n")[0]


def test_the_local_authority_sees_every_offer_in_the_editorial_workflow(
        demo_borough: Borough) -> None:
    config = editor_config(demo_borough, Backend(oauth_url="https://oauth.calderbrook.example"),
                           TODAY)
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "github"
    assert config["backend"]["repo"] == "calderbrook/local-offer"
    assert config["backend"]["branch"] == "main"
    assert config["backend"]["base_url"] == "https://oauth.calderbrook.example"
    assert config["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"
    (collection,) = config["collections"]
    assert collection["folder"] == "offers"
    assert collection["path"] == "{{slug}}/offer"
    assert collection["create"] is True
    assert (collection["media_folder"], collection["public_folder"]) == ("", "")


def test_a_school_sees_only_its_own_offer(demo_borough: Borough) -> None:
    config = editor_config(demo_borough, Backend(), TODAY,
                           ("oakfield-primary-school", "Oakfield Primary School"))
    (collection,) = config["collections"]
    assert "folder" not in collection and "create" not in collection
    (entry,) = collection["files"]
    assert entry["file"] == "offers/oakfield-primary-school/offer.md"
    assert entry["label"] == "Oakfield Primary School"
    # The same name as the folder collection's entry: one draft branch for both editors.
    assert entry["name"] == "oakfield-primary-school/offer"
