"""What the migrations and the demo seed set up: the workflow, its reach, the groups and the claim rules."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import GroupApprovalTask, Page, Workflow

from alerts.models import FraudAlert
from review.models import ClaimRule, PreCheckTask

pytestmark = pytest.mark.django_db


def test_the_workflow_runs_the_pre_check_then_the_reviewers():
    workflow = Workflow.objects.get(name="Consumer-protection review")
    first, second = [task.specific for task in workflow.tasks]
    assert isinstance(first, PreCheckTask)
    assert isinstance(second, GroupApprovalTask)
    assert [group.name for group in second.groups.all()] == ["Consumer-protection reviewers"]
    assert not Workflow.objects.get(name="Moderators approval").active


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_public_page_and_every_alert_goes_through_it(language):
    pages = Page.objects.filter(depth__gte=2, locale__language_code=language).specific()
    assert pages and {page.get_workflow().name for page in pages} == {"Consumer-protection review"}
    assert FraudAlert.get_default_workflow().name == "Consumer-protection review"


def test_the_claim_dictionary_is_seeded_in_both_languages():
    rules = ClaimRule.objects.all()
    assert rules.count() >= 20
    phrases = set(rules.values_list("phrase", flat=True))
    assert {"保本保息", "稳赚不赔", "零风险", "高收益无风险", "内部渠道", "全额退保", "guaranteed return", "risk-free"} <= phrases
    assert rules.filter(language="zh-hans").count() >= 10 and rules.filter(language="en").count() >= 8


def test_demo_users_have_one_role_each():
    users = {user.username: user for user in get_user_model().objects.filter(groups__isnull=False)}
    assert [group.name for group in users["editor"].groups.all()] == ["Marketing editors"]
    assert [group.name for group in users["reviewer"].groups.all()] == ["Consumer-protection reviewers"]
    assert [group.name for group in users["siteadmin"].groups.all()] == ["Site administrators"]
    assert not users["editor"].has_perm("alerts.publish_fraudalert")
    assert not users["reviewer"].has_perm("alerts.publish_fraudalert")  # approval publishes (issue 14)
    assert [group.name for group in users["handler"].groups.all()] == ["Report handlers"]
    assert users["handler"].has_perm("wagtailforms.view_formsubmission")
    assert not any(users[name].has_perm("wagtailforms.view_formsubmission") for name in ("editor", "reviewer", "siteadmin"))
    assert not users["reviewer"].has_perm("review.change_officialcontact")
