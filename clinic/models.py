"""The clinic itself: its locations and its people, and old addresses kept working."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property

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


class Specialty(models.Model):
    name = models.CharField(
        max_length=80,
        unique=True,
        help_text='In words patients use, e.g. "Sports medicine" or "Hand and wrist".',
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "specialties"

    def __str__(self):
        return self.name


class PersonQuerySet(models.QuerySet):
    def clinicians(self):
        """The people listed in the physicians directory, in its order."""
        return self.filter(clinician=True)


class Person(models.Model):
    """Someone the public meets on the site: a physician, a therapist, an author.

    Clinicians (people who see patients) have a profile in the physicians directory;
    anyone else who writes gets a simple author page.
    """

    name = models.CharField(max_length=120, help_text="As it appears in the byline.")
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text=(
            "The last part of the profile's web address, as in "
            "/physicians/nora-castellan/."
        ),
    )
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
        width_field="photo_width",
        height_field="photo_height",
        validators=[images.validate_image],
        help_text=(
            "A portrait, shown in a circle: keep the face in the middle. JPEG, PNG "
            "or WebP, up to 10 MB. Location data in photos is removed."
        ),
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text="The staff account of this person, if they have one.",
    )
    clinician = models.BooleanField(
        "sees patients",
        default=False,
        help_text=(
            "A physician or therapist: listed in the physicians directory, with a "
            "profile. People who only write (editors, writers) get an author page."
        ),
    )
    addressed_as = models.CharField(
        max_length=80,
        blank=True,
        help_text='How patients address them, e.g. "Dr. Castellan". The name if empty.',
    )
    specialties = models.ManyToManyField(Specialty, blank=True, related_name="people")
    locations = models.ManyToManyField(
        Location,
        blank=True,
        related_name="people",
        help_text="The locations where they see patients.",
    )
    accepts_new_patients = models.BooleanField(
        default=True,
        help_text="Shown in the directory and on the profile of clinicians.",
    )
    takes_appointments = models.BooleanField(
        default=False,
        help_text=(
            "Patients can ask for them on the appointment request form, and their "
            "profile has a button for it. Only for people who see patients."
        ),
    )
    position = models.PositiveSmallIntegerField(
        default=0,
        help_text="Order in the physicians directory: smaller numbers come first.",
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "people"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(clinician=True) | models.Q(takes_appointments=False),
                name="appointments_only_with_clinicians",
            )
        ]

    def __str__(self):
        return self.byline

    def save(self, *args, **kwargs):
        """Re-encode a new photo, and make its renditions once it is stored."""
        new_photo = bool(self.photo) and not self.photo._committed
        if new_photo:
            self.photo = images.reencode(self.photo)
        super().save(*args, **kwargs)
        if new_photo:
            images.make_renditions(self.photo.name, images.PORTRAIT_WIDTHS)

    def get_absolute_url(self):
        view = "clinic:person_detail" if self.clinician else "clinic:author_detail"
        return reverse(view, kwargs={"slug": self.slug})

    def clean(self):
        if self.takes_appointments and not self.clinician:
            raise ValidationError(
                {
                    "takes_appointments": ValidationError(
                        "Only people who see patients can be asked for on the "
                        "request form. Tick “Sees patients” too, or untick this.",
                        code="not_a_clinician",
                    )
                }
            )

    @property
    def byline(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def called(self) -> str:
        """How the site speaks of them to patients ("Request an appointment with …")."""
        return self.addressed_as or self.name

    @cached_property
    def photo_sources(self) -> images.Sources:
        return images.sources(self.photo.name, self.photo_width, images.PORTRAIT_WIDTHS)


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
