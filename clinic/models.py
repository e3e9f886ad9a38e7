"""The clinic itself: its settings, its locations (with their hours) and its people,
and old addresses kept working."""

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from clinic import colors, hours, icons, images, phones, rich_text

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
    primary_color = models.CharField(
        "main colour",
        max_length=7,
        default="#0b5563",
        validators=[colors.validate_hex_color],
        help_text="Links, buttons and the footer, as # and six digits (#0b5563). "
        "It must be dark enough for white text on it, and for links on pale "
        "backgrounds, to be read easily.",
    )
    accent_color = models.CharField(
        "accent colour",
        max_length=7,
        default="#b3461b",
        validators=[colors.validate_hex_color],
        help_text="Badges such as Featured and the edge of notices, as # and six "
        "digits (#b3461b). It carries white text, so it must be dark enough too.",
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
        errors = {}
        if self.share_image and not self.share_image_alt.strip():
            errors["share_image_alt"] = ValidationError(
                "Describe the share image for people who cannot see it.",
                code="alt_required",
            )
        for field in ("primary_color", "accent_color"):
            color = getattr(self, field).lower()
            setattr(self, field, color)
            if colors.HEX_COLOR.fullmatch(color) and (
                error := colors.unreadable(color)
            ):
                errors[field] = error
        if errors:
            raise ValidationError(errors)

    @classmethod
    def first_run_defaults(cls) -> "SiteSettings":
        """Unsaved settings from the environment (CLINIC_NAME, CLINIC_PHONE)."""
        return cls(name=settings.CLINIC_NAME, phone=settings.CLINIC_PHONE)

    @property
    def brand_stylesheet(self) -> str:
        """The brand colours as the custom properties static/css/site.css uses."""
        properties = {
            "brand": self.primary_color,
            "brand-dark": colors.darker(self.primary_color, 0.3),
            "accent": self.accent_color,
        }
        declarations = "".join(
            f"--{name}:{value};" for name, value in properties.items()
        )
        return f":root{{{declarations}}}\n"

    @property
    def brand_version(self) -> str:
        """Names the current colours in the stylesheet's address."""
        return hashlib.sha256(self.brand_stylesheet.encode()).hexdigest()[:12]

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


class Weekday(models.IntegerChoices):
    """Numbered as `date.weekday()` numbers them."""

    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class LocationQuerySet(models.QuerySet):
    def active(self):
        """The locations the public sees and may choose on the request form."""
        return self.filter(active=True)

    def open_weekdays(self) -> list[int]:
        """The days of the week on which any of these locations opens (one query)."""
        rows = OpeningHours.objects.filter(location__in=self)
        return list(
            rows.order_by("weekday").values_list("weekday", flat=True).distinct()
        )

    def with_hours(self):
        """Everything a location's hours need, in two more queries: weekly hours,
        and closures from today on (as `upcoming_closures`)."""
        today = timezone.localdate()
        upcoming = Closure.objects.filter(
            Q(ends_on__gte=today) | Q(ends_on=None, starts_on__gte=today)
        )
        return self.prefetch_related(
            "opening_hours",
            models.Prefetch("closures", upcoming, to_attr="upcoming_closures"),
        )


class Location(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="The last part of the location's address on the site.",
    )
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text="A sentence or two for the location's page, e.g. what is on site.",
    )
    street_address = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    region = models.CharField("state", max_length=50)
    postal_code = models.CharField("ZIP code", max_length=20)
    phone = models.CharField(max_length=30)
    hours_note = models.TextField(
        blank=True,
        help_text=(
            "Shown under the opening hours, e.g. “X-ray closes at 4:30 pm”. "
            "Hours written before they were kept by day are here when they could "
            "not be read: enter them by day below, then shorten this note."
        ),
    )
    parking = models.TextField(
        "parking and access",
        blank=True,
        help_text="Where to park, public transport, step-free entrance, floor.",
    )
    active = models.BooleanField(
        default=True,
        help_text="Inactive locations are hidden from the site and the form.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clinic:location_detail", kwargs={"slug": self.slug})

    @property
    def hours_lines(self) -> list[str]:
        """The weekly hours in short lines, "Mon–Fri 8:00 am – 5:00 pm"."""
        return hours.summary(self.opening_hours.all())

    @property
    def week(self) -> list[tuple[Weekday, list["OpeningHours"]]]:
        """(day, its hours) for Monday to Sunday; no hours: closed."""
        rows = list(self.opening_hours.all())
        return [(day, [row for row in rows if row.weekday == day]) for day in Weekday]

    def hours_on(self, day: date) -> "DayHours":
        """The hours on a date from today on: the week's, unless a closure covers it.

        Needs `with_hours()`.
        """
        for closure in self.upcoming_closures:
            if closure.covers(day):
                return DayHours(day, [], closure)
        rows = [row for row in self.opening_hours.all() if row.weekday == day.weekday()]
        return DayHours(day, rows, None)

    @property
    def full_address(self) -> str:
        return f"{self.street_address}, {self.city}, {self.region} {self.postal_code}"

    @property
    def directions_url(self) -> str:
        """Directions on a map service: a plain link, nothing of theirs on our pages."""
        return "https://www.google.com/maps/dir/?" + urlencode(
            {"api": "1", "destination": self.full_address}
        )


