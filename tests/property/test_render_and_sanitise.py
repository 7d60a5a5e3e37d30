"""Properties of the one body pipeline: nothing executable survives, and the validator and
the build's sanitiser never disagree about a body the validator accepted."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from praxisatlas.body import ImageIndex, check_body, publishable_html
from praxisatlas.htmlpolicy import sanitize
from praxisatlas.markup import BodyRenderer, NestingTooDeep, case_body_settings
from praxisatlas.paths import CONFIG_FILE

RENDERER = BodyRenderer(case_body_settings(CONFIG_FILE))
SETTINGS = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Pieces of Markdown and HTML that attacks are made of; hypothesis strings them together.
PIECES = st.sampled_from([
    "<script>", "</script>", "<img", " src=x", " onerror=alert(1)", " onload=alert(1)", ">", "/>",
    "<svg", "<math", "<style>", "<iframe", "<a href=", "javascript:", "java\tscript:", "&#106;avascript:",
    "data:text/html,", "vbscript:", "<!--", "-->", "--!>", "<![CDATA[", "]]>", "<?", "<!DOCTYPE", '"', "'",
    "`", "```\n", "    ", "\n", "\n\n", "[x](", ")", "![a](", "images/x.png", "//evil.example/p.png",
    "[ref]: ", "[x][ref]", "{: onclick=alert(1) }", '<div markdown="1">', "</div>", "!!! note\n    ",
    "??? tip\n    ", "*[A]: ", "| a |\n|---|\n", "# ", "## __x", "<details open ontoggle=alert(1)>",
    "<summary>", "<abbr title=", "<noscript>", "</noscript>", "<p title=\"", "<base href=", "<meta",
    "<object", "<embed", "<form action=", "<x-a onclick=alert(1)>", "&lt;", "&", "\\", "*", "_", "Text",
])
FRAGMENTS = st.lists(PIECES, min_size=1, max_size=25).map("".join)

EVENT_HANDLER = re.compile(r"^on", re.I)
DANGEROUS_TAGS = {"script", "style", "iframe", "object", "embed", "svg", "math", "base", "meta", "link",
                  "form", "input", "button", "noscript", "frame", "frameset", "template"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "xlink:href", "background", "poster"}


class Inspector(HTMLParser):
    """Collects everything executable or leaking that a browser could find in a fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_TAGS:
            self.findings.append(f"<{tag}>")
        for name, value in attrs:
            if EVENT_HANDLER.match(name):
                self.findings.append(f"{tag}[{name}]")
            if name in URL_ATTRIBUTES and value is not None:
                # As a browser reads a URL: tab and line breaks vanish anywhere, controls and
                # spaces only at the ends ("java    script:" stays a harmless relative URL).
                squeezed = re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(0x21)))).lower()
                if squeezed.startswith(("javascript:", "data:", "vbscript:")):
                    self.findings.append(f"{tag}[{name}]={value!r}")
                if tag == "img" and not value.startswith("../images/"):
                    self.findings.append(f"img[src]={value!r}")
            if name in ("style", "srcset", "formaction", "ping"):
                self.findings.append(f"{tag}[{name}]")

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.findings.append("<!--comment-->")


def findings(html: str) -> list[str]:
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.findings


@SETTINGS
@given(FRAGMENTS)
def test_nothing_executable_survives_render_and_sanitise(fragment):
    try:
        html = RENDERER.render(fragment).html
    except NestingTooDeep:
        return
    assert findings(sanitize(html)) == []


@SETTINGS
@given(FRAGMENTS)
def test_what_the_validator_accepts_the_sanitiser_leaves_unchanged(tmp_path_factory, fragment):
    body = "Ein Satz mit genug Wörtern für die Prüfung. " * 12 + "\n\n" + fragment + "\n"
    result = check_body("fall.md", body, 1, RENDERER, ImageIndex(tmp_path_factory.getbasetemp()))
    if any(problem.is_error for problem in result.problems):
        return
    assert publishable_html(result.rendered.html) is not None
    assert findings(result.rendered.html) == []


def test_the_inspector_sees_what_the_sanitiser_removes():
    """Guard for the properties above: unsanitised hostile HTML is found."""
    raw = RENDERER.render('<img src=x onerror=alert(1)> [x](javascript:alert(1)) <!-- c --> <style>a{}</style>').html
    assert set(findings(raw)) >= {"img[onerror]", "<!--comment-->", "<style>"}
    assert any(item.startswith("a[href]") for item in findings(raw))
