"""Turn a video page URL from an allow-listed provider into a privacy-friendly embed URL.

Parsing is purely local (no oEmbed or other network call), so saving a film in
the admin never waits on a third party, and the public page can show a
click-to-load facade: the provider's player is requested only after the
visitor presses play. Every embed URL has autoplay off.

Supported: Bilibili, Tencent Video, Youku, YouTube, Vimeo. Anything else raises
``UnsupportedVideoURL`` with a message an editor can act on.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.utils.translation import gettext_lazy as _

PROVIDERS = {
    "bilibili": _("Bilibili"),
    "tencent": _("Tencent Video"),
    "youku": _("Youku"),
    "youtube": _("YouTube"),
    "vimeo": _("Vimeo"),
}

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_BILIBILI_BV = re.compile(r"BV[0-9A-Za-z]{10}")
_BILIBILI_AV = re.compile(r"av([0-9]{1,12})", re.IGNORECASE)
_TENCENT_VID = re.compile(r"[0-9a-z]{11}")
_YOUKU_ID = re.compile(r"X[A-Za-z0-9]{8,30}={0,2}")
_VIMEO_ID = re.compile(r"[0-9]{4,12}")


class UnsupportedVideoURL(ValueError):
    """The URL is malformed or not from an allow-listed video provider."""


@dataclass(frozen=True)
class VideoSource:
    provider: str
    video_id: str
    embed_url: str

    @property
    def provider_name(self):
        return PROVIDERS[self.provider]


def _host(parts):
    host = (parts.hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _segments(parts):
    return [segment for segment in parts.path.split("/") if segment]


def _fullmatch(pattern, value):
    match = pattern.fullmatch(value or "")
    return match.group(0) if match else None


def _youtube(parts, host):
    segments = _segments(parts)
    if host == "youtu.be":
        candidate = segments[0] if segments else None
    elif segments[:1] == ["watch"]:
        candidate = parse_qs(parts.query).get("v", [None])[0]
    elif len(segments) >= 2 and segments[0] in {"embed", "shorts", "live", "v"}:
        candidate = segments[1]
    else:
        candidate = None
    video_id = _fullmatch(_YOUTUBE_ID, candidate)
    if video_id:
        return video_id, f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=0&rel=0"
    return None


def _vimeo(parts, host):
    segments = _segments(parts)
    if host == "player.vimeo.com" and segments[:1] == ["video"]:
        segments = segments[1:]
    video_id = _fullmatch(_VIMEO_ID, segments[0] if segments else None)
    if video_id:
        return video_id, f"https://player.vimeo.com/video/{video_id}?autoplay=0&dnt=1"
    return None


def _bilibili(parts, host):
    segments = _segments(parts)
    if host == "player.bilibili.com":
        query = parse_qs(parts.query)
        candidate = query.get("bvid", [None])[0] or ("av" + query["aid"][0] if "aid" in query else None)
    elif segments[:1] == ["video"] and len(segments) >= 2:
        candidate = segments[1]
    else:
        candidate = None
    if bvid := _fullmatch(_BILIBILI_BV, candidate):
        return bvid, f"https://player.bilibili.com/player.html?bvid={bvid}&autoplay=0&high_quality=1"
    match = _BILIBILI_AV.fullmatch(candidate or "")
    if match:
        aid = match.group(1)
        return f"av{aid}", f"https://player.bilibili.com/player.html?aid={aid}&autoplay=0&high_quality=1"
    return None


def _tencent(parts, host):
    segments = _segments(parts)
    if segments[:1] == ["x"] and len(segments) >= 3 and segments[1] in {"cover", "page"}:
        candidate = segments[-1].removesuffix(".html")
    elif segments[-1:] == ["player.html"]:
        candidate = parse_qs(parts.query).get("vid", [None])[0]
    else:
        candidate = None
    video_id = _fullmatch(_TENCENT_VID, candidate)
    if video_id:
        return video_id, f"https://v.qq.com/txp/iframe/player.html?vid={video_id}&autoplay=false"
    return None


def _youku(parts, host):
    segments = _segments(parts)
    candidate = None
    if host == "v.youku.com" and segments[:1] == ["v_show"] and len(segments) == 2:
        name = segments[1]
        if name.startswith("id_") and name.endswith(".html"):
            candidate = name[3:-5]
    elif host == "player.youku.com" and segments[:1] == ["embed"] and len(segments) == 2:
        candidate = segments[1]
    video_id = _fullmatch(_YOUKU_ID, candidate)
    if video_id:
        return video_id, f"https://player.youku.com/embed/{video_id}?autoplay=false"
    return None


# Host name -> (provider key, parser). Only these hosts are ever embedded.
_HOSTS = {
    "youtube.com": ("youtube", _youtube),
    "m.youtube.com": ("youtube", _youtube),
    "youtube-nocookie.com": ("youtube", _youtube),
    "youtu.be": ("youtube", _youtube),
    "vimeo.com": ("vimeo", _vimeo),
    "player.vimeo.com": ("vimeo", _vimeo),
    "bilibili.com": ("bilibili", _bilibili),
    "m.bilibili.com": ("bilibili", _bilibili),
    "player.bilibili.com": ("bilibili", _bilibili),
    "v.qq.com": ("tencent", _tencent),
    "m.v.qq.com": ("tencent", _tencent),
    "v.youku.com": ("youku", _youku),
    "player.youku.com": ("youku", _youku),
}


def parse_video_url(url):
    """Return the ``VideoSource`` for ``url`` or raise ``UnsupportedVideoURL``."""
    if not isinstance(url, str) or len(url) > 2000:
        raise UnsupportedVideoURL(_("Enter a video address of at most 2000 characters."))
    try:
        parts = urlsplit(url.strip())
        host = _host(parts)
    except ValueError as error:
        raise UnsupportedVideoURL(_("This is not a valid web address.")) from error
    if parts.scheme not in {"http", "https"} or host not in _HOSTS:
        raise UnsupportedVideoURL(
            _("Videos must come from Bilibili, Tencent Video, Youku, YouTube or Vimeo.")
        )
    provider, parser = _HOSTS[host]
    parsed = parser(parts, host)
    if parsed is None:
        raise UnsupportedVideoURL(
            _("This %(provider)s address does not point to a single video.")
            % {"provider": PROVIDERS[provider]}
        )
    video_id, embed_url = parsed
    return VideoSource(provider=provider, video_id=video_id, embed_url=embed_url)
