"""The clinic itself: its settings, locations and people, and old addresses kept
working."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

from clinic import icons, images, phones

SOCIAL_NETWORKS = {  # field: name shown, in the order shown
    "facebook": "Facebook",
    "instagram": "Instagram",
    "youtube": "YouTube",
    "linkedin": "LinkedIn",
    "x": "X",
}
web_address = URLValidator(
    schemes=["https", "http"],
    message="Enter a web address that starts with https:// or http://.",
    code="web_address",  # not "invalid": the form would put its own message instead
)


def validate_phone(value: str) -> None:
    if phones.valid_number(value) is None:
        raise ValidationError(
            "Enter the number as patients dial it, like (617) 555-0100.",
            code="invalid_phone",
        )


class SiteSettingsManager(models.Manager):
    def current(self) -> "SiteSettings":
        """The saved settings (one query), or the first-run defaults if none are."""
        return self.first() or SiteSettings.first_run_defaults()


class SiteSettings(models.Model):
    """What the whole site says about the clinic: one record, edited in the admin.

    The environment's CLINIC_NAME and CLINIC_PHONE only fill it in on the first
    `migrate`. Saving a new logo makes the browser icons from it.
    """

    name = models.CharField(
        "clinic name",
        max_length=100,
        help_text="Shown in the header, page titles, emails and search results.",
    )
    description = models.CharField(
        "short description",
        max_length=160,
        blank=True,
        help_text="One sentence about the clinic, shown by search engines under the "
        "home page and in link previews.",
    )
    logo = models.ImageField(
        upload_to=images.RandomName("site"),
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        validators=[images.validate_image],
        help_text="PNG, JPEG or WebP (no SVG), shown in the header instead of the "
        "name. The browser icon is made from it: a square logo makes the clearest one.",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    phone = models.CharField(
        "main phone",
        max_length=30,
        validators=[validate_phone],
        help_text="The number for appointments, in the header of every page.",
    )
    emergency_notice = models.CharField(
        max_length=200,
        default="In a medical emergency, call 911.",
        help_text="Shown at the top of the footer on every page.",
    )
    footer_text = models.TextField(
        max_length=600,
        blank=True,
        default="Articles on this site are for general information and do not "
        "replace advice from your own doctor.",
        help_text="The small print at the bottom of every page.",
    )
    facebook = models.URLField("Facebook page", blank=True, validators=[web_address])
    instagram = models.URLField(
        "Instagram profile", blank=True, validators=[web_address]
    )
    youtube = models.URLField("YouTube channel", blank=True, validators=[web_address])
    linkedin = models.URLField("LinkedIn page", blank=True, validators=[web_address])
    x = models.URLField("X (Twitter) profile", blank=True, validators=[web_address])
    share_image = models.ImageField(
        "default share image",
        upload_to=images.RandomName("site"),
        blank=True,
        validators=[images.validate_image],
        help_text="Shown in link previews of the home page and of every page without "
        "a picture of its own; 1200 x 630 pixels suits most networks.",
    )
    share_image_alt = models.CharField(
        "share image description",
        max_length=250,
        blank=True,
        help_text="What the share image shows, for people who cannot see it.",
    )

    objects = SiteSettingsManager()

    class Meta:
        verbose_name = verbose_name_plural = "site settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="site_settings_one_row"
            )
        ]

    def __str__(self):
        return "Site settings"

    def save(self, *args, **kwargs):
        """Keep the one row; re-encode new pictures and make the icons from a logo."""
        self.pk = 1
        new_logo = bool(self.logo) and not self.logo._committed
        if new_logo:
            self.logo = images.reencode(self.logo)
        if self.share_image and not self.share_image._committed:
            self.share_image = images.reencode(self.share_image)
        super().save(*args, **kwargs)
        if new_logo:
            images.make_renditions(self.logo.name)
            icons.make_icons(self.logo.name)

    def clean(self):
        if self.share_image and not self.share_image_alt.strip():
            raise ValidationError(
                {
                    "share_image_alt": ValidationError(
                        "Describe the share image for people who cannot see it.",
                        code="alt_required",
                    )
                }
            )

    @classmethod
    def first_run_defaults(cls) -> "SiteSettings":
        """Unsaved settings from the environment (CLINIC_NAME, CLINIC_PHONE)."""
        return cls(name=settings.CLINIC_NAME, phone=settings.CLINIC_PHONE)

    @property
    def logo_sources(self) -> images.Sources:
        return images.sources(self.logo.name, self.logo_width)

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(network, address) of every network the clinic is on, in a fixed order."""
        return [
            (network, url)
            for field, network in SOCIAL_NETWORKS.items()
            if (url := getattr(self, field))
        ]


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
