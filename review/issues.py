"""What a pre-check finds: issues with a level and a message, gathered in a report.

Errors block approval; warnings go on to the reviewer. Page types that check something of their
own (``review_issues()``, see ``foundation.models.pages``) return these too.
"""

from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """One finding. Claim findings also say which sentence, what kind, how sure, and why."""

    level: str
    message: str
    kind: str = ""
    sentence: str = ""
    confidence: float | None = None
    example: str = ""
    basis: str = ""
    fingerprint: str = ""
    context: str = ""

    def as_dict(self):
        return asdict(self)


@dataclass(frozen=True)
class Report:
    issues: tuple
    # How the edit form's checks panel (``foundation.panels``) shows this report.
    panel_template = "review/checks_report.html"

    @property
    def errors(self):
        return [issue for issue in self.issues if issue.level == ERROR]

    @property
    def warnings(self):
        return [issue for issue in self.issues if issue.level == WARNING]

    def grouped(self):
        """``(level, issues, heading)`` for errors, then warnings, as the checks panel lists them."""
        return [
            (ERROR, self.errors, ngettext("%(count)d error blocks submission:", "%(count)d errors block submission:",
                                          len(self.errors)) % {"count": len(self.errors)}),
            (WARNING, self.warnings, ngettext("%(count)d warning for the reviewer:", "%(count)d warnings for the reviewer:",
                                              len(self.warnings)) % {"count": len(self.warnings)}),
        ]

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
