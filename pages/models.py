from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django_prose_editor.fields import ProseEditorField

from clinic import dates, images, rich_text
from clinic.models import Picture
from clinic.publishing import Publishable, PublishableQuerySet
from pages.addresses import reserved_segments


class PageQuerySet(PublishableQuerySet):
    def legal(self):
        """The notice of privacy practices and the other legal or policy pages."""
        return self.filter(kind__in=[Page.Kind.PRIVACY, Page.Kind.POLICY])

    def privacy_notice(self):
        """The published notice of privacy practices, or None (one query)."""
        return self.published().filter(kind=Page.Kind.PRIVACY).first()

    def matching(self, words: list[str]):
        """Pages holding every word in their title, summary or body, those with
        every word in the title first. A plain scan, since pages are few: a word
        inside the body's HTML markup matches too."""
        if not words:
            return self.none()
        found = in_title = Q()
        for word in words:
            title = Q(title__icontains=word)
            in_title &= title
            found &= title | Q(summary__icontains=word) | Q(body__icontains=word)
        return (
            self.filter(found)
            .alias(in_title=models.ExpressionWrapper(in_title, models.BooleanField()))
            .order_by("-in_title", "title")
        )


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
    wording_changed_at = models.DateTimeField(
        "wording last changed",
        null=True,
        editable=False,
        help_text="Shown on legal pages as “Last updated”: moves when the title or "
        "text changes, not when the page is moved, reordered or given a picture.",
    )
    summary = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two sentences for search results and link previews.",
    )
    body = ProseEditorField(
        extensions=rich_text.EDITOR_EXTENSIONS,
        sanitize=rich_text.editor_sanitizer,
        blank=True,
    )
    share_image = models.ImageField(
        upload_to=images.RandomName("pages"),
        blank=True,
        width_field="image_width",
        height_field="image_height",
        validators=[images.validate_image],
        help_text="Shown at the top of the page and when it is shared (JPEG, PNG or "
        "WebP, up to 10 MB). Location data in photos is removed.",
    )
    share_image_alt = models.CharField(
        "image description",
        max_length=250,
        blank=True,
        help_text="What the picture shows, for people who cannot see it.",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    kind = models.CharField(
        max_length=10,
        choices=Kind,
        default=Kind.STANDARD,
        help_text="Legal pages show the date they were last updated.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order among pages with the same parent."
    )

    objects = PageQuerySet.as_manager()  # unfiltered: the admin needs drafts

    address_field = "path"
    picture_field = "share_image"

    class Meta:
        ordering = ["position", "title"]
        constraints = [
            models.CheckConstraint(
                condition=dates.condition("published_at", moments=True)
                & dates.condition("created_at", moments=True)
                & dates.condition("updated_at", moments=True),
                name="page_dates_in_range",
            )
        ]
        permissions = [("publish_page", "Can publish and unpublish pages")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Clean the body, re-encode a new picture, work out the address from the
        parent's; a page that moved takes its subpages along (old addresses redirect).
        """
        self.body = rich_text.clean(self.body)
        self.path = self._path_under(self.parent)
        if self._wording_changed():
            self.wording_changed_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"],
                    "wording_changed_at",
                }
        with images.saving_picture(self, "share_image"):
            super().save(*args, **kwargs)
        self._move_subpages()

    @property
    def last_updated(self):
        """When the wording last changed (for pages saved before it was kept, their
        last save)."""
        return self.wording_changed_at or self.updated_at

    def _wording_changed(self) -> bool:
        if self.pk is None:
            return True
        stored = Page.objects.filter(pk=self.pk).values_list("title", "body").first()
        return stored != (self.title, self.body)

    def address_for(self, path: str) -> str:
        return reverse("pages:page", kwargs={"path": path})

    def clean(self):
        errors = {}
        if error := images.missing_description(self.share_image, self.share_image_alt):
            errors["share_image_alt"] = error
        if error := Picture.objects.missing_from(self.body):
            errors["body"] = error
        if self.slug:
            errors |= self._address_errors()
        try:
            dates.validate_in_range(self.published_at)
        except ValidationError as error:
            errors["published_at"] = error
        try:
            self.validate_publication()
        except ValidationError as error:
            errors |= error.error_dict
        if errors:
            raise ValidationError(errors)

    def validate_publication(self):
        if (
            self.kind == self.Kind.PRIVACY
            and self.status == self.Status.PUBLISHED
            and Page.objects.filter(
                kind=self.Kind.PRIVACY, status=self.Status.PUBLISHED
            )
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {
                    "kind": ValidationError(
                        "Another notice of privacy practices is published already. "
                        "Edit that one, or unpublish it first.",
                        code="second_privacy_notice",
                    )
                }
            )

    def _address_errors(self) -> dict:
        path = self._path_under(self.parent)
        if self.parent is None and self.slug.lower() in reserved_segments():
            return {
                "slug": ValidationError(
                    f"/{self.slug}/ is an address of the site itself, not a page. "
                    "Choose another slug, or put the page under a parent.",
                    code="reserved",
                )
            }
        if self.parent is not None and self._is_ancestor_of(self.parent):
            return {
                "parent": ValidationError(
                    "A page cannot sit under itself or under one of its own subpages.",
                    code="cycle",
                )
            }
        if len(path) > self._meta.get_field("path").max_length:
            return {
                "slug": ValidationError(
                    f"The address /{path}/ is too long: choose a shorter slug.",
                    code="too_long",
                )
            }
        if Page.objects.filter(path=path).exclude(pk=self.pk).exists():
            return {
                "slug": ValidationError(
                    f"Another page has the address /{path}/ already.", code="taken"
                )
            }
        return {}

    def _move_subpages(self):
        """Subpages follow their parent's address, wherever it came from (an edit,
        or a restored revision, which saves the parent alone)."""
        for child in self.children.all():
            if child.path != child._path_under(self):
                child.parent = self
                child.save(update_fields=["path"])  # "last updated" stays as it was

    def _path_under(self, parent) -> str:
        return f"{parent.path}/{self.slug}" if parent else self.slug

    def _is_ancestor_of(self, page) -> bool:
        """Whether `page` is this page or sits below it (by the stored addresses)."""
        stored = getattr(self, "_stored_address_value", None)
        return page.pk == self.pk or (
            stored is not None and page.path.startswith(stored + "/")
        )

    @property
    def ancestor_paths(self) -> list[str]:
        """ "about/team/nurses" -> ["about", "about/team"]."""
        segments = self.path.split("/")
        return ["/".join(segments[:n]) for n in range(1, len(segments))]

    @property
    def is_legal(self) -> bool:
        return self.kind in (self.Kind.PRIVACY, self.Kind.POLICY)

    @cached_property
    def image_sources(self) -> images.Sources:
        return images.sources(self.share_image.name, self.image_width)
