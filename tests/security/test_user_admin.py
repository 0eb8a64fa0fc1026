"""Item 1 of issue 14: a site administrator manages users but never hands out more rights than it holds."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
User = get_user_model()
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def siteadmin_client():
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(User.objects.get(username="siteadmin"))
    return client


def new_user(username, *groups, **extra):
    data = {
        "username": username, "email": f"{username}@example.com", "first_name": "Zor", "last_name": "Bex",
        "password1": "a-long-Zorbex-passphrase-2026", "password2": "a-long-Zorbex-passphrase-2026",
        "groups": [group.pk for group in groups],
    }
    data.update(extra)
    return data


def test_the_create_form_does_not_offer_superuser_status_or_stronger_groups(siteadmin_client):
    html = siteadmin_client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="is_superuser"' not in html
    assert "Marketing editors" in html and "Consumer-protection reviewers" in html
    assert "Report handlers" not in html  # reporters' data: rights the site administrator lacks


def test_posting_is_superuser_does_not_make_a_superuser(siteadmin_client):
    editors = Group.objects.get(name="Marketing editors")
    response = siteadmin_client.post(reverse("wagtailusers_users:add"), new_user("zorbex", editors, is_superuser="on"))
    assert response.status_code == 302
    user = User.objects.get(username="zorbex")
    assert not user.is_superuser and list(user.groups.all()) == [editors]


def test_a_group_with_more_rights_cannot_be_granted(siteadmin_client):
    handlers = Group.objects.get(name="Report handlers")
    response = siteadmin_client.post(reverse("wagtailusers_users:add"), new_user("zorbex", handlers))
    assert response.status_code == 200  # the form again, with the error
    assert not User.objects.filter(username="zorbex").exists()


def test_superusers_and_stronger_users_cannot_be_edited_or_deleted(siteadmin_client):
    for username in ("admin", "handler"):
        target = User.objects.get(username=username)
        edit = reverse("wagtailusers_users:edit", args=[target.pk])
        # Wagtail answers a refusal with 403 to scripts and a redirect to the dashboard to browsers.
        assert siteadmin_client.get(edit, **XHR).status_code == 403
        assert siteadmin_client.get(edit).status_code == 302
        data = new_user(username, password1="taken-over-2026-xyz", password2="taken-over-2026-xyz")
        assert siteadmin_client.post(edit, data, **XHR).status_code == 403
        assert siteadmin_client.post(reverse("wagtailusers_users:delete", args=[target.pk]), **XHR).status_code == 403
        target.refresh_from_db()
        assert target.check_password(f"demo-{username}-2026")


def test_a_site_administrator_cannot_promote_itself(siteadmin_client):
    me = User.objects.get(username="siteadmin")
    handlers = Group.objects.get(name="Report handlers")
    data = new_user("siteadmin", handlers, is_superuser="on", is_active="on", password1="", password2="")
    siteadmin_client.post(reverse("wagtailusers_users:edit", args=[me.pk]), data)
    me.refresh_from_db()
    assert not me.is_superuser and [group.name for group in me.groups.all()] == ["Site administrators"]


def test_a_site_administrator_cannot_edit_groups(siteadmin_client):
    group = Group.objects.get(name="Site administrators")
    assert siteadmin_client.get(reverse("wagtailusers_groups:edit", args=[group.pk]), **XHR).status_code == 403
    assert siteadmin_client.get(reverse("wagtailusers_groups:index")).status_code == 200


def test_a_site_administrator_still_manages_editors(siteadmin_client):
    editor = User.objects.get(username="editor")
    edit = reverse("wagtailusers_users:edit", args=[editor.pk])
    assert siteadmin_client.get(edit).status_code == 200
    reviewers = Group.objects.get(name="Consumer-protection reviewers")
    data = new_user("editor", reviewers, is_active="on", password1="", password2="")
    assert siteadmin_client.post(edit, data).status_code == 302
    assert [group.name for group in editor.groups.all()] == ["Consumer-protection reviewers"]


def test_a_superuser_still_makes_superusers():
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(User.objects.get(username="admin"))
    assert client.post(reverse("wagtailusers_users:add"), new_user("root2", is_superuser="on")).status_code == 302
    assert User.objects.get(username="root2").is_superuser
