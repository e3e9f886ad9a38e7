"""The editors' start of the day on the admin's home: drafts (their own first),
articles scheduled to appear, and medical reviews that fall due within a month."""

from datetime import timedelta

from django.db.models import Case, IntegerField, Q, When
from django.utils import timezone

from blog.models import REVIEW_INTERVAL, Article

SHOWN = 10
REVIEW_NOTICE = timedelta(days=30)


def editor_home(user) -> dict:
    """Three short lists (three queries), each with the author prefetched."""
    articles = Article.objects.select_related("author")
    own_first = Case(
        When(author__user=user, then=0), default=1, output_field=IntegerField()
    )
    drafts = (
        articles.filter(status=Article.Status.DRAFT)
        .annotate(own_first=own_first)
        .order_by("own_first", "-updated_at")
    )
    due_before = timezone.localdate() - REVIEW_INTERVAL + REVIEW_NOTICE
    reviews = (
        articles.published()
        .filter(Q(reviewed_on__isnull=True) | Q(reviewed_on__lt=due_before))
        .order_by("reviewed_on", "published_at")
    )
    return {
        "drafts": list(drafts[:SHOWN]),
        "scheduled": list(articles.scheduled().order_by("published_at")[:SHOWN]),
        "reviews_due": list(reviews[:SHOWN]),
    }