class OpeningHours(models.Model):
    """One span of a weekday when a location is open; two spans leave a lunch break."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField("day", choices=Weekday)
    opens = models.TimeField()
    closes = models.TimeField()

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name_plural = "opening hours"
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__lt=F("closes")),
                name="opening_hours_opens_before_closing",
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.span}"

    def clean(self):
        if self.opens and self.closes and self.opens >= self.closes:
            message = "Please give a closing time after the opening time."
            raise ValidationError(
                {"closes": ValidationError(message, code="closes_before_opening")}
            )

    @property
    def span(self) -> str:
        return hours.span_text(self.opens, self.closes)


class Closure(models.Model):
    """Days a location is closed whatever its weekly hours say (holidays)."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="closures"
    )
    starts_on = models.DateField("closed from")
    ends_on = models.DateField(
        "closed until",
        null=True,
        blank=True,
        help_text="The last day closed. Leave empty for a single day.",
    )
    label = models.CharField(
        max_length=120, help_text="Shown to visitors, e.g. “Thanksgiving”."
    )

    class Meta:
        ordering = ["starts_on"]
        verbose_name = "holiday closure"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on=None) | Q(ends_on__gte=F("starts_on")),
                name="closure_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.label

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            message = "Please give a last day on or after the first day."
            raise ValidationError(
                {"ends_on": ValidationError(message, code="ends_before_it_starts")}
            )

    @property
    def last_day(self) -> date:
        return self.ends_on or self.starts_on

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.last_day


class DayHours(NamedTuple):
    day: date
    hours: list[OpeningHours]  # none: closed
    closure: Closure | None


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


class RedirectQuerySet(models.QuerySet):
    def new_addresses(
        self, paths: Iterable[str], public_only: bool = True
    ) -> dict[str, str]:
        """{old path: where it leads now} for those of `paths` that lead somewhere:
        one indexed query, and one per kind of object they lead to, however many
        paths. A path without its trailing slash finds the one with it, as
        WordPress did. Unless `public_only` is False, something not public (a draft,
        a scheduled article) is not revealed."""
        paths = set(paths)
        candidates = set(paths)
        candidates.update(
            path + "/" for path in paths if not path.endswith("/") and "?" not in path
        )
        leads = {}  # stored old path -> its address
        targets = defaultdict(dict)  # model -> {object id: [old paths]}
        for redirect in self.filter(old_path__in=candidates).select_related(
            "content_type"
        ):
            if redirect.new_path:
                leads[redirect.old_path] = redirect.new_path
            elif model := redirect.content_type.model_class():
                targets[model].setdefault(redirect.object_id, []).append(
                    redirect.old_path
                )
        for model, by_id in targets.items():
            for target in model._base_manager.filter(pk__in=by_id):
                if not public_only or target.is_public:
                    for old_path in by_id[target.pk]:
                        leads[old_path] = target.get_absolute_url()
        found = {path: leads.get(path) or leads.get(path + "/") for path in paths}
        return {path: address for path, address in found.items() if address}

    def new_address(self, path: str) -> str | None:
        """Where one old address leads now, or None (see `new_addresses`)."""
        return self.new_addresses([path]).get(path)


