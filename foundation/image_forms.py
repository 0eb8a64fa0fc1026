"""Wagtail's image form, with the image's "description" called what it is: its alt text.

Wagtail 8 keeps an image's default alt text in a field named ``description`` (``ImageBlock``
starts from it), and labels it "description" ("描述"), which editors read as a caption. The
label and help text say alt text ("图片替代文字"), the same words as the image block's field.
Set as ``WAGTAILIMAGES_IMAGE_FORM_BASE``; it also shapes the multiple-upload form.
See https://docs.wagtail.org/en/stable/reference/settings.html#wagtailimages-image-form-base
"""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].label = _("Alt text")
            self.fields["description"].help_text = _(
                "What the image shows, for people who cannot see it; blocks that use the image start from this text."
            )
