"""Campaigns, their offline activities and micro-films."""

from .campaigns import CampaignIndexPage, CampaignPage
from .events import EventIndexPage, EventPage
from .films import FilmIndexPage, FilmPage, FilmTopic

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "EventIndexPage",
    "EventPage",
    "FilmIndexPage",
    "FilmPage",
    "FilmTopic",
]
