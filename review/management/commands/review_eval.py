"""``manage.py review_eval``: precision, recall and false alarms of the pre-check on held-out sentences."""

from django.core.management.base import BaseCommand

from review import evaluation
from review.classifier import corpus
from review.kinds import ALL_KINDS, MISLEADING

SYSTEMS = ("rules", "model", "combined")
LANGUAGES = ("zh-hans", "en")


def percent(value):
    return f"{100 * value:5.1f}"


class Command(BaseCommand):
    help = "Measure the AI-assisted pre-check on a held-out part of the labelled corpus."

    def add_arguments(self, parser):
        parser.add_argument("--no-leave-one-out", action="store_true", help="Skip the leave-one-kind-out run.")

    def handle(self, *args, **options):
        examples = corpus()
        results = evaluation.evaluate(examples)
        self.stdout.write("caught = recall of misleading kinds (error or warning); for legitimate kinds: "
                          "any finding (false alarm) / blocking error")
        header = f"{'kind':22} {'lang':8} " + " ".join(f"{system:>16}" for system in SYSTEMS)
        self.stdout.write(header)
        for kind in [*ALL_KINDS, "misleading", "legitimate"]:
            for language in LANGUAGES:
                cells = []
                for system in SYSTEMS:
                    tally = results[system][(language, kind)]
                    if kind in MISLEADING or kind == "misleading":
                        cells.append(f"{percent(tally.rate)}% of {tally.total:3}")
                    else:
                        cells.append(f"{percent(tally.rate)}/{percent(tally.error_rate)}%")
                self.stdout.write(f"{kind:22} {language:8} " + " ".join(f"{cell:>16}" for cell in cells))
        for system in SYSTEMS:
            for language in LANGUAGES:
                misleading = results[system][(language, "misleading")]
                legitimate = results[system][(language, "legitimate")]
                flagged = misleading.caught + legitimate.caught
                precision = misleading.caught / flagged if flagged else 0.0
                self.stdout.write(
                    f"{system:9} {language:8} precision {percent(precision)}%  recall {percent(misleading.rate)}%  "
                    f"false alarms {percent(legitimate.rate)}%  errors on legitimate text {percent(legitimate.error_rate)}%"
                )
        if not options["no_leave_one_out"]:
            self.stdout.write("leave one kind out (classifier trained without the kind; rules still on): recall")
            for kind, recall in evaluation.leave_one_kind_out(examples).items():
                self.stdout.write(f"  {kind:22} " + "  ".join(f"{language} {percent(recall[language])}%"
                                                              for language in LANGUAGES))
