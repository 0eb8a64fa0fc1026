"""Single-use forms: each rendering of a form can be submitted once.

A quiz counts answers and the report form stores reports, so a replayed POST — the back button
and "resend", a double click, a script repeating a captured request — must not count or store
twice. ``SingleUseForm`` adds a hidden token to a form: a random nonce, signed with the
``SECRET_KEY`` (``django.core.signing``) together with the page and the form's purpose, valid for
``MAX_AGE``. A token that is forged, expired or made for another page is a validation error.
When the whole form is valid the nonce is redeemed by recording it in the limits store (the
``RATELIMIT_USE_CACHE`` cache, a database table no page traffic evicts: ``foundation.models.limits``):
``add`` succeeds only once per key (an insert on the primary key), so the second submission of the same rendering
is refused with the form's ``replay_message``. An invalid submission does not use the token up,
so the visitor can correct the form and send it.

This complements CSRF protection, which proves the request came from our form, not that it is new.
"""

import secrets

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

SALT = "portal.form-tokens"
MAX_AGE = 4 * 60 * 60  # seconds a rendered form stays usable


class TokenField(forms.CharField):
    """A hidden field that always renders a new token, even when the form is shown again with errors."""

    widget = forms.HiddenInput

    def __init__(self):
        super().__init__(required=False, max_length=500)

    def bound_data(self, data, initial):
        return initial


class SingleUseForm(forms.Form):
    """Base for forms whose every rendering may be submitted once; pass ``page=`` when creating one.

    Token problems are errors of the whole form (``non_field_errors``), shown above the fields.
    """

    token_purpose = "form"
    replay_message = _("This form was already sent.")

    form_token = TokenField()

    def __init__(self, *args, page, **kwargs):
        kwargs.setdefault("label_suffix", "")  # labels are questions: no colon after "？"
        super().__init__(*args, **kwargs)
        self.token_page = page
        token = {"page": page.pk, "for": self.token_purpose, "nonce": secrets.token_urlsafe(16)}
        self.initial["form_token"] = signing.dumps(token, salt=SALT)

    def clean(self):
        cleaned_data = super().clean()
        nonce = self.read_nonce(cleaned_data.get("form_token"))
        if nonce is None:
            raise forms.ValidationError(_("This form has expired. Please fill it in again and send it."))
        limits = caches[settings.RATELIMIT_USE_CACHE]
        if not self.errors and not limits.add(f"portal:form-token:{nonce}", True, MAX_AGE):
            raise forms.ValidationError(self.replay_message)
        return cleaned_data

    def read_nonce(self, token):
        """The nonce of a genuine, unexpired token made for this page and purpose, else None."""
        try:
            data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
        except signing.BadSignature:  # also an expired signature
            return None
        if isinstance(data, dict) and data.get("page") == self.token_page.pk and data.get("for") == self.token_purpose:
            return data.get("nonce")
        return None
