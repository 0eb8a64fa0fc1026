"""The campaign calendar in the admin: what starts, goes live, expires or ends when, with its review state.

``entries`` gathers the rows from campaigns, activities, scheduled publishing and alert windows as one
user may see them; ``states`` words their workflow state and English version; ``views`` is the report
under *Reports*, ``panels`` the dashboard's next 14 days, ``feed`` the signed iCalendar URL per user.
The hooks that put them in the admin are in ``portal.wagtail_hooks``.
"""
