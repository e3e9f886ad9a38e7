"""Page views counted per page, day and kind of source: numbers only.

A row never says who read: no address, no user agent, no cookie, nothing that links
one view to another. Rows older than READERSHIP_DAILY_DAYS are rolled up into one
row per month (see `readership.tally.roll_up`).
"""

from django.db import models

from blog.models import Article


class Source(models.TextChoices):
    DIRECT = "direct", "Direct or unknown"
    SEARCH = "search", "Search engine"
    SOCIAL = "social", "Social network"
    EMAIL = "email", "Email"
    OTHER_SITE = "other", "Another site"
    INTERNAL = "internal", "This site"


class PageViews(models.Model):
    class Span(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"

    day = models.DateField(help_text="The day counted, or the first of the month.")
    span = models.CharField(max_length=5, choices=Span, default=Span.DAY)
    path = models.CharField(max_length=300)
    source = models.CharField(max_length=10, choices=Source)
    came_from = models.CharField(
        max_length=300,
        blank=True,
        help_text="For the appointment request form: the path of the published "
        "article the reader followed its link from (blank for any other page or "
        "source).",
    )
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="page_views",
        help_text="The article this page is, if it is one.",
    )
    from_article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_to_views",
        help_text="The article whose link the reader followed to this page.",
    )
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "page views"
        constraints = [
            models.UniqueConstraint(
                fields=["span", "day", "path", "source", "came_from"],
                name="one_count_per_page_day_and_source",
            )
        ]
        indexes = [
            models.Index(fields=["article", "day"]),
            models.Index(fields=["from_article", "day"]),
            models.Index(fields=["day", "span"]),
        ]

    def __str__(self):
        return f"{self.path} on {self.day}: {self.views}"


class Batches(models.Model):
    """The last batch window written to the database, per cache holding counts.

    One row with Redis (every server shares it); one per process with local memory.
    Locked while a batch is written, so two workers never write the same counts, and
    a batch written once is never written again.
    """

    cache_id = models.CharField(max_length=32, unique=True)
    written_through = models.BigIntegerField()

    class Meta:
        verbose_name_plural = "batches"

    def __str__(self):
        return f"Counts written through window {self.written_through}"
