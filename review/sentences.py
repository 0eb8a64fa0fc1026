"""Sentences with their context: is this the page's own claim, or a warning that quotes one?

The same words mean opposite things here: "稳赚不赔" on a product leaflet is a misleading claim,
"骗子常说'稳赚不赔'" on a warning is the site doing its job. So the claim checks read sentences,
each classed by where and how it stands:

* ``CASE_STUDY`` — text that describes a scam on purpose (a case study's "what happened" and
  "red flags", a red-flags block): quoting the fraud is the point;
* ``QUOTED`` — quoted or attributed speech: a quote block, a sentence that is mostly a quotation,
  or one that reports what fraudsters say ("scammers promise…", "对方声称…"); also topic tags,
  which name a subject rather than make a claim;
* ``WARNING`` — a negated or warning context: "世上没有稳赚不赔的投资", "凡是承诺保本高收益的都可能
  是骗局", "no investment is risk-free", "whoever promises X is a fraudster", advice about the
  cooling-off period, "a leaflet with no risk warning is a warning sign", a risk notice
  ("投资有风险", "returns are not guaranteed");
* ``CLAIM`` — everything else: the page speaking for itself.

A sentence with a strong warning word (骗, 诈, 非法集资, scam, fraud…) that introduces a list
("识别非法集资的四个特征:") makes the rest of its passage a warning: a list of a scam's features
promises nothing. So does a page title with such a word ("Beware of fake refund agents") for the
whole page: its sentences quote or describe what it warns against; the reviewer still sees warnings. Only a ``CLAIM`` can
carry a blocking error; the other contexts get warnings at most.
"""

import re
from dataclasses import dataclass

CLAIM, QUOTED, WARNING, CASE_STUDY = "claim", "quoted", "warning", "case-study"

# Ends of sentences in normalised text (NFKC has turned full-width ！？；，： into ASCII).
BREAK = re.compile(r"(?<=[。!?;\n])|(?<=[.])(?=\s)")
QUOTATION = re.compile(r"\"[^\"]+\"|'[^']{4,}'|「[^」]+」|『[^』]+』|《[^》]+》")
WARNING_CUES = re.compile(
    r"骗|诈|警惕|谨防|提防|防范|小心|可疑|冒充|假冒|切勿|不要相信|别信|不要轻信|勿信|谨记|凡是|凡|世上没有|天下没有"
    r"|不存在|没有任何|不可能|举报|报警|危险信号|警示|信号|犹豫期|冷静期|一律|千万不要|不要(轻易|随意|把|向|给|点击|转账|透露)"
    r"|scam|fraud|beware|be wary|be careful|suspicious|warning sign|red flag|no investment"
    r"|(never|don't|do not)\s+(trust|believe|give|share|transfer|pay|sign|click|hand over)"
    r"|no legitimate|there is no|no such thing|whoever|anyone who|if someone|impersonat|fake|report it|is a lie"
    r"|cooling-off|free-look|walk away|hang up"
    # risk notices: the page saying that returns are uncertain is the opposite of a promise
    r"|有风险|风险自担|不保证|不确定|不代表|谨慎|not guaranteed|may lose|get back less|carries risk|carry risk"
    r"|involves risk|past performance|may fall|can go down",
    re.IGNORECASE,
)
# Words that make a whole passage a warning: every sentence of a paragraph, list item or block that
# has one reads in its light ("识别非法集资的特征: …承诺还本付息" lists a scam's features, it makes no promise).
PASSAGE_CUES = re.compile(r"骗|诈|非法集资|警惕|谨防|提防|冒充|假冒|防骗|反诈|scam|fraud|beware|suspicious|red flag|warning sign"
                          r"|illegal fund|fake|impersonat|识别|揭秘|看懂|spot the|how to spot", re.IGNORECASE)
ATTRIBUTION = re.compile(
    r"(骗子|对方|不法分子|他们|嫌疑人|所谓|自称|假冒|中介|业务员)[^。]{0,12}(说|称|声称|宣称|承诺|保证|表示|扬言|鼓吹|忽悠)"
    r"|(scammers?|fraudsters?|criminals?|they|the caller|agents? like this)\s+(may\s+)?"
    r"(say|said|says|claim|claimed|claims|promise|promised|promises|tell|told|tells|insist)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    text: str
    context: str


def split(text):
    """The sentences of a normalised text, stripped, without empty ones."""
    return [part.strip() for part in BREAK.split(text) if part and part.strip()]


def context_of(sentence, given=None):
    """The context of one sentence; ``given`` is what its place says (case study, quote block)."""
    if given in (CASE_STUDY, QUOTED, WARNING):
        return given
    if WARNING_CUES.search(sentence):
        return WARNING
    quoted = sum(len(match.group()) for match in QUOTATION.finditer(sentence))
    if ATTRIBUTION.search(sentence) or quoted >= len(sentence) / 2:
        return QUOTED
    return CLAIM


INTRODUCES = re.compile(r"[:：]")  # a colon: the sentence introduces a list or an explanation


def is_warning_passage(text):
    return bool(PASSAGE_CUES.search(text))


def sentences(text, given=None):
    """``Sentence`` objects for a normalised text from one place of the content (a field, a block).

    A warning sentence that introduces what follows ("识别非法集资的四个特征:", "Signs of a scam:")
    makes the rest of its passage a warning too; a warning anywhere else covers only itself, so a
    claim cannot hide behind a warning sentence put next to it."""
    found = []
    for part in split(text):
        context = context_of(part, given)
        found.append(Sentence(part, context))
        if given is None and context == WARNING and is_warning_passage(part) and INTRODUCES.search(part):
            given = WARNING
    return found


def quoted_spans(sentence):
    """(start, end) of each quotation in a sentence: a rule phrase inside one is cited, not claimed."""
    return [match.span() for match in QUOTATION.finditer(sentence)]
