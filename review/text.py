"""One normalised text for every check: the same claim, however it is typed, reads the same.

Misleading copy hides from a phrase list in many ways; ``normalise()`` undoes them, in order:

1. Unicode NFKC: full-width letters, digits and signs become ASCII (``９５５１１``, ``ＲＭＢ``).
2. Traditional characters become simplified (OpenCC's ``t2s`` conversion: 保證收益 → 保证收益).
3. Invisible characters go: zero-width spaces and joiners, soft hyphens, bidi marks, BOMs
   (Unicode category Cf), which split a phrase for the eye of a program but not of a reader.
4. Spaces and filler marks between two Chinese characters go (稳 赚 不 赔, 稳-赚-不-赔, 稳·赚).
5. Chinese numerals in amounts become digits, with the percent written out: 百分之八 → 8%,
   八个点 → 8%, 年化六点五 → 年化6.5, 翻三倍 → 翻3倍; ``0`` in front of 风险/成本/门槛 reads 零.
6. Typographic quotes, apostrophes and dashes are folded (“ ” → ", ‘ ’ → ', ‐ – → -).

Rules (``ClaimRule`` phrases) are normalised the same way before they are matched, and the model
is trained and run on normalised sentences, so both see one spelling.

OpenCC (PyPI ``opencc``, the reference converter's own Python binding, Apache-2.0) is used
rather than a character table: it converts by phrase (乾燥 → 干燥, not 乾 → 干 everywhere).
"""

import re
import unicodedata
from functools import lru_cache

import opencc

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
BETWEEN_CJK = re.compile(rf"(?<=[{CJK}])[\s\-_.·•*~/|+]+(?=[{CJK}])")
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUMERAL = "零〇一二两三四五六七八九十百"
# A Chinese number, optionally with a decimal part (六点五); only in the contexts below is it read as one.
CHINESE_NUMBER = rf"[{NUMERAL}]+(?:点[{NUMERAL[:-2]}]+)?"
PERCENT_OF = re.compile(rf"百分之({CHINESE_NUMBER}|\d+(?:\.\d+)?)")
POINTS = re.compile(rf"({CHINESE_NUMBER}|\d+(?:\.\d+)?)个点")
NUMBER_BEFORE_UNIT = re.compile(rf"({CHINESE_NUMBER})(?=倍|年|成|万|元|%)")
NUMBER_AFTER = re.compile(rf"(年化|利率|收益率|分红率|回报率|翻)({CHINESE_NUMBER})(?![定直起般样切])")
ZERO_FOR_LING = re.compile(r"(?<![\d.])0(?=风险|成本|门槛|投入|损失)")
FOLDS = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'",
    **{dash: "-" for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
})


@lru_cache(maxsize=1)
def _to_simplified():
    return opencc.OpenCC("t2s")


def chinese_number(text):
    """The value of a Chinese numeral below 1,000 (八 → 8, 十二 → 12, 三百 → 300, 六点五 → 6.5) as text."""
    whole, _, decimals = text.partition("点")
    value, digit = 0, None
    for char in whole:
        if char == "百":
            value += (digit if digit is not None else 1) * 100
            digit = None
        elif char == "十":
            value += (digit if digit is not None else 1) * 10
            digit = None
        else:
            digit = DIGITS[char] if digit is None else digit * 10 + DIGITS[char]
    value += digit or 0
    if decimals:
        return f"{value}." + "".join(str(DIGITS[char]) for char in decimals)
    return str(value)


def _number(match):
    text = match.group(1)
    return text if text[0].isdigit() else chinese_number(text)


def normalise(text):
    """The text as every check reads it (see the module's steps)."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _to_simplified().convert(text)
    text = "".join(char for char in text if unicodedata.category(char) != "Cf" and char != "\u00ad")
    text = BETWEEN_CJK.sub("", text)
    text = PERCENT_OF.sub(lambda match: _number(match) + "%", text)
    text = POINTS.sub(lambda match: _number(match) + "%", text)
    text = NUMBER_BEFORE_UNIT.sub(_number, text)
    text = NUMBER_AFTER.sub(lambda match: match.group(1) + chinese_number(match.group(2)), text)
    text = ZERO_FOR_LING.sub("零", text)
    return text.translate(FOLDS)
