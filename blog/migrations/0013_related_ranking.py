"""Related posts ranked when content changes, kept per article (RelatedArticle).

Every existing article is then ranked by the ranking's own code (blog/related.py),
since the rows are derived data that the code of the day must be able to read.
"""

import django.db.models.deletion
from django.db import migrations, models


def rank_every_article(apps, schema_editor):
    from blog import related

    related.refresh_all()


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0012_search_people_topics_and_vocabulary"),
    ]

    operations = [
        migrations.CreateModel(
            name="RelatedArticle",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("rank", models.PositiveSmallIntegerField()),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="related_ranking",
                        to="blog.article",
                    ),
                ),
                (
                    "related",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="related_in",
                        to="blog.article",
                    ),
                ),
            ],
            options={
                "ordering": ["article", "rank"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("article", "rank"), name="unique_related_rank"
                    )
                ],
            },
        ),
        migrations.RunPython(rank_every_article, migrations.RunPython.noop),
    ]
