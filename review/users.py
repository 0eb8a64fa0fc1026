"""Managing users without handing out more rights than one holds (Wagtail's user admin, narrowed).

Wagtail lets anyone with the "add user" / "change user" permissions tick *Administrator*
(``is_superuser``) and any group. A site administrator could therefore make a superuser, or put
themselves in "Report handlers" and read reporters' personal data. For a user who is not a
superuser this viewset:

* removes the ``is_superuser`` field from the create and edit forms (a posted value is ignored,
  because a field that is not on a form is never saved);
* offers only the groups they may grant: a group whose every permission (model, page and
  collection permissions) they hold themselves, so granting it gives nobody more than they have;
* refuses (403) to edit or delete a superuser, or a user whose groups they could not grant,
  so an administrator cannot take over a more powerful account by resetting its password.

Superusers keep Wagtail's full form. The app config ``review.apps.UsersConfig`` puts this viewset
in place of Wagtail's (``user_viewset``). See
https://docs.wagtail.org/en/stable/extending/custom_user_models.html
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.users.views import users


def _held(user):
    """Every right the user holds: model permission ids, and (page, permission) / (collection, permission) pairs."""
    groups = user.groups.all()
    models = set(Permission.objects.filter(group__in=groups).values_list("pk", flat=True))
    models |= set(user.user_permissions.values_list("pk", flat=True))
    pages = set(GroupPagePermission.objects.filter(group__in=groups).values_list("page", "permission"))
    collections = set(
        GroupCollectionPermission.objects.filter(group__in=groups).values_list("collection", "permission")
    )
    return models, pages, collections


def grantable_groups(user):
    """The groups ``user`` may give to others: all for a superuser, else those within the user's own rights."""
    if user.is_superuser:
        return Group.objects.all()
    models, pages, collections = _held(user)
    allowed = [
        group.pk
        for group in Group.objects.prefetch_related("permissions")
        if {perm.pk for perm in group.permissions.all()} <= models
        and set(GroupPagePermission.objects.filter(group=group).values_list("page", "permission")) <= pages
        and set(GroupCollectionPermission.objects.filter(group=group).values_list("collection", "permission"))
        <= collections
    ]
    return Group.objects.filter(pk__in=allowed)


def may_manage(user, other):
    """Whether ``user`` may edit or delete ``other``: never a superuser or someone with more rights, unless a superuser."""
    if user.is_superuser:
        return True
    if other.is_superuser:
        return False
    return not other.groups.exclude(pk__in=grantable_groups(user)).exists()


class NarrowedFormMixin:
    """Drops ``is_superuser`` and narrows the groups offered, for users who are not superusers."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        user = self.request.user
        if not user.is_superuser:
            form.fields.pop("is_superuser", None)
            if "groups" in form.fields:
                form.fields["groups"].queryset = grantable_groups(user)
        return form


class CreateView(NarrowedFormMixin, users.CreateView):
    pass


class EditView(NarrowedFormMixin, users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not self.editing_self and not may_manage(request.user, self.object):
            raise PermissionDenied

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.editing_self and not self.request.user.is_superuser:
            # Nobody below superuser changes their own groups (that would be granting to oneself):
            # a disabled field keeps its current value whatever is posted.
            form.fields["groups"].disabled = True
        return form


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
