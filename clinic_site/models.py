"""Records of the site itself: the staff's enrolment codes, the menus editors
choose (the header's links and the footer's, each in order), and purges of the
reverse proxy waiting to be sent again.

A menu item may lead to a page, a category, a fixed section of the site or another
website, so it lives on the top floor, the only one that knows them all.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from blog.models import Category
from clinic.models import web_address
from pages.models import Page

TARGETS = ["page", "category", "section", "url"]


class EnrolmentCode(models.Model):
    """A one-time code that lets its holder set up a second factor for one account.

    An administrator issues it and hands it over out of band (in person, by phone), so
    that a password alone, guessed or stolen, cannot enrol the thief's authenticator.
    Kept hashed, like a password; used once; expires (clinic_site/enrolment.py).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    code_hash = models.CharField(max_length=128)
    expires_at = models.DateTimeField()

    def __str__(self):
        return f"Enrolment code for user {self.user_id}"


class MenuItem(models.Model):
    class Menu(models.TextChoices):
        HEADER = "header", "Header menu"
        FOOTER = "footer", "Footer links"

    class Section(models.TextChoices):  # by URL name
        ARTICLES = "blog:article_list", "All articles"
        PHYSICIANS = "clinic:physician_list", "Physicians"
        LOCATIONS = "clinic:location_list", "Locations"
        REQUEST = "appointments:request", "Request an appointment"

    menu = models.CharField(max_length=10, choices=Menu, default=Menu.HEADER)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Items with lower numbers come first."
    )
    label = models.CharField(
        max_length=60,
        blank=True,
        help_text="The words of the link. Leave empty to use the page's title, the "
        "category's name or the section's name.",
    )
    page = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="The link shows only while the page is published.",
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Its list of articles.",
    )
    section = models.CharField(
        max_length=40,
        choices=Section,
        blank=True,
        help_text="A part of the site that is always there.",
    )
    url = models.URLField(
        "outside address",
        blank=True,
        validators=[web_address],
        help_text="Another website, e.g. https://www.patientportal.example.",
    )

    class Meta:
        ordering = ["-menu", "position", "pk"]  # "header" before "footer"
        constraints = [
            models.CheckConstraint(
                name="menu_item_has_one_target",
                condition=(
                    Q(page__isnull=False, category=None, section="", url="")
                    | Q(page=None, category__isnull=False, section="", url="")
                    | Q(page=None, category=None, url="", section__gt="")
                    | Q(page=None, category=None, section="", url__gt="")
                ),
            )
        ]

    def __str__(self):
        return self.text

    def clean(self):
        chosen = [name for name in TARGETS if self.serializable_value(name)]
        if not chosen:
            message = "Choose where the link leads: a page, a category, a section or "
            message += "an outside address."
            raise ValidationError({"page": ValidationError(message, code="no_target")})
        if len(chosen) > 1:
            message = "Choose only one place for the link to lead; empty the others."
            raise ValidationError(
                {
                    name: ValidationError(message, code="several_targets")
                    for name in chosen
                }
            )
        if self.url and not self.label.strip():
            message = "Give the link its words: an outside address has no title."
            raise ValidationError(
                {"label": ValidationError(message, code="label_required")}
            )

    # Both read the page or the category: load items with select_related.

    @property
    def text(self) -> str:
        """The words of the link: its label, or the name of where it leads."""
        if self.label:
            return self.label
        if self.page_id:
            return self.page.title
        if self.category_id:
            return self.category.name
        return self.get_section_display()

    def address(self) -> str:
        if self.page_id:
            return self.page.get_absolute_url()
        if self.category_id:
            return self.category.get_absolute_url()
        if self.section:
            return reverse(self.section)
        return self.url


class PendingPurge(models.Model):
    """Surrogate keys the reverse proxy still holds pages of: a purge sent after a
    change that failed, waiting to be sent again (clinic_site/purging.py)."""

    keys = models.TextField(help_text="Surrogate keys, separated by spaces.")
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["next_attempt_at"])]

    def __str__(self):
        return f"Purge of {len(self.keys.split())} key(s)"
