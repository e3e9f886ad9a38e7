"""What a new site still lacks before patients can use it, in plain words: said by
`manage.py check` (clinic_site/checks.py; so by `runserver` and `migrate` too) and on
the admin's home page."""

from dataclasses import dataclass

from django.conf import settings

from clinic import phones
from clinic.models import Location, SiteSettings
from pages.models import Page


@dataclass(frozen=True)
class Problem:
    id: str  # of the system check
    message: str
    hint: str
    fix_at: str  # the URL name of the admin page that fixes it


def problems() -> list[Problem]:
    """The first-run problems of the site as it is now (three queries)."""
    found = []
    if not Location.objects.filter(active=True).exists():
        found.append(
            Problem(
                "clinic_site.W002",
                "No active location: the appointment request form cannot accept "
                "requests.",
                "Add your address under Clinic › Locations and keep it active.",
                "admin:clinic_location_add",
            )
        )
    if not Page.objects.published().filter(kind=Page.Kind.PRIVACY).exists():
        found.append(
            Problem(
                "clinic_site.W003",
                "No notice of privacy practices is published: the request form asks "
                "patients to consent without one to read.",
                "Write it under Pages, choose the kind “Notice of privacy practices” "
                "and publish it.",
                "admin:pages_page_add",
            )
        )
    if demo := _demo_values(SiteSettings.objects.current()):
        found.append(
            Problem(
                "clinic_site.W004",
                f"The site settings still hold the demo clinic's {demo}.",
                "Set your clinic's name and main phone under Clinic › Site settings.",
                "admin:clinic_sitesettings_changelist",
            )
        )
    return found


def _demo_values(site: SiteSettings) -> str:
    demo = []
    if site.name == settings.DEMO_CLINIC_NAME:
        demo.append("name")
    if phones.valid_number(site.phone) == phones.valid_number(
        settings.DEMO_CLINIC_PHONE
    ):
        demo.append("phone")
    return " and ".join(demo)
