"""What a pre-check finds: issues with a level and a message, gathered in a report.

Errors block approval; warnings go on to the reviewer. Page types that check something of their
own (``review_issues()``, see ``foundation.models.pages``) return these too.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    level: str
    message: str


@dataclass(frozen=True)
class Report:
    issues: tuple

    @property
    def errors(self):
        return [issue for issue in self.issues if issue.level == ERROR]

    @property
    def warnings(self):
        return [issue for issue in self.issues if issue.level == WARNING]

    def as_comment(self):
        """The issues as a workflow comment, errors first."""
        lines = []
        for issues, heading in (
            (self.errors, ngettext("%(count)d error:", "%(count)d errors:", len(self.errors))),
            (self.warnings, ngettext("%(count)d warning:", "%(count)d warnings:", len(self.warnings))),
        ):
            if issues:
                lines.append(heading % {"count": len(issues)})
                lines += [f"• {issue.message}" for issue in issues]
        return "\n".join(lines) or _("No issues found.")
