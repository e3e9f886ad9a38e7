"""schema.org descriptions of the clinic's people and places, for search engines."""

from django.conf import settings


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


def postal_address(location) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": location.street_address,
        "addressLocality": location.city,
        "addressRegion": location.region,
        "postalCode": location.postal_code,
        "addressCountry": "US",
    }
