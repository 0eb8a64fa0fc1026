"""The consumer-protection review: the pre-checks, and how the admin shows them.

* ``checks`` — the checks (``run_checks``), reading rules from snippets;
* ``content`` — the text, links and blocks the checks read;
* ``phones`` — finding phone numbers in text, however they are typed;
* ``panels`` — the checks panel in the edit form;
* ``dashboard`` — the reviewer's queue on the admin home page;
* ``admin_hooks`` — permission guards and messages around the admin's edit views;
* ``signals`` — keeps workflow tasks on the revision that was submitted.

The workflow task itself is a model: ``portal.models.review.PreCheckTask``.
"""
