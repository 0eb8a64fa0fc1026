"""axe-core finds nothing on any page type, in both languages, both views and two viewports.

Rules: WCAG 2.0/2.1/2.2 A and AA plus axe's best practices; in the large-text view also
``color-contrast-enhanced`` (7:1, WCAG 1.4.6). The npm ``axe-core`` (package.json) is injected
into the page with ``page.evaluate``, which a Content-Security-Policy cannot block.
"""

import json

import pytest

from tests.browser.conftest import AXE_SCRIPT, LANGUAGES, VIEWS
from tests.browser.demo_pages import PAGE_KINDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def run_axe(page, large):
    """axe's results: ``violations`` in full, and the ids of the rules that ran (``rules``)."""
    page.evaluate(AXE_SCRIPT.read_text())
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    if large:
        options["rules"] = {"color-contrast-enhanced": {"enabled": True}}
    return page.evaluate(
        """options => axe.run(document, options).then(results => ({
            violations: results.violations,
            rules: [...results.passes, ...results.incomplete, ...results.violations].map(rule => rule.id),
        }))""",
        options,
    )


def explain(violations):
    """One paragraph per violation: rule, impact, what axe says to fix, and where (at most 5 targets)."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        lines.append(f"[{violation['id']}] ({violation['impact']}) {violation['help']} — {violation['helpUrl']}")
        for node in nodes[:5]:
            target = json.dumps(node["target"], ensure_ascii=False)
            lines.append(f"    at {target}: {node['failureSummary'].splitlines()[-1].strip()}")
        if len(nodes) > 5:
            lines.append(f"    ... and {len(nodes) - 5} more")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_violations(visit, page_urls, kind, language, view, viewport):
    page = visit(page_urls[kind][language], view, viewport)
    results = run_axe(page, large=view == "large")
    assert not results["violations"], f"axe on {page.url} ({view} view, {viewport}):\n{explain(results['violations'])}"
    assert "color-contrast" in results["rules"]
    enhanced = "color-contrast-enhanced" in results["rules"]
    assert enhanced is (view == "large"), "the 7:1 contrast rule must run in the large view, and only there"
