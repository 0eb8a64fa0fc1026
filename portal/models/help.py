"""“I've just been contacted / I've been scammed”: what to do now, step by step, by situation.

Someone who has just been approached by a fraudster needs the next step, not an article. This
page is a short triage: a table of contents of situations (a call or message right now, money
already paid, card or personal details given, an older family member), each a section with an id,
so the page works without JavaScript, in the large-text view and from a link to one situation
(``/help/#situation-2``). Every situation has numbered steps, what to say, what never to do; the
page around them puts the official hotlines as tap-to-call buttons (``tel:``) and where to report.
Editors keep the situations in the admin; the words of the page around them are the site's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from foundation.models import ContentPage


class SituationBlock(blocks.StructBlock):
    """One situation: what has happened, the steps in order, what to say, and what never to do."""

    title = blocks.CharBlock(label=_("Situation"), max_length=120, help_text=_("For example: “I have already paid”."))
    steps = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Steps, in order"))
    say = blocks.TextBlock(
        label=_("What to say"), required=False, help_text=_("Words to use on the phone, to the caller or to the bank."),
    )
    never = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Never do"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Situation")


class HelpPage(ContentPage):
    """The triage page, one per language under the home page (``/help/``, ``/en/help/``).

    Not listed on audience pages or in search facets (``listing_kind`` is None): it is reached from
    the footer, every alert and the contact check. The review reads its situations like any body."""

    intro = models.TextField(_("introduction"), blank=True)
    situations = StreamField([("situation", SituationBlock())], verbose_name=_("situations"))

    content_panels = ContentPage.content_panels + [FieldPanel("intro"), FieldPanel("situations")]
    search_fields = ContentPage.search_fields + [index.SearchField("intro"), index.SearchField("situations")]
    api_fields = ContentPage.api_fields + [APIField("intro"), APIField("situations")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("help page (what to do now)")
