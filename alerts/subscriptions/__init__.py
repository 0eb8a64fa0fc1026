"""E-mail subscriptions to fraud alerts: sign-up with double opt-in, manage and one-click unsubscribe.

``models`` holds what is stored about a subscriber (and only that), ``tokens`` the signed links,
``forms`` and ``views`` the public pages at ``/alerts/subscribe/`` (``/en/alerts/subscribe/``),
``mail`` the messages. Sending an alert to subscribers is delivery, not subscription: see
``alerts.syndication.email``.
"""
