"""Latin text is drawn with a Latin font, in both languages: no full-width quotes, apostrophes or digits.

A CJK font draws “ ” ’ and digits as wide as a Chinese character. site.css puts Latin system fonts
first (the CJK fonts follow for the characters the Latin fonts lack), so in a paragraph of either
language the pair of curly quotes is narrower than one 中, and an apostrophe narrower than half of it.
"""

import pytest

from tests.browser.conftest import LANGUAGES, VIEWS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CJK_FAMILIES = ("PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC")

# The widths of strings set in the page's first paragraph in main (same font, size and lang).
WIDTHS = """texts => {
  const paragraph = document.querySelector('main p');
  return texts.map(text => {
    const span = document.createElement('span');
    span.textContent = text;
    paragraph.append(span);
    const width = span.getBoundingClientRect().width;
    span.remove();
    return width;
  });
}"""


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_quotes_apostrophes_and_digits_are_narrow(visit, page_urls, language, view):
    page = visit(page_urls["report-form"][language], view)
    family = page.evaluate("() => getComputedStyle(document.querySelector('main p')).fontFamily")
    first = family.split(",")[0].strip().strip('"')
    assert first not in CJK_FAMILIES, f"{page.url}: the font stack starts with a CJK font: {family}"
    quotes, apostrophe, digits, han = page.evaluate(WIDTHS, ["“”", "’", "2026", "中"])
    where = f"{page.url} ({view} view)"
    assert quotes < han, f"{where}: “” is {quotes:.1f}px wide, 中 {han:.1f}px: the quotes are full-width glyphs"
    assert apostrophe < han / 2, f"{where}: ’ is {apostrophe:.1f}px wide against 中 {han:.1f}px"
    assert digits < 3 * han, f"{where}: 2026 is {digits:.1f}px wide against 中 {han:.1f}px: full-width digits"
