"""Pushing a fraud alert out when it goes live: e-mail, partner webhooks, WebSub and manual channels.

When an alert is published for the first time (approved, or gone live on schedule) ``signals``
creates one ``Syndication`` with a ``Delivery`` per channel and queues a task for each automated
one (``tasks``): e-mail to subscribers in batches (``email``), each partner endpoint
(``webhooks``), the WebSub hub (``foundation.websub``). Manual channels are a checklist
(``ManualPost``). A delivery keeps its state, counts, times and last error for the admin timeline
(``admin_views``); failures are retried with back-off, and ``manage.py syndication_resume`` (run
every minute beside ``publish_scheduled``, and when the worker starts) picks up whatever a crashed
worker left unfinished.
"""
