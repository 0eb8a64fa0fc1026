"""Film URL parsing: every allow-listed provider's common forms, and rejection of everything else."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from foundation.blocks import VideoURLBlock
from foundation.video import UnsupportedVideoURL, parse_video_url

ACCEPTED = [
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", "youtube", "aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=0&rel=0"),
    ("https://youtube.com/watch?v=aqz-KE-bpKQ&t=42s", "youtube", "aqz-KE-bpKQ", None),
    ("https://m.youtube.com/watch?v=aqz-KE-bpKQ", "youtube", "aqz-KE-bpKQ", None),
    ("https://youtu.be/aqz-KE-bpKQ", "youtube", "aqz-KE-bpKQ", None),
    ("https://www.youtube.com/embed/aqz-KE-bpKQ", "youtube", "aqz-KE-bpKQ", None),
    ("https://www.youtube.com/shorts/aqz-KE-bpKQ", "youtube", "aqz-KE-bpKQ", None),
    ("https://vimeo.com/76979871", "vimeo", "76979871", "https://player.vimeo.com/video/76979871?autoplay=0&dnt=1"),
    ("https://player.vimeo.com/video/76979871", "vimeo", "76979871", None),
    ("https://www.bilibili.com/video/BV1GJ411x7h7", "bilibili", "BV1GJ411x7h7", "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=0&high_quality=1"),
    ("https://www.bilibili.com/video/BV1GJ411x7h7/?spm_id_from=333.1007", "bilibili", "BV1GJ411x7h7", None),
    ("https://m.bilibili.com/video/BV1GJ411x7h7", "bilibili", "BV1GJ411x7h7", None),
    ("https://www.bilibili.com/video/av170001", "bilibili", "av170001", "https://player.bilibili.com/player.html?aid=170001&autoplay=0&high_quality=1"),
    ("https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7", "bilibili", "BV1GJ411x7h7", None),
    ("https://v.qq.com/x/cover/mzc00200abcdefg/t0041xyzabc.html", "tencent", "t0041xyzabc", "https://v.qq.com/txp/iframe/player.html?vid=t0041xyzabc&autoplay=false"),
    ("https://v.qq.com/x/page/t0041xyzabc.html", "tencent", "t0041xyzabc", None),
    ("https://v.qq.com/txp/iframe/player.html?vid=t0041xyzabc", "tencent", "t0041xyzabc", None),
    ("https://v.youku.com/v_show/id_XNTg0NzY1MjM2OA==.html", "youku", "XNTg0NzY1MjM2OA==", "https://player.youku.com/embed/XNTg0NzY1MjM2OA==?autoplay=false"),
    ("https://player.youku.com/embed/XNTg0NzY1MjM2OA==", "youku", "XNTg0NzY1MjM2OA==", None),
]

REJECTED = [
    "", "not a url", "ftp://www.youtube.com/watch?v=aqz-KE-bpKQ", "javascript:alert(1)",
    "https://www.youtube.com/watch?v=short", "https://www.youtube.com/channel/UC123", "https://youtube.com.evil.example/watch?v=aqz-KE-bpKQ",
    "https://evil.example/?u=https://youtu.be/aqz-KE-bpKQ", "https://vimeo.com/channels/staffpicks", "https://www.bilibili.com/bangumi/play/ep1",
    "https://www.bilibili.com/video/BV1GJ411x7h", "https://v.qq.com/x/cover/abc.html", "https://v.youku.com/v_show/id_.html",
    "https://example.com/video.mp4", "https://www.youtube.com/watch?v=aqz-KE-bpKQ" + "x" * 2000, "http://[::1/",
]


@pytest.mark.parametrize("url, provider, video_id, embed_url", ACCEPTED)
def test_allow_listed_forms_parse(url, provider, video_id, embed_url):
    source = parse_video_url(url)
    assert (source.provider, source.video_id) == (provider, video_id)
    if embed_url:
        assert source.embed_url == embed_url
    assert "autoplay=0" in source.embed_url or "autoplay=false" in source.embed_url


@pytest.mark.parametrize("url", REJECTED)
def test_other_urls_are_rejected(url):
    with pytest.raises(UnsupportedVideoURL):
        parse_video_url(url)


@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text):
    try:
        source = parse_video_url(text)
    except UnsupportedVideoURL:
        return
    assert source.embed_url.startswith("https://")


@given(st.sampled_from([url for url, *_ in ACCEPTED]), st.text(max_size=40))
def test_mangled_urls_either_parse_to_an_allowed_host_or_are_rejected(url, junk):
    for candidate in (url + junk, junk + url, url.replace("https://", junk)):
        try:
            source = parse_video_url(candidate)
        except UnsupportedVideoURL:
            continue
        assert source.embed_url.split("/")[2] in {
            "www.youtube-nocookie.com", "player.vimeo.com", "player.bilibili.com", "v.qq.com", "player.youku.com"
        }


def test_block_turns_bad_url_into_a_validation_error():
    with pytest.raises(ValidationError):
        VideoURLBlock().clean("https://example.com/video")
    assert VideoURLBlock().clean("https://youtu.be/aqz-KE-bpKQ") == "https://youtu.be/aqz-KE-bpKQ"
