from functools import partial

from django.conf import settings

from appointments.models import Location
from blog.models import Category


def clinic(request):
    """What every page's header and footer show (the querysets run only if used)."""
    locations = Location.objects.filter(active=True)
    return {
        "clinic_name": settings.CLINIC_NAME,
        "clinic_phone": settings.CLINIC_PHONE,
        "site_url": settings.SITE_URL,
        "nav_categories": Category.objects.all(),
        "clinic_locations": locations,
        "clinic_organization": partial(organization, locations),
    }


def organization(locations) -> dict:
    """The clinic as schema.org describes it, for structured data."""
    return {
        "@type": "MedicalClinic",
        "name": settings.CLINIC_NAME,
        "url": settings.SITE_URL + "/",
        "telephone": settings.CLINIC_PHONE,
        "address": [
            {
                "@type": "PostalAddress",
                "name": location.name,
                "streetAddress": location.street_address,
                "addressLocality": location.city,
                "addressRegion": location.region,
                "postalCode": location.postal_code,
                "addressCountry": "US",
                "telephone": location.phone,
            }
            for location in locations
        ],
    }
