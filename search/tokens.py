"""Text cut into the terms the database search matches, as the engine's analysers would cut it.

Chinese is written without spaces, so a run of Chinese characters becomes its overlapping pairs
(the engine's ``cjk_bigram``): 代理退保 → 代理 理退 退保, and a search for 退保 finds it. Latin
letters and digits become lower-case words. Full-width forms are folded first (``cjk_width``), so
３·１５ and 3·15 are the same terms.
"""

import re
import unicodedata

# CJK ideographs (with extension A and the compatibility block), and runs of other letters or digits.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TERMS = re.compile(rf"(?P<cjk>[{CJK}]+)|(?P<word>[^\W_{CJK}]+)")


def terms(text):
    """The terms of ``text`` in order, repeats kept (they count as more hits)."""
    found = []
    for match in TERMS.finditer(unicodedata.normalize("NFKC", text or "").lower()):
        run = match.group("cjk")
        if run is None:
            found.append(match.group("word"))
        elif len(run) == 1:
            found.append(run)
        else:
            found.extend(run[index : index + 2] for index in range(len(run) - 1))
    return found


def tokenised(text):
    """The terms as one string, each between spaces, so `` 退保 `` can be found with a substring match."""
    return f" {' '.join(terms(text))} " if text else " "


def query_terms(query):
    """The distinct terms of a query, in order."""
    return list(dict.fromkeys(terms(query)))
