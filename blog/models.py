from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from clinic import dates, images, reading_level, rich_text
from clinic.models import Person, Picture
from clinic.publishing import Publishable, PublishableQuerySet

REVIEW_INTERVAL = timedelta(days=365)  # a medical review older than this is overdue
# What an article page shows of its categories and tags (Article.load_labels).
LABEL_FIELDS = {
    # relates_articles: the page's surrogate keys name where related posts come from
    "category": [
        "id",
        "name",
        "slug",
        "position",
        "shows_as_badge",
        "relates_articles",
    ],
    "tag": ["id", "name", "slug"],
}


class Category(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="The last part of the category's web address, as in "
        "/blog/category/knee-care/.",
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

    shows_as_badge = models.BooleanField(
        "show as a badge",
        default=False,
        help_text=(
            "Articles in this category carry its name as a badge at the top of their "
            "page, instead of listing it among their categories. For collections "
            "such as Featured."
        ),
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:category", kwargs={"slug": self.slug})


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


class ArticleQuerySet(PublishableQuerySet):
    def for_cards(self):
        """What an article card shows: everything but the body (no extra query)."""
        return self.defer("body")


class Article(Publishable):
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text=(
            "The last part of the article's web address, as in "
            "/blog/knee-pain-on-stairs/. If you change it after "
            "publishing, the old address keeps working."
        ),
    )
    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences for article cards, search results and feeds.",
    )
    body = ProseEditorField(
        extensions=rich_text.EDITOR_EXTENSIONS,
        sanitize=rich_text.editor_sanitizer,
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
        Person, on_delete=models.PROTECT, related_name="articles"
    )
    medical_reviewer = models.ForeignKey(
        Person,
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
    revised_at = models.DateTimeField(
        "last substantive update",
        null=True,
        blank=True,
        editable=False,
        help_text="Shown to readers as “Updated”. Moves only when an editor marks a "
        "save as a substantive update, never for a typo fix.",
    )
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    reading_grade = models.DecimalField(
        "reading grade",
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
        help_text="Flesch-Kincaid grade of the body; patient leaflets aim at 6 to 8.",
    )
    wordpress_id = models.PositiveBigIntegerField(
        "WordPress post ID", null=True, blank=True, unique=True, editable=False
    )
    wordpress_guid = models.CharField(
        "WordPress GUID", max_length=500, blank=True, db_index=True, editable=False
    )

    objects = (
        ArticleQuerySet.as_manager()
    )  # unfiltered on purpose: the admin needs drafts

    picture_field = "featured_image"

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "published_at"], name="article_public_idx"),
            # A profile's newest articles, written and reviewed (person_articles).
            models.Index(
                fields=["author", "status", "published_at"],
                name="article_author_public_idx",
            ),
            models.Index(
                fields=["medical_reviewer", "status", "published_at"],
                name="article_reviewer_public_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=dates.condition("published_at", moments=True)
                & dates.condition("reviewed_on", moments=False)
                & dates.condition("created_at", moments=True)
                & dates.condition("updated_at", moments=True)
                & dates.condition("revised_at", moments=True),
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
        self.reading_grade = reading_level.assess(self.body).grade
        with images.saving_picture(self, "featured_image"):
            super().save(*args, **kwargs)

    def address_for(self, slug: str) -> str:
        return reverse("blog:article_detail", kwargs={"slug": slug})

    def clean(self):
        errors = {}
        if error := images.missing_description(
            self.featured_image, self.featured_image_alt
        ):
            errors["featured_image_alt"] = error
        if error := Picture.objects.missing_from(self.body):
            errors["body"] = error
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

    @cached_property
    def table_of_contents(self) -> list[dict]:
        return rich_text.table_of_contents(self.body)

    @property
    def was_updated(self) -> bool:
        """Substantively updated on a later day than it was published."""
        return bool(self.published_at and self.revised_at) and (
            timezone.localdate(self.revised_at) > timezone.localdate(self.published_at)
        )

    @property
    def badges(self) -> list[Category]:
        """Categories shown as badges, such as Featured (from prefetched categories)."""
        return [c for c in self.categories.all() if c.shows_as_badge]

    @property
    def topics(self) -> list[Category]:
        """The categories listed as what the article is about."""
        return [c for c in self.categories.all() if not c.shows_as_badge]

    @property
    def last_updated(self):
        """What readers, search engines and feeds are told: the last substantive
        update, or the publication."""
        return self.revised_at if self.was_updated else self.published_at

    @cached_property
    def image_sources(self) -> images.Sources:
        return images.sources(self.featured_image.name, self.image_width)

    def load_labels(self) -> None:
        """Read the article's categories and tags in one query, where
        prefetch_related takes two: `categories.all()` and `tags.all()` then make
        none. Fields the page does not show stay deferred.

        Written in SQL: built with the ORM, the query cost more than the two it
        replaces."""
        links = Article.categories.through._meta.db_table
        sql = (
            "SELECT 0, category.id, category.name, category.slug, category.position,"
            " category.relates_articles, category.shows_as_badge"
            f" FROM {Category._meta.db_table} category"
            f" JOIN {links} link ON link.category_id = category.id"
            " WHERE link.article_id = %s UNION ALL"
            " SELECT 1, tag.id, tag.name, tag.slug, NULL, NULL, NULL"
            f" FROM {Tag._meta.db_table} tag JOIN {TaggedArticle._meta.db_table} link"
            " ON link.tag_id = tag.id WHERE link.content_object_id = %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.pk, self.pk])
            rows = cursor.fetchall()
        shown, tagged = [], []
        for kind, pk, name, slug, position, relates, badge in rows:
            if kind:
                tagged.append((pk, name, slug))
            else:
                shown.append((pk, name, slug, position, bool(relates), bool(badge)))
        shown.sort(key=lambda values: (values[3], values[1]))  # position, name
        tagged.sort()  # by id, as prefetch_related gave them
        db = self._state.db
        self._keep_prefetched(
            self.categories,
            [Category.from_db(db, LABEL_FIELDS["category"], v) for v in shown],
        )
        self._keep_prefetched(
            self.tags, [Tag.from_db(db, LABEL_FIELDS["tag"], v) for v in tagged]
        )

    def _keep_prefetched(self, manager, objects) -> None:
        # Stored as prefetch_related stores them, so the manager answers from them.
        queryset = manager.all()
        queryset._result_cache = objects
        queryset._prefetch_done = True
        cache = self.__dict__.setdefault("_prefetched_objects_cache", {})
        cache[manager.prefetch_cache_name] = queryset


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


class RelatedArticle(models.Model):
    """One of an article's related posts, ranked when content changes (blog/related.py).

    Drafts and scheduled articles are ranked too: the article page keeps only the
    public ones when it reads the ranking, so a scheduled article appears on time.
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_ranking"
    )
    related = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_in"
    )
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "rank"], name="unique_related_rank"
            )
        ]

    def __str__(self):
        return f"{self.article_id} → {self.related_id} ({self.rank})"


class SearchWord(models.Model):
    """A word that occurs in some article: the vocabulary typos are corrected to.

    Filled by the search index (blog/search.py) and never pruned: a word whose
    articles are gone is only offered when it still finds something.
    """

    word = models.CharField(max_length=40, unique=True)

    def __str__(self):
        return self.word
