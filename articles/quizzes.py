"""Knowledge quizzes: a few questions with the right answer explained, scored on the server.

A ``QuizPage`` lives in the article section. Its questions are a StreamField of
``QuestionBlock``s (2 to 5 options, exactly one marked right, an explanation). The page is a
plain HTML form posted back to itself, so it works with JavaScript off: the server checks the
answers (``QuizForm``), shows the score with every explanation, and links the related articles.

Privacy: nothing about the visitor is stored, only anonymous per-option totals
(``QuizAnswerCount``), added with ``F()`` so simultaneous submissions are all counted. Editors
see them in the quiz's edit form (``AnswerCountsPanel``). Each rendered quiz can be submitted once
(``portal.form_tokens``), so resending a form does not count twice; a forged or missing answer is
a validation message.

Questions and options are identified by their block ids, which Wagtail keeps across revisions:
reordering options or fixing a typo keeps the counts attached to the right answer.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.api import APIField
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import StreamField
from wagtail.search import index

from foundation.form_tokens import SingleUseForm
from foundation.models import ContentPage
from foundation.privacy import restricted_paths

FIELD_PREFIX = "question-"


class QuestionBlock(blocks.StructBlock):
    """One multiple-choice question: 2 to 5 options, exactly one of them right, and why."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    options = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("text", blocks.CharBlock(label=_("Option"), max_length=200)),
                ("correct", blocks.BooleanBlock(label=_("This is the right answer"), required=False)),
            ],
            label=_("Option"),
        ),
        label=_("Options"),
        min_num=2,
        max_num=5,
    )
    explanation = blocks.RichTextBlock(label=_("Explanation"))

    class Meta:
        icon = "help"

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for option in value["options"] if option["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark exactly one option as the right answer."))}
            )
        return value


class QuizForm(SingleUseForm):
    """One required radio group per question; its choices are the option ids, so nothing else validates."""

    token_purpose = "quiz"
    replay_message = _("These answers were already sent and counted. Start the quiz again to have another go.")

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, page=page, **kwargs)
        self.questions = list(page.questions)
        for question in self.questions:
            self.fields[FIELD_PREFIX + question.id] = forms.ChoiceField(
                label=question.value["question"],
                choices=[(option.id, option.value["text"]) for option in question.value["options"].bound_blocks],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer to this question.")},
            )

    def results(self):
        """``[{"question", "chosen", "right", "explanation", "is_right"}]``, in page order (once valid)."""
        results = []
        for question in self.questions:
            options = {option.id: option.value for option in question.value["options"].bound_blocks}
            chosen = self.cleaned_data[FIELD_PREFIX + question.id]
            right = next(option_id for option_id, option in options.items() if option["correct"])
            results.append({
                "question_id": question.id, "question": question.value["question"], "chosen": options[chosen]["text"],
                "chosen_id": chosen, "right": options[right]["text"], "is_right": chosen == right,
                "explanation": question.value["explanation"],
            })
        return results


class AnswerCountsPanel(Panel):
    """A read-only panel in the quiz's edit form: how often each option was chosen."""

    def __init__(self, heading="", **kwargs):
        super().__init__(heading=heading or _("Answers so far"), **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/quiz_answer_counts_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["questions"] = self.instance.answer_summary() if self.instance.pk else []
            return context


class QuizPage(ContentPage):
    """A short anti-fraud knowledge quiz; see the module's documentation."""

    intro = models.TextField(_("introduction"), blank=True)
    questions = StreamField([("question", QuestionBlock(label=_("Question")))], verbose_name=_("questions"), min_num=1, max_num=20)
    related_articles = StreamField(
        [("article", blocks.PageChooserBlock(label=_("Article"), page_type="articles.ArticlePage"))],
        verbose_name=_("related articles"), blank=True, max_num=6,
    )

    content_panels = ContentPage.content_panels + [
        FieldPanel("intro"), FieldPanel("questions"), FieldPanel("related_articles"), AnswerCountsPanel(),
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("intro"), index.SearchField("questions")]
    # The questions without their answers: a partner can link to the quiz, not print the key.
    api_fields = ContentPage.api_fields + [APIField("intro"), APIField("question_count")]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("quiz page")

    listing_label = _("Quiz")

    @property
    def question_count(self):
        return len(self.questions)

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return self.render_quiz(request, QuizForm(page=self))
        form = QuizForm(request.POST, page=self)
        if not form.is_valid():
            return self.render_quiz(request, form, status=400)
        results = form.results()
        QuizAnswerCount.record(self, {result["question_id"]: result["chosen_id"] for result in results})
        context = self.get_context(request, *args, **kwargs)
        score = sum(result["is_right"] for result in results)
        context.update(results=results, score=score, articles=self.live_related_articles())
        return TemplateResponse(request, "articles/quiz_page_result.html", context)

    def render_quiz(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def live_related_articles(self):
        """The chosen articles that are live and public, in the editor's order (no extra query)."""
        restricted = tuple(restricted_paths())
        articles = (block.value for block in self.related_articles)
        return [page for page in articles if page and page.live and not page.path.startswith(restricted)]

    def answer_summary(self):
        """For editors: each question with its options, how often each was chosen, and which is right."""
        counts = dict(
            ((row.question_id, row.option_id), row.count) for row in QuizAnswerCount.objects.filter(page=self)
        )
        summary = []
        for question in self.questions:
            options = [
                {**option.value, "count": counts.get((question.id, option.id), 0)}
                for option in question.value["options"].bound_blocks
            ]
            total = sum(option["count"] for option in options)
            for option in options:
                option["percent"] = round(100 * option["count"] / total) if total else 0
            summary.append({"question": question.value["question"], "options": options, "total": total})
        return summary


class QuizAnswerCount(models.Model):
    """How many times one option of one question of a quiz was chosen. Anonymous: totals only."""

    page = models.ForeignKey(QuizPage, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="answer_counts")
    question_id = models.CharField(_("question id"), max_length=64)
    option_id = models.CharField(_("option id"), max_length=64)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("quiz answer count")
        verbose_name_plural = _("quiz answer counts")
        constraints = [
            models.UniqueConstraint(fields=["page", "question_id", "option_id"], name="unique_quiz_answer_count"),
        ]

    @classmethod
    def record(cls, page, answers):
        """Add one to the count of each chosen option, ``answers`` being ``{question id: option id}``."""
        with transaction.atomic():
            cls.objects.bulk_create(
                [cls(page=page, question_id=question, option_id=option) for question, option in answers.items()],
                ignore_conflicts=True,
            )
            chosen = Q()
            for question, option in answers.items():
                chosen |= Q(question_id=question, option_id=option)
            cls.objects.filter(chosen, page=page).update(count=F("count") + 1)
