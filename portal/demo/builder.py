"""Builds the bilingual demo site. Idempotent: anything that exists (by slug, title or value) is kept.

Chinese pages are created first; English pages are made with Wagtail's
``copy_for_translation`` so the two trees are linked as translations, exactly
as an editor translating in the admin would link them.
"""

import datetime
import json
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from alerts.models import AlertIndexPage, FraudAlert
from articles.models import ArticleIndexPage, ArticlePage, QuizPage
from campaigns.models import CampaignIndexPage, CampaignPage, EventIndexPage, EventPage, FilmIndexPage, FilmPage
from foundation.models import Audience
from portal.models import AudiencePage, HelpPage, HomePage, ReportFormField, ReportFormPage, StandardPage
from review.models import OfficialContact

from . import articles as article_data
from . import content, outreach
from .help import HELP
from .media import demo_document, demo_image, demo_video_bytes

LANGUAGES = ("zh-hans", "en")
DEMO_USERS = [
    # username, password, group (None = superuser); the groups come from the migrations (portal 0003, review 0003)
    ("admin", "demo-admin-2026", None),
    ("siteadmin", "demo-siteadmin-2026", "Site administrators"),
    ("editor", "demo-editor-2026", "Marketing editors"),
    ("reviewer", "demo-reviewer-2026", "Consumer-protection reviewers"),
    ("handler", "demo-handler-2026", "Report handlers"),  # review 0003: the only ones who read reports
]


def rich(html):
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def paragraphs(texts):
    return [rich(f"<p>{text}</p>") for text in texts]


