from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Imported(models.Model):
    """What the import last wrote to an article or page: a fingerprint of the
    imported fields, to tell an edit made on this site from the import's own."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    wordpress_id = models.PositiveBigIntegerField("WordPress post ID")
    fingerprint = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="imported_once"
            ),
        ]
        indexes = [
            models.Index(
                fields=["content_type", "wordpress_id"], name="imported_post_idx"
            )
        ]

    def __str__(self):
        return f"WordPress post {self.wordpress_id}"


class Comment(models.Model):
    """A comment left on the old site: kept for the record, never published.

    The commenter's email and address are not kept: nobody here needs them.
    """

    article = models.ForeignKey(
        "blog.Article", on_delete=models.CASCADE, related_name="wordpress_comments"
    )
    wordpress_id = models.PositiveBigIntegerField("WordPress comment ID", unique=True)
    author_name = models.CharField("name", max_length=250)
    posted_at = models.DateTimeField("posted", null=True)
    text = models.TextField()

    class Meta:
        ordering = ["-posted_at"]
        verbose_name = "comment from WordPress"
        verbose_name_plural = "comments from WordPress"

    def __str__(self):
        return f"{self.author_name} on {self.article}"
