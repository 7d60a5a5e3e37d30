"""Repository files for editors: workflows, issue form, pre-commit, all valid and in step."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import REPO
from praxisatlas.vocab import load_vocabularies

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the key `on` as the boolean True.
    return workflow.get("on", workflow.get(True))


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflow_is_valid_yaml_with_jobs(path):
    workflow = load(path)
    assert isinstance(workflow["jobs"], dict) and workflow["jobs"]
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest"
        assert job["steps"]


def test_check_workflow_runs_on_pull_requests_like_ci_in_debian():
    workflow = load(REPO / ".github" / "workflows" / "pruefen.yml")
    assert "pull_request" in triggers(workflow)
    assert workflow["jobs"]["test"]["container"] == "debian:12"
    commands = [step.get("run", "") for step in workflow["jobs"]["test"]["steps"]]
    assert commands[-1] == "bash .ci/run"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().endswith("make test")


def test_make_test_validates_first_so_annotations_come_early():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert recipe.splitlines()[1].strip() == "$(PY) scripts/validate.py"


def test_publish_workflow_deploys_pages_from_main_only():
    workflow = load(REPO / ".github" / "workflows" / "veroeffentlichen.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert "pull_request" not in triggers(workflow)
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any("mkdocs build --strict" in step.get("run", "") for step in workflow["jobs"]["build"]["steps"])


def steps(workflow: dict):
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_checkout_leaves_no_token_behind(path):
    checkouts = [step for step in steps(load(path)) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_the_token_gets_nothing_unless_a_job_asks_for_it(path):
    workflow = load(path)
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert set(job["permissions"].values()) <= {"read", "write"}


WRITE_ALLOWED = {("veroeffentlichen.yml", "deploy"): {"pages", "id-token"}}


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_only_the_deploy_job_may_write_and_it_runs_no_repository_code(path):
    for name, job in load(path)["jobs"].items():
        writes = {scope for scope, level in job["permissions"].items() if level == "write"}
        assert writes == WRITE_ALLOWED.get((path.name, name), set()), name
        if writes:
            assert [step.get("uses", "").split("@")[0] for step in job["steps"]] == ["actions/deploy-pages"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_no_trigger_hands_secrets_to_pull_request_code(path):
    assert not {"pull_request_target", "workflow_run"} & set(triggers(load(path)))


def test_issue_form_offers_exactly_the_vocabulary_labels():
    form = load(REPO / ".github" / "ISSUE_TEMPLATE" / "beispiel-vorschlagen.yml")
    fields = {item.get("id"): item for item in form["body"]}
    vocab = load_vocabularies()
    assert [o["label"] for o in fields["areas"]["attributes"]["options"]] == [t.label for t in vocab["areas"].terms]
    assert [o["label"] for o in fields["formats"]["attributes"]["options"]] == [t.label for t in vocab["formats"].terms]
    assert fields["state"]["attributes"]["options"] == [t.label for t in vocab["states"].terms]
    assert [o["label"] for o in fields["support"]["attributes"]["options"]] == [t.label for t in vocab["programmes"].terms]
    assert {"title", "summary", "city", "partners", "sources"} <= {k for k, f in fields.items() if f.get("validations", {}).get("required")}


def test_pre_commit_runs_the_validator_with_the_pinned_versions():
    config = load(REPO / ".pre-commit-config.yaml")
    [hook] = config["repos"][0]["hooks"]
    assert hook["entry"] == "python scripts/validate.py"
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", (REPO / "requirements.txt").read_text(), re.M))
    for requirement in hook["additional_dependencies"]:
        name, version = requirement.split("==")
        assert pins[name] == version, requirement


def test_pull_request_template_has_the_editorial_checklist():
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", text, re.M)) >= 6
    assert "Quellen" in text and "Privatpersonen" in text
