"""The AI-assisted pre-check on a fixed golden set: paraphrased claims caught, the site's warnings never blocked.

These lines are not in the corpus the classifier trains on (a test below makes sure), so they
measure what it learnt, not what it memorised. Thresholds are fixed: the model and its training
are deterministic.
"""

import json

import pytest

from articles.models import ArticlePage
from review import classifier
from review.checks import run_checks
from review.models import ClaimRule
from review.sentences import CASE_STUDY, QUOTED
from review.text import normalise

pytestmark = pytest.mark.django_db

MISLEADING = {
    "zh-hans": [
        "本金不会亏，收益稳稳的，放心存进来。",
        "这款产品就是高息存款，比存银行划算多了。",
        "下个月就停售了，错过再等十年。",
        "年化收益百分之八，每年准时分红。",
        "国家背书，央行担保，资金绝对安全。",
        "零元投保，免费送百万保障，只要签个字。",
        "内部员工专享额度，外面根本买不到。",
        "全额退保，不成功不收费，专业团队帮你办。",
        "张阿姨去年买了，今年已经赚了五万。",
        "资产五年翻一倍，比理财靠谱。",
    ],
    "en": [
        "Your principal can never be lost with this plan.",
        "It works just like a savings account, only with a better rate.",
        "Last chance: this policy is withdrawn at the end of the month!",
        "A guaranteed 8% every single year, paid like clockwork.",
        "Backed by the central bank, so your money is completely safe.",
        "Free life cover today, just sign here.",
        "Staff-only allocation, not offered to the public.",
        "We get 100% of your premiums back, no win no fee.",
        "My client earned 30% on this policy last year.",
        "Beats any bank deposit, hands down.",
    ],
}
LEGITIMATE = {
    "zh-hans": [
        "世上没有稳赚不赔的投资。",
        "骗子常说“保本高息、稳赚不赔”，请千万别信。",
        "凡是承诺保本高收益的，都可能是非法集资。",
        "在犹豫期内退保，保险公司会退还您已交的保费。",
        "没有风险提示的宣传单，本身就是危险信号。",
        "遇到自称“退保专员”的人，请拨打95511核实。",
        "分红具有不确定性，过往业绩不代表未来表现。",
    ],
    "en": [
        "There is no such thing as an investment without risk.",
        "Scammers often promise “guaranteed returns”; hang up and call 96110.",
        "Whoever promises you a guaranteed profit is a fraudster.",
        "You can cancel within the cooling-off period and get your premium back.",
        "A leaflet with no risk warning is a warning sign.",
        "Dividends are not guaranteed and may be lower than illustrated.",
        "Never pay a so-called refund agent to cancel your policy.",
    ],
}


def paragraphs(lines):
    return json.dumps([{"type": "paragraph", "value": f"<p>{line}</p>"} for line in lines])


def findings(page):
    """``{normalised sentence: level}`` of the claim findings on a page."""
    return {issue.sentence: issue.level for issue in run_checks(page).issues if issue.sentence}


@pytest.fixture
def article(page_of):
    page = page_of(ArticlePage, "zh-hans")
    page.title, page.summary = "金福宝产品介绍", ""  # a neutral title: a warning title would make the page a warning
    page.body = "[]"
    page.what_happened = page.red_flags = page.how_to_protect = page.where_to_report = ""
    page.topics.set([])
    return page


def test_the_golden_lines_are_not_in_the_training_corpus():
    trained = {example.text for example in classifier.corpus()}
    for lines in [*MISLEADING.values(), *LEGITIMATE.values()]:
        assert not trained & {normalise(line) for line in lines}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_paraphrased_misleading_claims_are_caught(article, language):
    article.body = paragraphs(MISLEADING[language])
    found = findings(article)
    caught = [line for line in MISLEADING[language] if normalise(line) in found]
    assert len(caught) >= 9, f"missed: {set(MISLEADING[language]) - set(caught)}"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_sites_own_warnings_get_no_blocking_error(article, language):
    article.body = paragraphs(LEGITIMATE[language])
    blocked = [sentence for sentence, level in findings(article).items() if level == "error"]
    assert blocked == []