class Redirect(models.Model):
    """An old address: of something published (a former slug, an imported
    permalink), or of a place that has no object of its own (an imported feed, tag
    archive or upload), given as `new_path`."""

    old_path = models.CharField(
        max_length=500,
        unique=True,
        help_text="A path, with its query for WordPress's plain links (/?page_id=7).",
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    new_path = models.CharField(
        max_length=500,
        blank=True,
        help_text="Where it leads, when it does not lead to an article or page.",
    )

    objects = RedirectQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["content_type", "object_id"], name="redirect_target_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(object_id__isnull=False) & Q(new_path=""))
                | (Q(object_id__isnull=True) & ~Q(new_path="")),
                name="redirect_has_one_target",
            )
        ]

    def __str__(self):
        return self.old_path


class PictureQuerySet(models.QuerySet):
    def by_id(self, ids) -> dict[int, "Picture"]:
        """{id: picture} of these ids; no query when there are none."""
        ids = set(ids)
        return (
            {picture.pk: picture for picture in self.filter(pk__in=ids)} if ids else {}
        )

    def missing_from(self, body: str) -> ValidationError | None:
        """The error for a body showing pictures no longer in the library (one query
        if it shows any)."""
        wanted = rich_text.picture_ids(body)
        if wanted - set(self.by_id(wanted)):
            return ValidationError(
                "A figure shows a picture that is no longer in the library: remove "
                "it, or insert another one.",
                code="picture_missing",
            )
        return None


class Picture(models.Model):
    """A picture in the library, shown inside article and page bodies as a figure.

    Checked, re-encoded without metadata and cut into renditions when saved, as
    featured images are. A picture a body shows cannot be deleted (`PictureUse`).
    """

    image = models.ImageField(
        "picture",
        upload_to=images.RandomName("pictures"),
        width_field="width",
        height_field="height",
        validators=[images.validate_image],
        help_text="JPEG, PNG or WebP, up to 10 MB. Location data in photos is removed.",
    )
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    description = models.CharField(
        max_length=250,
        help_text="What the picture shows, for people who cannot see it (e.g. "
        "“Diagram of the knee, with the ACL in red”). Offered as the figure's "
        "description when it is inserted.",
    )
    credit = models.CharField(
        max_length=120,
        blank=True,
        help_text="Shown under the picture wherever it is used, "
        "e.g. “Photo: Ana Ruiz”.",
    )
    # The upload it came from ("2019/04/knee.jpg"), so that a re-import finds it and
    # old links to /wp-content/uploads/... can lead to it.
    wordpress_file = models.CharField(
        "WordPress file", max_length=500, blank=True, db_index=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PictureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.description

    def save(self, *args, **kwargs):
        """Re-encode a new picture, and make its renditions once it is stored."""
        with images.saving_picture(self, "image"):
            super().save(*args, **kwargs)

    @cached_property
    def sources(self) -> images.Sources:
        return images.sources(self.image.name, self.width)


class PictureUse(models.Model):
    """A body (an article's, a page's) showing a picture: the picture stays."""

    picture = models.ForeignKey(Picture, on_delete=models.PROTECT, related_name="uses")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    used_in = GenericForeignKey("content_type", "object_id")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["picture", "content_type", "object_id"],
                name="unique_picture_use",
            )
        ]

    def __str__(self):
        return f"Shown in the {self.content_type.name} “{self.used_in}”"

    @classmethod
    def record(cls, item, picture_ids) -> None:
        """Make the item's recorded uses exactly the pictures its body shows."""
        content_type = ContentType.objects.get_for_model(item)
        uses = cls.objects.filter(content_type=content_type, object_id=item.pk)
        if not picture_ids:
            uses.delete()
            return
        known = set(
            Picture.objects.filter(pk__in=picture_ids).values_list("pk", flat=True)
        )
        uses.exclude(picture__in=known).delete()
        stored = set(uses.values_list("picture_id", flat=True))
        cls.objects.bulk_create(
            cls(picture_id=pk, content_type=content_type, object_id=item.pk)
            for pk in known - stored
        )
