from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One search over what the site publishes: its pages, then its articles."""

    name = "search"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from search.models import Synonym
        from search.query import forget_synonyms

        post_save.connect(forget_synonyms, sender=Synonym, weak=False)
        post_delete.connect(forget_synonyms, sender=Synonym, weak=False)
