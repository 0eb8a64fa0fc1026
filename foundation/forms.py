"""Edit forms that offer only the chosen language's snippets: one set of audiences, as checkboxes.

Audiences are translatable snippets (``foundation.models.audiences``): each exists once per locale,
so a plain picker lists "老年人" and "Older people" side by side and an editor can tag a Chinese
page with English audiences. These forms limit every choice of a translatable snippet to the
object's own locale and show many-to-many choices as checkboxes. Page types use
``SameLocaleChoicesPageForm`` (``AudienceTargetedPage.base_form_class``), snippets
``SameLocaleChoicesModelForm``.
See https://docs.wagtail.org/en/stable/reference/panels.html#customising-generated-forms
"""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Page, TranslatableMixin


class SameLocaleChoicesMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None)
        for field in self.fields.values():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if locale_id is None or model is None or not issubclass(model, TranslatableMixin) or issubclass(model, Page):
                continue
            field.queryset = field.queryset.filter(locale_id=locale_id)
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.widget = forms.CheckboxSelectMultiple(choices=field.choices)


class SameLocaleChoicesPageForm(SameLocaleChoicesMixin, WagtailAdminPageForm):
    pass


class SameLocaleChoicesModelForm(SameLocaleChoicesMixin, WagtailAdminModelForm):
    pass
