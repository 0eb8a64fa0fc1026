"""``manage.py review_eval`` decides each held-out example the way the live check does (``review.evaluation``)."""

import pytest

from review.classifier import Example
from review.evaluation import decide, measure, rule_patterns
from review.issues import ERROR
from review.models import ClaimRule

pytestmark = pytest.mark.django_db


@pytest.fixture
def patterns():
    ClaimRule.objects.create(phrase="sure thing", language="en", severity="error", explanation="Nothing is sure.")
    ClaimRule.objects.create(phrase="稳赚", language="zh-hans", severity="error", explanation="收益不确定。")
    return rule_patterns()


def test_a_rule_phrase_is_an_error_in_its_own_language_only(patterns):
    claim = Example("This plan is a sure thing.", "en", "guaranteed_return")
    assert decide(claim, patterns, model=None).level == ERROR
    assert decide(Example("这个计划是 sure thing。", "zh-hans", "guaranteed_return"), patterns, model=None) is None


def test_without_rules_and_model_nothing_is_found(patterns):
    assert decide(Example("This plan is a sure thing.", "en", "guaranteed_return"), patterns, None, use_rules=False) is None


def test_measure_counts_caught_claims_and_false_alarms_per_language(patterns):
    test = [Example("这个产品稳赚不赔。", "zh-hans", "guaranteed_return"),
            Example("保险不是存款，收益不确定。", "zh-hans", "risk_disclosure"),
            Example("Read the terms before you sign.", "en", "education")]
    tallies = measure(test, patterns, model=None, use_rules=True)
    assert (tallies[("zh-hans", "misleading")].total, tallies[("zh-hans", "misleading")].caught) == (1, 1)
    assert (tallies[("zh-hans", "legitimate")].total, tallies[("zh-hans", "legitimate")].caught) == (1, 0)
    assert tallies[("en", "legitimate")].caught == 0
