"""Demo media made on the spot: illustrations with Pillow, a short captioned video with PyAV.

Nothing is downloaded, so the demo builds on a machine without internet.
"""

import io
import math
import random

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.images.models import Image

PALETTES = [
    ("#0b3d91", "#2f6fd6", "#ffbf47"),
    ("#7a1f1f", "#c0392b", "#ffe0b2"),
    ("#1b5e20", "#43a047", "#fff59d"),
    ("#4a148c", "#8e24aa", "#ffd54f"),
    ("#004d40", "#00897b", "#ffccbc"),
    ("#263238", "#546e7a", "#ffab40"),
]


def illustration(seed, size=(1280, 720)):
    """A calm abstract illustration: a gradient, soft circles and a shield or phone outline."""
    rng = random.Random(seed)
    dark, light, accent = PALETTES[seed % len(PALETTES)]
    image = PILImage.new("RGB", size, dark)
    draw = ImageDraw.Draw(image)
    width, height = size
    top, bottom = PILImage.new("RGB", (1, 1), dark).getpixel((0, 0)), PILImage.new("RGB", (1, 1), light).getpixel((0, 0))
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    for _ in range(6):
        radius = rng.randint(60, 220)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=accent, width=6)
    cx, cy, s = width // 2, height // 2, min(width, height) // 3
    if seed % 2:
        shield = [(cx, cy - s), (cx + s * 0.8, cy - s * 0.6), (cx + s * 0.7, cy + s * 0.3), (cx, cy + s), (cx - s * 0.7, cy + s * 0.3), (cx - s * 0.8, cy - s * 0.6)]
        draw.polygon(shield, fill=accent)
        draw.line([(cx - s * 0.35, cy), (cx - s * 0.05, cy + s * 0.3), (cx + s * 0.4, cy - s * 0.3)], fill=dark, width=max(8, s // 10))
    else:
        draw.rounded_rectangle([cx - s * 0.45, cy - s * 0.85, cx + s * 0.45, cy + s * 0.85], radius=s // 6, fill=accent)
        draw.rounded_rectangle([cx - s * 0.35, cy - s * 0.65, cx + s * 0.35, cy + s * 0.55], radius=s // 12, fill=dark)
        for i in range(3):
            angle = -math.pi / 4 + i * 0.2
            r = s * (1.0 + i * 0.25)
            draw.arc([cx - r, cy - r, cx + r, cy + r], math.degrees(angle) - 20, math.degrees(angle) + 20, fill=accent, width=6)
    return image


def demo_image(title, seed, alt_text=""):
    """Get or create a Wagtail image with a generated illustration (idempotent by title)."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    illustration(seed).save(buffer, format="JPEG", quality=85)
    return Image.objects.create(
        title=title, description=alt_text, file=ImageFile(buffer, name=f"demo-{seed}.jpg")
    )


def demo_document(title, filename, content):
    """Get or create a Wagtail document from bytes (idempotent by title)."""
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def demo_video_bytes(seconds=4, fps=10, size=(320, 180)):
    """A short VP8 WebM clip of illustration frames, encoded with PyAV (no ffmpeg binary needed)."""
    import av  # demo-only dependency (requirements-dev.txt): imported where used

    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="webm") as container:
        stream = container.add_stream("libvpx", rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        frames = [illustration(seed, size) for seed in range(4)]
        for index in range(seconds * fps):
            frame = av.VideoFrame.from_image(frames[index * len(frames) // (seconds * fps)])
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buffer.getvalue()
