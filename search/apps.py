from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One search over what the site publishes: its pages, then its articles."""

    name = "search"
