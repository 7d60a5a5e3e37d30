"""Well-known locations inside the repository, so no module guesses them twice."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_DIR = REPO_ROOT / "examples"
VOCABULARY_FILE = EXAMPLES_DIR / "vokabular.yml"
TEMPLATE_FILE = EXAMPLES_DIR / "_vorlage.md"
CONFIG_FILE = REPO_ROOT / "mkdocs.yml"
