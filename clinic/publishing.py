"""Publishing, shared by everything the clinic publishes (articles, pages).

One rule decides what the public sees: `published()`, marked published with a publish
time not in the future. A future time means scheduled. A public address that changes
(a new slug, a new parent) keeps answering: the old one becomes a `Redirect`.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from clinic import rich_text
from clinic.models import Picture, PictureUse, Redirect


def is_public(status, published_at, now) -> bool:
    """published(), for one object in hand."""
    return (
        status == Publishable.Status.PUBLISHED
        and published_at is not None
        and (published_at <= now)
    )


def next_publication_time(*models):
    """When the next scheduled object of any of these models goes public, or None
    (one query)."""
    times = [
        model.objects.scheduled().order_by().values_list("published_at", flat=True)
        for model in models
    ]
    return times[0].union(*times[1:]).order_by("published_at").first()


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: marked published and not scheduled for later."""
        return self.filter(
            status=Publishable.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def hidden(self):
        """What the public may not see: everything published() leaves out."""
        return self.exclude(
            status=Publishable.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def scheduled(self):
        return self.filter(
            status=Publishable.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def publish_times_among(self, ids) -> dict:
        """{id: publish time} of the public objects among these ids (one query).

        The rule of published(), applied in Python to a primary-key lookup: given a
        filter on status and publish time, SQLite (which keeps no statistics) would
        walk every public row to find the few wanted.
        """
        now = timezone.now()
        rows = self.filter(pk__in=list(ids)).values_list("pk", "status", "published_at")
        return {
            pk: published_at
            for pk, status, published_at in rows
            if is_public(status, published_at, now)
        }


class Publishable(models.Model):
    """Status, publish time, search-engine fields, and old addresses kept working.

    A subclass names the field its address is made of (`address_field`) and says
    what address a value of it gives (`address_for`).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publish time",
        null=True,
        blank=True,
        help_text=(
            "When it goes public. Set a future time to schedule it; leave empty to "
            "publish at once."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    seo_title = models.CharField(
        "search engine title",
        max_length=70,
        blank=True,
        help_text="Shown in search engine results; the title if empty.",
    )
    meta_description = models.CharField(
        max_length=160,
        blank=True,
        help_text="Shown under the title in search results; the summary if empty.",
    )

    redirects = GenericRelation(Redirect)  # deleted with what they lead to
    picture_uses = GenericRelation(PictureUse)  # and so are their pictures' uses

    address_field = "slug"
    rich_text_field = "body"
    picture_field = None  # a picture shown above the body, if any

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        self._keep_old_address()
        self._record_pictures()

    def get_absolute_url(self):
        return self.address_for(getattr(self, self.address_field))

    def address_for(self, value: str) -> str:
        raise NotImplementedError

    def validate_publication(self) -> None:
        """Raise ValidationError if this may not be saved with its status and time.

        For rules that hold however it is published (the form, the admin's actions):
        none by default.
        """

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_address_value = instance.__dict__.get(cls.address_field)
        instance._stored_public = (
            instance.__dict__.get("status") == cls.Status.PUBLISHED
        )
        return instance

    def _keep_old_address(self):
        """A public object whose address changed: its old address redirects here."""
        old_value = getattr(self, "_stored_address_value", None)
        current = self.get_absolute_url()
        if (
            old_value
            and old_value != getattr(self, self.address_field)
            and getattr(self, "_stored_public", False)
        ):
            Redirect.objects.update_or_create(
                old_path=self.address_for(old_value),
                defaults={
                    "content_type": ContentType.objects.get_for_model(self),
                    "object_id": self.pk,
                    "new_path": "",  # it led elsewhere (an imported feed): now here
                },
            )
        Redirect.objects.filter(old_path=current).delete()
        self._stored_address_value = getattr(self, self.address_field)
        self._stored_public = self.status == self.Status.PUBLISHED

    @cached_property
    def body_html(self):
        """The body as the page shows it (one query for its figures, if it has any)."""
        body = getattr(self, self.rich_text_field)
        pictures = Picture.objects.by_id(rich_text.picture_ids(body))
        first_screen_free = not (
            self.picture_field and getattr(self, self.picture_field)
        )
        # The one place the body is trusted: rich_text.clean ran on every save.
        return mark_safe(
            rich_text.render(body, pictures, first_figure_eager=first_screen_free)
        )

    def _record_pictures(self):
        body = getattr(self, self.rich_text_field)
        PictureUse.record(self, rich_text.picture_ids(body))

    @property
    def is_public(self) -> bool:
        return is_public(self.status, self.published_at, timezone.now())

    @property
    def publication_state(self) -> str:
        if self.status == self.Status.DRAFT:
            return "Draft"
        return "Published" if self.is_public else "Scheduled"


# Raw saves (restoring a revision, loading fixtures) skip save(): the address the
# row had is read before, so that an address it leaves still leads to it.


@receiver(pre_save)
def _note_stored_address_before_raw_save(sender, instance, raw, **kwargs):
    if raw and isinstance(instance, Publishable) and instance.pk is not None:
        stored = (
            sender._base_manager.filter(pk=instance.pk)
            .values(sender.address_field, "status")
            .first()
        )
        if stored is not None:
            instance._stored_address_value = stored[sender.address_field]
            instance._stored_public = stored["status"] == Publishable.Status.PUBLISHED


@receiver(post_save)
def _follow_raw_save(sender, instance, raw, **kwargs):
    if raw and isinstance(instance, Publishable):
        instance._keep_old_address()
        instance._record_pictures()
