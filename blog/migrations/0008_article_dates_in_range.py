import datetime

from django.db import migrations, models

UTC = datetime.UTC
EARLIEST = datetime.datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime.datetime(2199, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)


class Migration(migrations.Migration):
    """Article dates from 1900 to 2199, checked by the database on every write."""

    dependencies = [("blog", "0007_article_dates_into_range")]

    operations = [
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(published_at__range=(EARLIEST, LATEST))
                & models.Q(reviewed_on__range=(EARLIEST.date(), LATEST.date()))
                & models.Q(created_at__range=(EARLIEST, LATEST))
                & models.Q(updated_at__range=(EARLIEST, LATEST)),
                name="article_dates_in_range",
            ),
        ),
    ]
