"""schema.org descriptions of the clinic's people and places, for search engines."""

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


def person_reference(person) -> dict:
    """A person as an article names them (author, reviewer): who, and their page."""
    data = {
        "@type": "Person",
        "name": person.name,
        "url": settings.SITE_URL + person.get_absolute_url(),
    }
    if person.credentials:
        data["honorificSuffix"] = person.credentials
    if person.role:
        data["jobTitle"] = person.role
    return data


def profile_data(person, organization: dict) -> dict:
    """A ProfilePage about one person; a clinician's also says for whom, in what and
    where they work (their specialties and locations prefetched)."""
    about = person_reference(person)
    if person.bio:
        about["description"] = person.bio
    if person.photo:
        about["image"] = settings.SITE_URL + person.photo_sources.fallback
    if person.clinician:
        about["worksFor"] = {key: organization[key] for key in ("@type", "name", "url")}
        credentials = [c.strip() for c in person.credentials.split(",") if c.strip()]
        about["hasCredential"] = [
            {"@type": "EducationalOccupationalCredential", "name": credential}
            for credential in credentials
        ]
        about["knowsAbout"] = [specialty.name for specialty in person.specialties.all()]
        about["workLocation"] = [
            {
                "@type": "MedicalClinic",
                "name": location.name,
                "url": settings.SITE_URL + location.get_absolute_url(),
                "address": postal_address(location),
                "telephone": location.phone,
            }
            for location in person.locations.all()
        ]
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": about["url"],
        # An empty list says nothing: leave the property out.
        "mainEntity": {key: value for key, value in about.items() if value != []},
    }
