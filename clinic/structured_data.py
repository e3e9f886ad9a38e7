"""The clinic's locations as schema.org describes them, for search engines."""

from django.conf import settings

from clinic.models import Weekday


def location_data(location, closures=()) -> dict:
    """A location as a MedicalClinic: address, phone, weekly hours, and the given
    closures as days without hours."""
    data = {
        "@type": "MedicalClinic",
        "name": location.name,
        "url": settings.SITE_URL + location.get_absolute_url(),
        "telephone": location.phone,
        "address": postal_address(location),
        "openingHoursSpecification": opening_hours(location.opening_hours.all()),
    }
    if closures:
        data["specialOpeningHoursSpecification"] = [
            {
                "@type": "OpeningHoursSpecification",
                "name": closure.label,
                "opens": "00:00",  # closed all day, as schema.org spells it
                "closes": "00:00",
                "validFrom": closure.starts_on.isoformat(),
                "validThrough": closure.last_day.isoformat(),
            }
            for closure in closures
        ]
    return data


def postal_address(location) -> dict:
    return {
        "@type": "PostalAddress",
        "name": location.name,
        "streetAddress": location.street_address,
        "addressLocality": location.city,
        "addressRegion": location.region,
        "postalCode": location.postal_code,
        "addressCountry": "US",
        "telephone": location.phone,
    }


def opening_hours(rows) -> list[dict]:
    """One specification per span of time, with every day that has it."""
    days: dict[tuple, list[str]] = {}
    for row in rows:
        days.setdefault((row.opens, row.closes), []).append(Weekday(row.weekday).label)
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": day_names,
            "opens": opens.strftime("%H:%M"),
            "closes": closes.strftime("%H:%M"),
        }
        for (opens, closes), day_names in days.items()
    ]