class DemoBuilder:
    def __init__(self, stdout=None, today=None):
        self.stdout = stdout
        self.today = today or timezone.localdate()
        self.locales = {}
        self.audiences = {}
        self.image_seed = 0

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    # --- helpers -------------------------------------------------------------------------------------

    def image(self, title):
        self.image_seed += 1
        return demo_image(f"Demo: {title}", self.image_seed)

    def child(self, parent, model, slug, **fields):
        """Return the live child of ``parent`` with ``slug``, creating and publishing it if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        audiences = fields.pop("audiences", None)
        topics = fields.pop("topics", None)
        page = model(slug=slug, **fields)
        if audiences is not None:
            page.audiences = audiences
        parent.add_child(instance=page)
        if topics:
            page.topics.add(*topics)
        page.save_revision().publish()
        return page

    def translate(self, page, language, audiences=None, topics=None, **fields):
        """Return the ``language`` translation of ``page``, creating and publishing it if missing."""
        locale = self.locales[language]
        existing = page.get_translation_or_none(locale)
        if existing:
            return existing.specific
        translated = page.copy_for_translation(locale).specific
        for name, value in fields.items():
            setattr(translated, name, value)
        if audiences is not None:
            translated.audiences = audiences
        if topics is not None:
            translated.topics.set(topics, clear=True)
        translated.save_revision().publish()
        return translated

    def both(self, parent_by_language, model, slug, texts, **shared):
        """Create a page in Chinese and its English translation. ``texts(lang)`` gives per-language fields."""
        zh = self.child(parent_by_language["zh-hans"], model, slug, **shared, **texts("zh-hans"))
        en = self.translate(zh, "en", **texts("en"))
        return {"zh-hans": zh, "en": en}

    def audience_list(self, language, slugs):
        return [self.audiences[language][slug] for slug in slugs]

    # --- steps ----------------------------------------------------------------------------------------

    def build(self):
        self.make_locales()
        self.make_audiences()
        self.make_contacts()
        home = self.make_home()
        sections = self.make_sections(home)
        campaigns = self.make_campaigns(sections["campaigns"])
        self.make_films(sections["films"], campaigns)
        self.make_articles(sections["articles"], campaigns)
        self.make_alerts()
        self.make_quiz(sections["articles"])
        self.make_report_form(home)
        self.make_help(home)
        self.make_users()
        self.log("Demo content ready.")

    def make_locales(self):
        for language in LANGUAGES:
            self.locales[language], _ = Locale.objects.get_or_create(language_code=language)

    def make_audiences(self):
        for language in LANGUAGES:
            self.audiences[language] = {}
        for order, item in enumerate(content.AUDIENCES):
            zh = Audience.objects.filter(locale=self.locales["zh-hans"], slug=item["slug"]).first()
            if zh is None:
                name, description = item["zh-hans"]
                zh = Audience.objects.create(
                    locale=self.locales["zh-hans"], slug=item["slug"], name=name, description=description,
                    icon=item["icon"], sort_order=order,
                )
            en = zh.get_translation_or_none(self.locales["en"])
            if en is None:
                en = zh.copy_for_translation(self.locales["en"])
                en.name, en.description = item["en"]
                en.save()
            self.audiences["zh-hans"][item["slug"]] = zh
            self.audiences["en"][item["slug"]] = en

    def make_contacts(self):
        for order, item in enumerate(content.CONTACTS):
            translation_key = uuid.uuid5(uuid.NAMESPACE_URL, f"contact:{item['value']}")
            for language in LANGUAGES:
                name, purpose = item[language]
                OfficialContact.objects.get_or_create(
                    locale=self.locales[language], translation_key=translation_key,
                    defaults={"name": name, "kind": item["kind"], "value": item["value"], "purpose": purpose, "sort_order": order},
                )

    def make_home(self):
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.filter(locale=self.locales["zh-hans"]).first()
        if home is None:
            title, text = content.SITE["home"]["zh-hans"]
            home = HomePage(title=title, slug="home-zh", hero_text=text, summary=text, listing_image=self.image("home"))
            root.add_child(instance=home)
            home.save_revision().publish()
            placeholder = site.root_page if site else None
            if site is None:
                site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
            site.root_page = home
            site.site_name = "消费者权益保护教育"
            site.save()
            if placeholder and placeholder.specific_class is Page:
                placeholder.delete()  # Wagtail's "Welcome" page from the initial migration
        title, text = content.SITE["home"]["en"]
        en = self.translate(home, "en", title=title, slug="home-en", hero_text=text, summary=text)
        return {"zh-hans": home, "en": en}

    def make_sections(self, home):
        specs = {
            "campaigns": CampaignIndexPage, "events": EventIndexPage, "films": FilmIndexPage,
            "articles": ArticleIndexPage, "alerts": AlertIndexPage,
        }
        sections = {}
        for key, model in specs.items():
            sections[key] = self.both(
                home, model, key,
                lambda lang, key=key: dict(zip(("title", "intro"), content.SITE[key][lang]), summary=content.SITE[key][lang][1]),
                show_in_menus=True,
            )
        for item in content.AUDIENCES:
            self.both(
                home, AudiencePage, f"for-{item['slug']}",
                lambda lang, item=item: {
                    "title": item[lang][0], "summary": item[lang][1], "intro": item[lang][1],
                    "audience": self.audiences[lang][item["slug"]],
                },
            )
        self.both(
            home, StandardPage, "about",
            lambda lang: {"title": content.SITE["about"][lang][0], "summary": content.SITE["about"][lang][1],
                          "body": json.dumps([rich(content.ABOUT_BODY[lang])])},
            show_in_menus=True,
        )
        return sections

    def campaign_dates(self):
        """(kind, start, end) for the last and next occurrence of each recurring campaign."""
        for kind, spec in content.CAMPAIGN_KINDS.items():
            for year in (self.today.year - 1, self.today.year, self.today.year + 1):
                start = datetime.date(year, spec["month"], spec["day"])
                end = start + datetime.timedelta(days=spec["length"] - 1)
                next_start = datetime.date(year + 1, spec["month"], spec["day"])
                if end < self.today < next_start or start > self.today:
                    yield kind, start, end
                if start > self.today:
                    break

    def make_campaigns(self, index):
        campaigns = {}
        drive_start = self.today - datetime.timedelta(days=7)
        plans = [(kind, start, end) for kind, start, end in self.campaign_dates()]
        plans.append(("anti-fraud-drive", drive_start, self.today + datetime.timedelta(days=21)))
        for kind, start, end in plans:
            slug = f"{kind}-{start.year}"
            names = content.CAMPAIGN_KINDS.get(kind, content.LIVE_DRIVE)
            image = self.image(slug)

            def texts(lang, names=names, year=start.year):
                title, theme = names[lang]
                return {"title": f"{year} {title}" if lang == "en" else f"{year}年{title}", "theme": theme, "summary": theme,
                        "audiences": self.audience_list(lang, ["public", "customers", "professionals", "elderly"]),
                        "body": json.dumps(self.campaign_body(lang)),
                        "audience_sections": json.dumps(self.audience_sections(lang))}

            pages = self.both(index, CampaignPage, slug, texts, kind=kind, start_date=start, end_date=end, listing_image=image)
            campaigns[slug] = pages
            self.make_events(pages, start, end)
        return campaigns

    def campaign_body(self, lang):
        contact = OfficialContact.objects.get(locale=self.locales[lang], value="96110")
        intro = {"zh-hans": "本次活动走进社区、门店和公园，围绕电信诈骗、非法集资和“代理退保”等风险开展宣传。",
                 "en": "This campaign visits communities, stores and parks, covering telecom fraud, illegal fund-raising and fake refund agents."}[lang]
        return [rich(f"<p>{intro}</p>"), block("official_contact", {"contact": contact.pk})]

    def audience_sections(self, lang):
        sections = []
        for item in content.AUDIENCES:
            heading, text = content.CAMPAIGN_AUDIENCE_ADVICE[item["slug"]][lang]
            audience = self.audiences[lang][item["slug"]].pk
            sections.append(block("audience_section", {"audience": audience, "heading": heading, "text": f"<p>{text}</p>", "pages": []}))
        return sections

    def make_events(self, campaign, start, end):
        count = 1 if end < self.today else len(content.EVENT_TEMPLATES)
        for number, spec in enumerate(content.EVENT_TEMPLATES[:count]):
            day = min(start + datetime.timedelta(days=number * 3 + (8 if end >= self.today > start else 0)), max(end, start))
            begins = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9 + number, 30)))

            def texts(lang, spec=spec):
                title, venue, address = spec[lang]
                return {"title": title, "venue": venue, "address": address, "summary": title,
                        "audiences": self.audience_list(lang, ["public", "elderly"])}

            self.both(campaign, EventPage, f"{spec['kind']}-{day:%Y%m%d}", texts, kind=spec["kind"], start=begins,
                      end=begins + datetime.timedelta(hours=2))

    def make_films(self, index, campaigns):
        live_campaign = next(pages for slug, pages in campaigns.items() if slug.startswith("anti-fraud-drive"))
        for film in content.FILMS:
            self.both(index, FilmPage, film["slug"], self.film_texts(film, live_campaign), video_url=film["url"],
                      duration=film["duration"], listing_image=self.image(film["slug"]))
        film = content.SELF_HOSTED_FILM
        video = demo_document("Demo: anti-fraud short (video)", "anti-fraud-short.webm", demo_video_bytes())
        captions = {
            lang: demo_document(f"Demo: anti-fraud short captions ({lang})", f"anti-fraud-short.{lang}.vtt", film["captions"][lang].encode())
            for lang in LANGUAGES
        }
        texts = self.film_texts(film, live_campaign)
        self.both(index, FilmPage, film["slug"], lambda lang: {**texts(lang), "captions": captions[lang]},
                  video_file=video, duration=film["duration"], listing_image=self.image(film["slug"]))

    def film_texts(self, film, campaign):
        def texts(lang):
            title, summary, transcript = film[lang]
            return {"title": title, "summary": summary, "transcript": transcript, "campaign": campaign[lang],
                    "audiences": self.audience_list(lang, ["public", "elderly"]),
                    "topics": [film["topics"][LANGUAGES.index(lang)]]}
        return texts

    def make_articles(self, index, campaigns):
        live_campaign = next(pages for slug, pages in campaigns.items() if slug.startswith("anti-fraud-drive"))
        for number, article in enumerate(article_data.ARTICLES):
            def texts(lang, article=article):
                title, summary, body, *case = article[lang]
                fields = {"title": title, "summary": summary, "audiences": self.audience_list(lang, article["audiences"]),
                          "topics": [pair[LANGUAGES.index(lang)] for pair in article["topics"]],
                          "body": json.dumps(self.article_body(lang, article, body)),
                          "campaign": live_campaign[lang] if number % 3 == 0 else None}
                if case:
                    fields.update(what_happened=f"<p>{case[0]}</p>", red_flags=case[1], how_to_protect=case[2],
                                  where_to_report=self.where_to_report(lang))
                return fields

            pages = self.both(index, ArticlePage, article["slug"], texts, kind=article["kind"],
                              last_reviewed=self.today - datetime.timedelta(days=number * 9),
                              listing_image=self.image(article["slug"]))
            for offset, page in enumerate(pages.values()):
                # Spread publication dates so "newest first" listings have a stable, realistic order.
                Page.objects.filter(pk=page.pk).update(
                    first_published_at=timezone.now() - datetime.timedelta(days=number * 4, minutes=offset)
                )

    def article_body(self, lang, article, body):
        blocks = paragraphs(body)
        if article["slug"] == "risk-disclosure-explained":
            blocks.append(block("risk_disclosure", {"text": article_data.RISK_DISCLOSURE[lang]}))
        if article["kind"] == "case-study":
            contact = OfficialContact.objects.get(locale=self.locales[lang], value="95511")
            blocks.append(block("official_contact", {"contact": contact.pk}))
        return blocks

    def where_to_report(self, lang):
        return {"zh-hans": "<p>全国反诈专线 96110；金融消费投诉 12378；客服热线 95511。</p>",
                "en": "<p>National anti-fraud hotline 96110; financial complaints 12378; customer service 95511.</p>"}[lang]

    def make_alerts(self):
        now = timezone.now()
        for item in article_data.ALERTS:
            translation_key = uuid.uuid5(uuid.NAMESPACE_URL, f"alert:{item['en'][0]}")
            start_days, end_days = item["window"]
            for lang in LANGUAGES:
                if FraudAlert.objects.filter(locale=self.locales[lang], translation_key=translation_key).exists():
                    continue
                title, summary = item[lang]
                alert = FraudAlert(
                    locale=self.locales[lang], translation_key=translation_key, title=title, summary=summary,
                    severity=item["severity"], body=f"<p>{summary}</p>",
                    active_from=now + datetime.timedelta(days=start_days),
                    active_until=now + datetime.timedelta(days=end_days) if end_days is not None else None,
                )
                if item.get("scheduled"):
                    alert.live, alert.go_live_at = False, alert.active_from
                alert.audiences.set(self.audience_list(lang, item["audiences"]))
                alert.save()  # with its audiences (a parental relation is written when the alert is saved)
                if item.get("scheduled"):  # approved, waiting for the scheduler (``publish_scheduled``)
                    alert.save_revision(approved_go_live_at=alert.go_live_at)
                else:
                    alert.save_revision().publish()

    def make_quiz(self, index):
        """One anti-fraud quiz in each language; option ids are fixed so answer counts stay attached."""
        spec = outreach.QUIZ

        def texts(lang):
            words = spec[lang]
            related = ArticlePage.objects.filter(locale=self.locales[lang], slug__in=spec["related"])
            return {"title": words["title"], "summary": words["summary"], "intro": words["intro"],
                    "questions": json.dumps([self.quiz_question(lang, number, *question) for number, question in enumerate(words["questions"])]),
                    "related_articles": json.dumps([block("article", article.pk) for article in related])}

        self.both(index, QuizPage, spec["slug"], texts)

    def quiz_question(self, lang, number, question, options, explanation):
        key = f"quiz:{outreach.QUIZ['slug']}:{lang}:{number}"
        return {"type": "question", "id": str(uuid.uuid5(uuid.NAMESPACE_URL, key)), "value": {
            "question": question, "explanation": f"<p>{explanation}</p>",
            "options": [{"type": "item", "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{key}:{index}")), "value": {"text": text, "correct": correct}}
                        for index, (correct, text) in enumerate(options)],
        }}

    def make_report_form(self, home):
        """The "report a suspicious approach" form in each language, in the main menu."""
        spec = outreach.REPORT_FORM

        def texts(lang):
            words = spec[lang]
            fields = [
                ReportFormField(clean_name=name, field_type=kind, required=required, label=label, choices=choices, help_text=help_text, sort_order=order,
                                suspect_contact=name == outreach.SUSPECT_CONTACT_FIELD)
                for order, ((name, kind, required), (label, choices, help_text)) in enumerate(zip(outreach.REPORT_FIELDS, words["fields"]))
            ]
            return {"title": words["title"], "summary": words["summary"], "intro": words["intro"],
                    "thank_you_text": words["thank_you_text"], "form_fields": fields}

        self.both(home, ReportFormPage, spec["slug"], texts, show_in_menus=True)

    def make_help(self, home):
        """The "what to do now" page (``/help/``) in each language, linked from the footer, alerts and the check."""
        def texts(lang):
            words = HELP[lang]
            situations = [block("situation", {"title": title, "steps": steps, "say": say, "never": never})
                          for title, steps, say, never in words["situations"]]
            return {"title": words["title"], "summary": words["summary"], "intro": words["intro"], "situations": situations}

        self.both(home, HelpPage, HELP["slug"], texts)

    def make_users(self):
        User = get_user_model()
        for username, password, group in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None and group is None:
                User.objects.create_superuser(username, f"{username}@example.com", password)
            elif group is not None:
                user = user or User.objects.create_user(username, f"{username}@example.com", password)
                # Set, not add: a demo user seeded before the roles existed leaves its old group.
                user.groups.set([Group.objects.get(name=group)])
