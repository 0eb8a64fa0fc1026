"""``manage.py report_subject``: a person's right to see and to erase their reports (PIPL arts. 45/47, GDPR arts. 15/17).

``--phone 138...`` or ``--email a@b.c`` finds every report in which that number or address was
left (``portal.reports.reports_of``: phone numbers compare on their digits). Without ``--erase``
it prints them as JSON, to send to the person; with ``--erase`` it deletes them. Run by a report
handler after checking the person's identity (for example by calling them back on that number).
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.reports import reports_of


class Command(BaseCommand):
    help = "Export (JSON) or erase the reports one person sent, found by phone number or e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("--phone")
        parser.add_argument("--email")
        parser.add_argument("--erase", action="store_true", help="Delete the reports found instead of printing them.")

    def handle(self, *args, phone=None, email=None, erase=False, **options):
        if not (phone or email):
            raise CommandError("Give --phone or --email.")
        found = reports_of(phone=phone, email=email)
        if erase:
            with transaction.atomic():
                for submission in found:
                    submission.delete()
            self.stderr.write(f"{len(found)} report(s) erased.")
            return
        reports = [
            {"id": submission.pk, "form": submission.page.title, "sent": submission.submit_time.isoformat(),
             "answers": submission.form_data}
            for submission in found
        ]
        self.stdout.write(json.dumps({"reports": reports}, ensure_ascii=False, indent=2, default=str))
