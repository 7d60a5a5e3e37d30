"""Print the Content-Security-Policy for the web server's response header (see SECURITY.md).

Usage: python scripts/csp_header.py SITE_DIR   (the folder `mkdocs build` wrote, e.g. site/)
Exit codes: 0 policy printed, 1 a page without its policy, 2 usage error.
The hashes change with Material's inline scripts, so run it again after every build.
"""

from __future__ import annotations

import sys
from pathlib import Path

from praxisatlas.csp import header_policy, page_policies


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        sys.stderr.write("Aufruf: python scripts/csp_header.py SITE-ORDNER (den Ordner, den `mkdocs build` geschrieben hat)\n")
        return 2
    pages = sorted(Path(argv[0]).rglob("*.html"))
    policies = {page: page_policies(page.read_text(encoding="utf-8")) for page in pages}
    missing = [str(page) for page, found in policies.items() if len(found) != 1]
    if not pages or missing:
        sys.stderr.write("Seiten ohne genau eine Content-Security-Policy — die Website mit `mkdocs build` neu bauen: "
                         + (", ".join(missing) or "keine HTML-Seiten gefunden") + "\n")
        return 1
    print(header_policy(found[0] for found in policies.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
