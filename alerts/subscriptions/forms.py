"""The subscription forms: sign-up (with the purpose notice and a honeypot) and managing a subscription."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from foundation.models import Audience

# Shown beside the consent box and stored, in the visitor's language, with the subscription (PIPL art. 14, 17).
PURPOSE_NOTICE = _(
    "We use your e-mail address only to send you official fraud alerts for the audiences you chose, in the "
    "language you chose. We store the address, your choices and when you agreed, and nothing else. We do not "
    "share it with anyone. Every alert has a link to change or delete your subscription at once; an unconfirmed "
    "sign-up is deleted after 3 days. To see or erase your data, write to the address the alerts come from."
)
CONSENT_LABEL = _("I agree that my e-mail address is used as described above.")


def audience_choices():
    audiences = Audience.objects.filter(locale__language_code=translation.get_language()).order_by("sort_order")
    return [(audience.slug, audience.name) for audience in audiences]


class ChoicesForm(forms.Form):
    audiences = forms.MultipleChoiceField(
        label=_("Audiences to follow"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none to receive every alert."),
    )
    language = forms.ChoiceField(label=_("Language of the alerts"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["audiences"].choices = audience_choices()


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    consent = forms.BooleanField(label=CONSENT_LABEL)
    # People never see it (hidden with CSS and from assistive technology); bots fill it in.
    homepage_url = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    field_order = ["email", "audiences", "language", "consent", "homepage_url"]

    def is_spam(self):
        return bool(self.data.get("homepage_url"))
