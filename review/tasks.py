"""Background work of the review, run by django-tasks' worker (or at once, with its immediate backend)."""

from django_tasks import task

from . import classifier


@task()
def retrain_claim_classifier():
    """Retrain this process's classifier on the corpus and every taught example (a few seconds)."""
    model = classifier.current(retrain=True)
    return {"examples": len(model.examples)}
