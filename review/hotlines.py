"""The official contacts every page prints (footer, report page, posters), cached per language."""

from foundation import cache

from .models import OfficialContact

CONTACTS_TAG = "contacts"  # invalidated by every change to a contact (review.signals)


def footer_contacts(language_code):
    """The contacts marked "show in footer" in a language, in their sort order."""
    return cache.versioned(
        "contacts", language_code,
        compute=lambda: list(OfficialContact.objects.filter(locale__language_code=language_code, show_in_footer=True)),
        tags=[CONTACTS_TAG],
    )


def poster_hotlines(language_code):
    """``[(name, number)]`` of the footer's phone numbers, for posters (``foundation.posters``)."""
    return [(contact.name, contact.value) for contact in footer_contacts(language_code) if contact.kind == contact.Kind.PHONE]
