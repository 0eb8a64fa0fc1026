"""Records of an alert's syndication, and the partner endpoints it is sent to."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PartnerEndpoint(models.Model):
    """A partner platform that receives every alert for its audiences, signed, as JSON.

    Kept to site administrators (the secret signs our messages). ``kind`` chooses the body: our
    generic JSON, or the text message of a WeCom (企业微信) or DingTalk (钉钉) group robot.
    """

    class Kind(models.TextChoices):
        GENERIC = "generic", _("Generic JSON")
        WECOM = "wecom", _("WeCom group robot")
        DINGTALK = "dingtalk", _("DingTalk group robot")

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.GENERIC)
    url = models.URLField(_("URL"), max_length=500, help_text=_("An HTTPS address."))
    secret = models.CharField(
        _("secret"), max_length=200, blank=True,
        help_text=_("Signs each request (HMAC-SHA256). For DingTalk: the robot's signing secret."),
    )
    audiences = models.ManyToManyField(
        "foundation.Audience", verbose_name=_("audiences"), blank=True, related_name="+",
        help_text=_("Only alerts for these audiences; none means every alert."),
    )
    languages = models.CharField(
        _("languages"), max_length=20, blank=True, choices=[("", _("Both"))] + list(settings.LANGUAGES),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("partner endpoint")
        verbose_name_plural = _("partner endpoints")

    def __str__(self):
        return self.name

    def clean(self):
        if not self.url.startswith("https://") and not settings.PARTNER_WEBHOOKS_ALLOW_PRIVATE:
            raise ValidationError({"url": _("Use an HTTPS address.")})
        if self.kind == self.Kind.GENERIC and not self.secret:
            raise ValidationError({"secret": _("A generic endpoint needs a secret to verify our signature.")})

    def wants(self, alert):
        if not self.active or (self.languages and self.languages != alert.locale.language_code):
            return False
        slugs = {audience.slug for audience in self.audiences.all()}
        return not slugs or not alert.audience_slugs or bool(slugs & set(alert.audience_slugs))


class Syndication(models.Model):
    """One per alert: when its first publication started the deliveries."""

    alert = models.OneToOneField("alerts.FraudAlert", on_delete=models.CASCADE, related_name="syndication")
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("alert syndication")
        permissions = [("retry_delivery", _("Can retry failed alert deliveries"))]

    def __str__(self):
        return str(self.alert)


class Delivery(models.Model):
    """One channel of one syndication, with what the timeline shows."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail to subscribers")
        WEBHOOK = "webhook", _("Partner webhook")
        WEBSUB = "websub", _("WebSub hub")
        MANUAL = "manual", _("Manual posting")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        RETRYING = "retrying", _("Retrying")
        FAILED = "failed", _("Failed")

    syndication = models.ForeignKey(Syndication, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    endpoint = models.ForeignKey(PartnerEndpoint, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    target = models.CharField(max_length=200, blank=True)  # endpoint name, manual channel or hub, as it was
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)  # e-mail: recipients; otherwise 1
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    first_sent_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # A worker running this delivery holds it until then; past it, syndication_resume takes it over.
    leased_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["syndication", "channel", "pk"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_channel_display()} {self.target}".strip()

    def record_sent(self, count=1, now=None):
        now = now or timezone.now()
        self.sent += count
        self.first_sent_at = self.first_sent_at or now
        self.last_sent_at = now


class EmailReceipt(models.Model):
    """That an alert's e-mail went to a subscriber: a retried batch skips everyone listed here."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="receipts")
    subscriber = models.ForeignKey("alerts.Subscriber", on_delete=models.CASCADE, related_name="receipts")
    sent_at = models.DateTimeField(default=timezone.now)
    refused = models.BooleanField(default=False)  # the mail server refused this address: not tried again

    class Meta:
        constraints = [models.UniqueConstraint(fields=["delivery", "subscriber"], name="unique_receipt")]


class ManualPost(models.Model):
    """A hand-posted channel of an alert: ticked by the staff member who posted it."""

    class Channel(models.TextChoices):
        WECHAT = "wechat", _("WeChat official account")
        WEIBO = "weibo", _("Weibo")
        DOUYIN = "douyin", _("Douyin")
        SCREENS = "screens", _("Store screens")

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="manual_posts")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    posted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    posted_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("link or note"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["delivery", "channel"], name="unique_manual_channel")]
