"""The three editorial roles, with least-privilege permissions.

* Marketing editors: create and edit pages, images, documents and fraud
  alerts, and submit them for review; no publishing, unpublishing or deleting.
* Consumer-protection reviewers: edit and publish pages and alerts (the
  workflow's approval step publishes), and maintain the claim dictionary.
* Site administrators: everything in the admin short of superuser status.

Page permissions are granted on the tree root, so every site and locale is
covered (each language has its own home page at depth 2); image and document
permissions on the root collection. Django creates model permissions only
after all migrations ran (and Wagtail adds "publish"/"lock" for snippets
then), so the ones needed here are created on the spot with the same names.
"""

from django.db import migrations


def perms(app_label, model, *actions):
    """(app label, model, codename) for each action on a model."""
    return [(app_label, model, f"{action}_{model}") for action in actions]


EDIT = ("add", "change", "delete")
ALL = EDIT + ("view",)
ADMIN = [("wagtailadmin", "admin", "access_admin")]
SNIPPETS = ("audience", "officialcontact", "claimrule")
SNIPPETS_READ = [row for model in SNIPPETS for row in perms("portal", model, "view")]

GROUPS = {
    "Marketing editors": {
        "models": ADMIN + SNIPPETS_READ + perms("portal", "fraudalert", "add", "change", "view"),
        "pages": perms("wagtailcore", "page", "add", "change"),
        "collections": perms("wagtailimages", "image", "add", "change", "choose")
        + perms("wagtaildocs", "document", "add", "change", "choose"),
    },
    "Consumer-protection reviewers": {
        "models": ADMIN + SNIPPETS_READ
        + perms("portal", "fraudalert", "change", "view", "publish")
        + perms("portal", "claimrule", *ALL),
        "pages": perms("wagtailcore", "page", "change", "publish"),
        "collections": perms("wagtailimages", "image", "choose") + perms("wagtaildocs", "document", "choose"),
    },
    "Site administrators": {
        "models": ADMIN
        + perms("portal", "fraudalert", *ALL, "publish", "lock", "unlock")
        + [row for model in SNIPPETS for row in perms("portal", model, *ALL)]
        + perms("auth", "user", *ALL)
        + perms("auth", "group", *ALL)
        + [row for model in ("site", "locale", "workflow", "task") for row in perms("wagtailcore", model, *EDIT)]
        + perms("wagtailredirects", "redirect", *EDIT)
        + perms("wagtailsearchpromotions", "searchpromotion", *EDIT),
        "pages": perms("wagtailcore", "page", "add", "change", "publish", "bulk_delete", "lock", "unlock"),
        "collections": perms("wagtailimages", "image", "add", "change", "delete", "choose")
        + perms("wagtaildocs", "document", "add", "change", "delete", "choose")
        + perms("wagtailcore", "collection", *EDIT),
    },
}


def permission(apps, app_label, model_name, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    verbose_name = apps.get_model(app_label, model_name)._meta.verbose_name_raw
    action = codename.removesuffix(f"_{model_name}")
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {action} {verbose_name}"}
    )[0]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    for name, spec in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission(apps, *row) for row in spec["models"]])
        for row in spec["pages"]:
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission(apps, *row))
        for row in spec["collections"]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(apps, *row)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_review_precheck_task"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
