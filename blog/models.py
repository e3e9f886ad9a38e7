from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from blog import images, rich_text
from clinic import dates


class Category(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="The category's web address: /blog/category/<slug>/.",
    )
    description = models.TextField(
        blank=True,
        help_text="One or two sentences shown at the top of the category page.",
    )
    position = models.PositiveSmallIntegerField(
        default=0,
        help_text="Order in the site's navigation: smaller numbers come first.",
    )
    relates_articles = models.BooleanField(
        "counts for related posts",
        default=True,
        help_text=(
            "Articles sharing this category are suggested to each other. Turn it off "
            "for collections of unrelated topics, such as Featured or News."
        ),
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:category", kwargs={"slug": self.slug})


class Author(models.Model):
    name = models.CharField(max_length=120, help_text="As it appears in the byline.")
    slug = models.SlugField(max_length=120, unique=True)
    credentials = models.CharField(
        max_length=80,
        blank=True,
        help_text='Degrees and titles after the name, e.g. "MD, FAAOS".',
    )
    role = models.CharField(
        max_length=120,
        blank=True,
        help_text='For example "Orthopedic surgeon, sports medicine".',
    )
    bio = models.TextField(blank=True, help_text="A short paragraph for readers.")
    photo = models.ImageField(
        upload_to=images.RandomName("authors"),
        blank=True,
        validators=[images.validate_image],
    )
    user = models.OneToOneField(
        get_user_model(),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text="The staff account of this author, if they have one.",
    )
    takes_appointments = models.BooleanField(
        default=False,
        help_text="A physician patients can ask for on the appointment request form.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.byline

    def save(self, *args, **kwargs):
        if self.photo and not self.photo._committed:
            self.photo = images.reencode(self.photo)
        super().save(*args, **kwargs)

    @property
    def byline(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class TaggedArticle(TaggedItemBase):
    """Tag links with a real foreign key, so related posts can use an index."""

    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="unique_article_tag"
            )
        ]
        indexes = [
            models.Index(fields=["tag", "content_object"], name="tag_article_idx")
        ]


def is_public(status, published_at, now) -> bool:
    """published(), for one article in hand."""
    return (
        status == Article.Status.PUBLISHED
        and published_at is not None
        and (published_at <= now)
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles the public may see: marked published and not scheduled for later."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def scheduled(self):
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def for_cards(self):
        """What an article card shows: everything but the body (no extra query)."""
        return self.defer("body")

    def publish_times_among(self, ids) -> dict:
        """{id: publish time} of the public articles among these ids (one query).

        The rule of published(), applied in Python to a primary-key lookup: given a
        filter on status and publish time, SQLite (which keeps no statistics) would
        walk every public article to find the few wanted.
        """
        now = timezone.now()
        rows = self.filter(pk__in=list(ids)).values_list("pk", "status", "published_at")
        return {
            pk: published_at
            for pk, status, published_at in rows
            if is_public(status, published_at, now)
        }

    def next_publication_time(self):
        """When the next scheduled article goes public, or None (one query)."""
        return (
            self.scheduled()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text=(
            "The article's web address: /blog/<slug>/. If you change it after "
            "publishing, the old address keeps working."
        ),
    )
    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences for article cards, search results and feeds.",
    )
    body = ProseEditorField(
        extensions=rich_text.EDITOR_EXTENSIONS,
        sanitize=True,
        blank=True,
        help_text="Use headings for sections: three or more make a table of contents.",
    )
    featured_image = models.ImageField(
        upload_to=images.RandomName("articles"),
        blank=True,
        width_field="image_width",
        height_field="image_height",
        validators=[images.validate_image],
        help_text="JPEG, PNG or WebP, up to 10 MB. Location data in photos is removed.",
    )
    featured_image_alt = models.CharField(
        "image description",
        max_length=250,
        blank=True,
        help_text=(
            "What the picture shows, for people who cannot see it "
            '(e.g. "A physical therapist helps a patient bend her knee").'
        ),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, related_name="articles"
    )
    medical_reviewer = models.ForeignKey(
        Author,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_articles",
        help_text="The clinician who checked the medical content.",
    )
    reviewed_on = models.DateField(
        "medical review date",
        null=True,
        blank=True,
        help_text="The day of the last medical review. Fixing a typo is not a review.",
    )
    categories = models.ManyToManyField(Category, related_name="articles")
    tags = TaggableManager(
        through=TaggedArticle,
        blank=True,
        help_text="Topics, separated by commas: new ones are created.",
    )
    related_picks = models.ManyToManyField(
        "self",
        through="RelatedPick",
        symmetrical=False,
        blank=True,
        related_name="picked_by",
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publish time",
        null=True,
        blank=True,
        help_text=(
            "When the article goes public. Set a future time to schedule it; leave "
            "empty to publish at once."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    seo_title = models.CharField(
        "search engine title",
        max_length=70,
        blank=True,
        help_text="Shown in search engine results; the article title if empty.",
    )
    meta_description = models.CharField(
        max_length=160,
        blank=True,
        help_text="Shown under the title in search results; the summary if empty.",
    )
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    wordpress_id = models.PositiveBigIntegerField(
        "WordPress post ID", null=True, blank=True, unique=True, editable=False
    )
    wordpress_guid = models.CharField(
        "WordPress GUID", max_length=500, blank=True, db_index=True, editable=False
    )

    objects = (
        ArticleQuerySet.as_manager()
    )  # unfiltered on purpose: the admin needs drafts

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "published_at"], name="article_public_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=dates.condition("published_at", moments=True)
                & dates.condition("reviewed_on", moments=False)
                & dates.condition("created_at", moments=True)
                & dates.condition("updated_at", moments=True),
                name="article_dates_in_range",
            )
        ]
        permissions = [("publish_article", "Can publish and unpublish articles")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Clean the body, re-encode a new picture, remember a changed address."""
        self.body = rich_text.clean(self.body)
        self.reading_minutes = rich_text.reading_minutes(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        new_image = bool(self.featured_image) and not self.featured_image._committed
        if new_image:
            self.featured_image = images.reencode(self.featured_image)
        try:  # the row and the files together, or neither
            with transaction.atomic():
                super().save(*args, **kwargs)
                if new_image:
                    images.make_renditions(self.featured_image.name)
        except BaseException:
            if new_image and self.featured_image._committed:  # stored, then failed
                images.delete_stored(self.featured_image.name, self.image_width)
            raise
        self._keep_old_address()

    def get_absolute_url(self):
        return reverse("blog:article_detail", kwargs={"slug": self.slug})

    def _keep_old_address(self):
        old_slug = getattr(self, "_stored_slug", None)
        if (
            old_slug
            and old_slug != self.slug
            and getattr(self, "_stored_public", False)
        ):
            path = reverse("blog:article_detail", kwargs={"slug": old_slug})
            Redirect.objects.update_or_create(old_path=path, defaults={"article": self})
        Redirect.objects.filter(old_path=self.get_absolute_url()).delete()
        self._stored_slug = self.slug
        self._stored_public = self.status == self.Status.PUBLISHED

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        article._stored_slug = article.__dict__.get("slug")
        article._stored_public = article.__dict__.get("status") == cls.Status.PUBLISHED
        return article

    def clean(self):
        errors = {}
        if self.featured_image and not self.featured_image_alt.strip():
            errors["featured_image_alt"] = ValidationError(
                "Describe the picture for readers who cannot see it.",
                code="alt_required",
            )
        if self.medical_reviewer_id and not self.reviewed_on:
            errors["reviewed_on"] = ValidationError(
                "Give the date of the medical review.", code="review_date_required"
            )
        if self.reviewed_on and not self.medical_reviewer_id:
            errors["medical_reviewer"] = ValidationError(
                "Name the clinician who reviewed the article.", code="reviewer_required"
            )
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            errors["reviewed_on"] = ValidationError(
                "A review date cannot be in the future.", code="future_review"
            )
        for name in ("published_at", "reviewed_on"):
            try:
                dates.validate_in_range(getattr(self, name))
            except ValidationError as error:
                errors.setdefault(name, error)
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self) -> bool:
        return is_public(self.status, self.published_at, timezone.now())

    @property
    def publication_state(self) -> str:
        if self.status == self.Status.DRAFT:
            return "Draft"
        return "Published" if self.is_public else "Scheduled"

    @property
    def body_html(self):
        # The one place the body is trusted: rich_text.clean ran on every save.
        return mark_safe(self.body)

    @cached_property
    def table_of_contents(self) -> list[dict]:
        return rich_text.table_of_contents(self.body)

    @property
    def was_updated(self) -> bool:
        """Changed on a later day than it was published."""
        return bool(self.published_at) and (
            timezone.localdate(self.updated_at) > timezone.localdate(self.published_at)
        )

    @cached_property
    def image_sources(self) -> images.Sources:
        return images.sources(self.featured_image.name, self.image_width)


class RelatedPick(models.Model):
    """An article an editor chose to suggest after another, in order."""

    from_article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_pick_links"
    )
    to_article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", verbose_name="article"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_article", "to_article"], name="unique_related_pick"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_article=models.F("to_article")),
                name="related_pick_not_self",
            ),
        ]

    def __str__(self):
        return f"{self.from_article} → {self.to_article}"


class Redirect(models.Model):
    """An old address of an article (a former slug, an imported permalink)."""

    old_path = models.CharField(max_length=500, unique=True)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="redirects"
    )

    def __str__(self):
        return f"{self.old_path} → {self.article.get_absolute_url()}"
