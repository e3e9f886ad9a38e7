"""Authors are clinic.Person now (same table), and old addresses live in
clinic.Redirect (copied there by clinic 0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0005_editors_choose_related_picks"),
        ("clinic", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="author",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="articles", to="clinic.person"),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="medical_reviewer",
                    field=models.ForeignKey(blank=True, help_text="The clinician who checked the medical content.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="reviewed_articles", to="clinic.person"),
                ),
                migrations.DeleteModel(name="Author"),
            ],
            database_operations=[],
        ),
        migrations.DeleteModel(name="Redirect"),
        migrations.AlterField(  # help shared with pages (clinic.publishing)
            model_name="article",
            name="published_at",
            field=models.DateTimeField(blank=True, help_text="When it goes public. Set a future time to schedule it; leave empty to publish at once.", null=True, verbose_name="publish time"),
        ),
        migrations.AlterField(
            model_name="article",
            name="seo_title",
            field=models.CharField(blank=True, help_text="Shown in search engine results; the title if empty.", max_length=70, verbose_name="search engine title"),
        ),
    ]
