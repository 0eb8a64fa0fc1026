"""How well the pre-check does on sentences it was not trained on (``manage.py review_eval``).

The shipped corpus is split, per kind and language, into a training part and a held-out part
(a fixed seed, so runs compare). Three systems are measured on the held-out part, each the way
the live check decides (``review.claims.findings``, sentences classed by ``review.sentences``):

* rules alone — the ``ClaimRule`` phrases in the database;
* the model alone — the classifier trained on the training part;
* both, as the pre-check runs them.

For each language and kind: recall (misleading sentences caught, as an error or a warning),
and for the legitimate kinds the false-alarm rate (any finding) and the error rate (a blocking
error on a legitimate text). A leave-one-kind-out run trains without one kind of misleading claim
at a time and measures how much of it is still caught: how a new fraud type is handled.
"""

import random
from collections import defaultdict
from dataclasses import dataclass

from .claims import language_patterns, sentence_findings
from .classifier import ClaimClassifier, Prediction
from .issues import ERROR
from .kinds import MISLEADING
from .sentences import sentences


@dataclass
class Tally:
    total: int = 0
    caught: int = 0
    errors: int = 0

    def add(self, issue):
        self.total += 1
        self.caught += issue is not None
        self.errors += issue is not None and issue.level == ERROR

    @property
    def rate(self):
        return self.caught / self.total if self.total else 0.0

    @property
    def error_rate(self):
        return self.errors / self.total if self.total else 0.0


def split(examples, held_out=0.25, seed=7):
    """``(train, test)``, stratified by kind and language."""
    groups = defaultdict(list)
    for example in examples:
        groups[(example.kind, example.language)].append(example)
    train, test = [], []
    rng = random.Random(seed)
    for key in sorted(groups):
        items = groups[key][:]
        rng.shuffle(items)
        cut = max(1, round(len(items) * held_out))
        test += items[:cut]
        train += items[cut:]
    return train, test


NO_MODEL = Prediction(kind="guaranteed_return", misleading=0.0, example=None)


def decide(example, patterns, model, use_rules=True):
    """The worst finding the pre-check would give for one example (or None), using rules and/or the model."""
    found = sentences(example.text)
    predictions = model.predict([sentence.text for sentence in found]) if model else [NO_MODEL] * len(found)
    language_rules = patterns[example.language] if use_rules else []
    issues = [issue for _sentence, found_issues in sentence_findings(found, language_rules, predictions)
              for issue in found_issues]
    return min(issues, key=lambda issue: issue.level != ERROR, default=None)


def rule_patterns():
    return {language: language_patterns(language) for language in ("zh-hans", "en")}


def measure(test, patterns, model, use_rules):
    """``{(language, kind): Tally}`` plus per-language totals under ``(language, "misleading"|"legitimate")``."""
    tallies = defaultdict(Tally)
    for example in test:
        issue = decide(example, patterns, model, use_rules)
        side = "misleading" if example.kind in MISLEADING else "legitimate"
        tallies[(example.language, example.kind)].add(issue)
        tallies[(example.language, side)].add(issue)
    return tallies


def evaluate(examples):
    """``{"rules": tallies, "model": tallies, "combined": tallies}`` on the held-out part."""
    train, test = split(examples)
    model = ClaimClassifier(train)
    patterns = rule_patterns()
    return {
        "rules": measure(test, patterns, None, use_rules=True),
        "model": measure(test, patterns, model, use_rules=False),
        "combined": measure(test, patterns, model, use_rules=True),
    }


def leave_one_kind_out(examples):
    """``{kind: (language → recall)}`` with the classifier trained without that kind at all."""
    patterns = rule_patterns()
    results = {}
    for kind in MISLEADING:
        model = ClaimClassifier([example for example in examples if example.kind != kind])
        tallies = measure([example for example in examples if example.kind == kind], patterns, model, use_rules=True)
        results[kind] = {language: tallies[(language, kind)].rate for language in ("zh-hans", "en")}
    return results