def test_claims_hiding_in_any_block_are_read_in_their_context(article, django_db_blocker):
    article.body = json.dumps([
        {"type": "heading", "value": {"text": "保证年化收益8%的好产品", "level": "h2"}},
        {"type": "callout", "value": {"tone": "info", "title": "限时", "text": "<p>下月停售，错过再等十年。</p>"}},
        {"type": "faq", "value": {"items": [{"question": "会亏本吗？", "answer": "<p>本金绝对不会亏，放心。</p>"}]}},
        {"type": "table", "value": {"data": [["产品", "收益"], ["金福宝", "稳赚不赔，年年分红"]], "first_row_is_table_header": True}},
        {"type": "steps", "value": {"title": "怎么买", "steps": [{"title": "找内部员工", "text": "内部渠道专享额度，外面买不到。"}]}},
        {"type": "quote", "value": {"quote": "我去年买了，赚了五万块。", "attribution": "一位客户"}},
        {"type": "red_flags", "value": {"title": "骗子话术", "items": ["保证年化收益百分之十"]}},
    ])
    issues = [issue for issue in run_checks(article).issues if issue.sentence]
    by_sentence = {issue.sentence: issue for issue in issues}
    for own in ("保证年化收益8%的好产品", "下月停售,错过再等10年。", "本金绝对不会亏,放心。", "稳赚不赔,年年分红", "内部渠道专享额度,外面买不到。"):
        assert by_sentence[own].level == "error", own
    quote = by_sentence["我去年买了,赚了5万块。"]
    assert (quote.level, quote.context) == ("warning", QUOTED)
    red_flag = by_sentence["保证年化收益10%"]
    assert (red_flag.level, red_flag.context) == ("warning", CASE_STUDY)


@pytest.mark.parametrize("spelling", [
    "穩賺不賠",  # traditional characters
    "稳\u200b赚\u200b不\u200b赔",  # zero-width spaces
    "稳 赚 不 赔",  # spaces
    "稳-赚-不-赔",  # hyphens
])
def test_a_rule_phrase_is_found_however_it_is_spelt(article, spelling):
    article.body = paragraphs([f"这款产品{spelling}。"])
    messages = [issue.message for issue in run_checks(article).errors]
    assert any("稳赚不赔" in message and message.startswith("Misleading claim") for message in messages), messages


def test_zero_for_ling_and_full_width_digits(article):
    ClaimRule.objects.create(phrase="年化收益8%", language="zh-hans", severity="error", explanation="不得承诺收益率。")
    article.body = paragraphs(["0风险。", "年化收益８％。"])
    messages = " ".join(issue.message for issue in run_checks(article).errors)
    assert "零风险" in messages and "年化收益8%" in messages


def test_each_finding_says_what_why_and_how_sure(article):
    article.body = paragraphs(["资产五年翻一倍，比理财靠谱。"])
    issue = next(issue for issue in run_checks(article).issues if issue.sentence)
    assert issue.kind in ("guaranteed_return", "rate_promise", "deposit_comparison")
    assert 0.5 <= issue.confidence <= 1
    assert issue.example and issue.basis
    assert issue.sentence in issue.message


def test_a_claim_can_not_hide_behind_a_warning_beside_it(article):
    article.body = paragraphs(["本金一分不会少，年化收益百分之八。骗子常说“稳赚不赔”，请千万别信。"])
    found = findings(article)
    assert found["本金一分不会少,年化收益8%。"] == "error"
    assert found['骗子常说"稳赚不赔",请千万别信。'] == "warning"


def test_a_warning_that_introduces_a_list_covers_the_list(article):
    article.body = paragraphs(["识别非法集资的特征：承诺还本付息；承诺高额回报；公开宣传。"])
    assert "error" not in findings(article).values()
