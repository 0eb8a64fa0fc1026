"""The "Consumer-protection review" workflow: an automated pre-check, then the reviewers.

Assigned to the tree root (so every page of every site and locale goes
through it) and to the FraudAlert snippet. It takes the root over from
Wagtail's default "Moderators approval" workflow, which is deactivated so
there is one review path.
"""

from django.db import migrations

WORKFLOW = "Consumer-protection review"
PRE_CHECK = "Automated pre-check"
APPROVAL = "Reviewer approval"
REVIEWERS = "Consumer-protection reviewers"
WAGTAIL_DEFAULT = "Moderators approval"


def content_type(apps, app_label, model):
    return apps.get_model("contenttypes", "ContentType").objects.get_or_create(app_label=app_label, model=model)[0]


def create_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    PreCheckTask = apps.get_model("portal", "PreCheckTask")

    # Historical models do not set a task's content type by themselves.
    pre_check, _ = PreCheckTask.objects.get_or_create(
        name=PRE_CHECK, defaults={"content_type": content_type(apps, "portal", "prechecktask")}
    )
    approval, _ = GroupApprovalTask.objects.get_or_create(
        name=APPROVAL, defaults={"content_type": content_type(apps, "wagtailcore", "groupapprovaltask")}
    )
    approval.groups.add(apps.get_model("auth", "Group").objects.get(name=REVIEWERS))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    for order, task in enumerate((pre_check, approval)):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})

    root = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    WorkflowContentType.objects.update_or_create(
        content_type=content_type(apps, "portal", "fraudalert"), defaults={"workflow": workflow}
    )
    Workflow.objects.filter(name=WAGTAIL_DEFAULT).exclude(workflow_pages__isnull=False).update(active=False)


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW).delete()
    apps.get_model("portal", "PreCheckTask").objects.filter(name=PRE_CHECK).delete()
    apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(name=APPROVAL).delete()
    default = Workflow.objects.filter(name=WAGTAIL_DEFAULT).first()
    if default:
        default.active = True
        default.save()
        root = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
        apps.get_model("wagtailcore", "WorkflowPage").objects.get_or_create(page=root, defaults={"workflow": default})


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_review_groups"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
