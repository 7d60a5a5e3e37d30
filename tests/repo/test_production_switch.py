"""`make build` and the publishing workflow build in production mode, so neither can put a
site online while an operator setting is unset (praxisatlas/settings.py)."""

from __future__ import annotations

import yaml

from conftest import REPO
from praxisatlas.settings import PRODUCTION_VARIABLE, SETTINGS


def test_make_build_is_the_production_build():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nbuild:", 1)[1].split("\n\n", 1)[0]
    assert recipe.splitlines()[1].strip() == f"{PRODUCTION_VARIABLE}=1 $(PY) -m mkdocs build --strict"


def test_publish_workflow_builds_in_production_mode_and_passes_every_setting():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "veroeffentlichen.yml").read_text(encoding="utf-8"))
    [build] = [step for step in workflow["jobs"]["build"]["steps"] if "mkdocs build" in step.get("run", "")]
    assert build["env"][PRODUCTION_VARIABLE] == "1"
    assert {setting.variable for setting in SETTINGS} <= set(build["env"])
