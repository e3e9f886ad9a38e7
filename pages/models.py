from django.db import models
from django.urls import reverse
from django.utils.safestring import mark_safe
from django_prose_editor.fields import ProseEditorField

from clinic import rich_text
from clinic.publishing import Publishable, PublishableQuerySet


class Page(Publishable):
    """A standalone page at /<slug>/, or /<parent path>/<slug>/ under a parent."""

    class Kind(models.TextChoices):
        STANDARD = "standard", "Standard page"
        PRIVACY = "privacy", "Notice of privacy practices (linked from the form)"
        POLICY = "policy", "Other legal or policy page (accessibility, terms)"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        help_text="The last part of the page's web address. If you change it after "
        "publishing, the old address keeps working.",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="Put the page under another one: /about/insurance/ sits under About.",
    )
    path = models.CharField(max_length=300, unique=True, editable=False)
    summary = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two sentences for search results and link previews.",
    )
    body = ProseEditorField(
        extensions=rich_text.EDITOR_EXTENSIONS, sanitize=True, blank=True
    )
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.STANDARD)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order among pages with the same parent."
    )

    objects = PublishableQuerySet.as_manager()  # unfiltered: the admin needs drafts

    address_field = "path"

    class Meta:
        ordering = ["position", "title"]
        permissions = [("publish_page", "Can publish and unpublish pages")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Clean the body and work out the page's address from its parent's."""
        self.body = rich_text.clean(self.body)
        self.path = f"{self.parent.path}/{self.slug}" if self.parent else self.slug
        super().save(*args, **kwargs)

    def address_for(self, path: str) -> str:
        return reverse("pages:page", kwargs={"path": path})

    @property
    def body_html(self):
        # The one place the body is trusted: rich_text.clean ran on every save.
        return mark_safe(self.body)
