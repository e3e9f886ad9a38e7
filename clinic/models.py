"""The clinic itself: its locations and its people, and old addresses kept working."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from clinic import images


class Location(models.Model):
    name = models.CharField(max_length=120)
    street_address = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    region = models.CharField("state", max_length=50)
    postal_code = models.CharField("ZIP code", max_length=20)
    phone = models.CharField(max_length=30)
    hours = models.TextField(
        blank=True,
        help_text="One line per day or range, e.g. “Mon–Fri 8:00 am – 5:00 pm”.",
    )
    active = models.BooleanField(
        default=True,
        help_text="Inactive locations are hidden from the site and the form.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    @property
    def hours_lines(self) -> list[str]:
        return [line.strip() for line in self.hours.splitlines() if line.strip()]


class Person(models.Model):
    """Someone the public meets on the site: a physician, a therapist, an author."""

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
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text="The staff account of this person, if they have one.",
    )
    takes_appointments = models.BooleanField(
        default=False,
        help_text="A physician patients can ask for on the appointment request form.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.byline

    def save(self, *args, **kwargs):
        if self.photo and not self.photo._committed:
            self.photo = images.reencode(self.photo)
        super().save(*args, **kwargs)

    @property
    def byline(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class Redirect(models.Model):
    """An old address of something published (a former slug, an imported permalink)."""

    old_path = models.CharField(max_length=500, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        indexes = [
            models.Index(
                fields=["content_type", "object_id"], name="redirect_target_idx"
            )
        ]

    def __str__(self):
        return self.old_path
