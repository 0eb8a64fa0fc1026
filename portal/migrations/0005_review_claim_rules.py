"""The starting dictionary of misleading claims, so every installation has it.

Reviewers edit these as snippets afterwards; rows that already exist (same
phrase and language) are left as they are.
"""

from django.db import migrations

# phrase, language, severity, explanation, is a regular expression
RULES = [
    ("保本保息", "zh-hans", "error", "不得承诺保本保息：保险和理财产品的收益不确定。", False),
    ("保本高息", "zh-hans", "error", "不得承诺保本或高息：这是非法集资的典型话术。", False),
    ("稳赚不赔", "zh-hans", "error", "不存在稳赚不赔的产品，不得作此承诺。", False),
    ("稳赚", "zh-hans", "error", "不得承诺稳定赚钱：投资有风险。", False),
    ("躺赚", "zh-hans", "error", "“躺赚”是夸大收益的误导性表述。", False),
    ("零风险", "zh-hans", "error", "任何金融产品都有风险，不得宣称零风险。", False),
    ("无风险", "zh-hans", "error", "任何金融产品都有风险，不得宣称无风险。", False),
    ("高收益无风险", "zh-hans", "error", "高收益必然伴随高风险。", False),
    ("保证收益", "zh-hans", "error", "不得保证收益：分红和投资收益均不确定。", False),
    ("收益翻倍", "zh-hans", "error", "不得以收益翻倍等夸大表述进行宣传。", False),
    ("最高收益", "zh-hans", "warning", "宣传收益时须同时说明收益不确定并作风险提示。", False),
    ("绝对安全", "zh-hans", "error", "不得宣称产品绝对安全。", False),
    ("央行担保", "zh-hans", "error", "不得虚称由央行或政府机构担保。", False),
    ("内部渠道", "zh-hans", "error", "“内部渠道”是诈骗和违规销售的常见话术。", False),
    ("全额退保", "zh-hans", "error", "“全额退保”是代理退保骗局的典型话术：犹豫期外退保会有损失。", False),
    (r"(保证|承诺)[^，。,.；;]{0,8}\d+(\.\d+)?\s*%", "zh-hans", "error", "不得承诺具体收益率。", True),
    ("guaranteed return", "en", "error", "Returns on insurance and investment products are never guaranteed.", False),
    ("guaranteed profit", "en", "error", "No product can promise a profit.", False),
    ("risk-free", "en", "error", "Every financial product carries risk; never call one risk-free.", False),
    ("no risk", "en", "error", "Every financial product carries risk.", False),
    ("zero risk", "en", "error", "Every financial product carries risk.", False),
    ("double your money", "en", "error", "Promises to multiply money are a hallmark of fraud.", False),
    ("can't lose", "en", "error", "No investment is safe from loss.", False),
    ("cannot lose", "en", "error", "No investment is safe from loss.", False),
    ("full refund", "en", "error", "“Full refund” is the line of fake surrender-refund agents: cancelling "
                                   "after the cooling-off period costs money.", False),
    ("inside channel", "en", "error", "“Inside channels” are a common line of fraudsters and mis-selling.", False),
    (r"guarantee[ds]?\s+(an?\s+)?\d+(\.\d+)?\s*%", "en", "error", "Never promise a specific rate of return.", True),
]


def add_rules(apps, schema_editor):
    ClaimRule = apps.get_model("portal", "ClaimRule")
    for phrase, language, severity, explanation, is_pattern in RULES:
        ClaimRule.objects.get_or_create(
            phrase=phrase,
            language=language,
            defaults={"severity": severity, "explanation": explanation, "is_pattern": is_pattern},
        )


def remove_rules(apps, schema_editor):
    ClaimRule = apps.get_model("portal", "ClaimRule")
    for phrase, language, *_ in RULES:
        ClaimRule.objects.filter(phrase=phrase, language=language).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_review_workflow"),
    ]

    operations = [migrations.RunPython(add_rules, remove_rules)]
