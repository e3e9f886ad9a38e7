"""The clinic's own public pages: its physicians and its locations."""

from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from clinic.caching import public_page
from clinic.models import Location, Person
from clinic.structured_data import location_data

# What a directory entry and a profile show besides the person (one query each).
PROFILE_LINKS = (
    "specialties",
    Prefetch("locations", queryset=Location.objects.active()),
)


@require_safe
@public_page
def physician_list(request):
    people = Person.objects.clinicians().prefetch_related(*PROFILE_LINKS)
    return render(request, "clinic/physician_list.html", {"people": people})


@require_safe
@public_page
def person_detail(request, slug):
    """A clinician's profile at /physicians/<slug>/, or the author page of someone
    who only writes at /authors/<slug>/. The other address redirects there: people
    start and stop seeing patients (and the redirect is revalidated every time, so
    browsers never remember a stale one)."""
    person = get_object_or_404(Person, slug=slug)
    if request.path != person.get_absolute_url():
        return redirect(person, permanent=True)
    if person.clinician:
        prefetch_related_objects([person], *PROFILE_LINKS)
        directory = ("Physicians and therapists", reverse("clinic:physician_list"))
    else:
        directory = ("Articles", reverse("blog:article_list"))
    trail = [
        ("Home", reverse("blog:home")),
        directory,
        (person.name, person.get_absolute_url()),
    ]
    return render(
        request, "clinic/person_detail.html", {"person": person, "trail": trail}
    )


@require_safe
@public_page
def location_list(request):
    today = timezone.localdate()  # the clinic's day, wherever the server runs
    locations = Location.objects.active().with_hours()
    context = {
        "locations": [(location, location.hours_on(today)) for location in locations]
    }
    return render(request, "clinic/location_list.html", context)


@require_safe
@public_page
def location_detail(request, slug):
    locations = Location.objects.active().with_hours()
    physicians = Prefetch("people", queryset=Person.objects.clinicians())
    location = get_object_or_404(locations.prefetch_related(physicians), slug=slug)
    schema = location_data(location, location.upcoming_closures)
    context = {
        "location": location,
        "today": location.hours_on(timezone.localdate()),
        "schema": {"@context": "https://schema.org"} | schema,
        "trail": [
            ("Home", reverse("blog:home")),
            ("Locations", reverse("clinic:location_list")),
            (location.name, location.get_absolute_url()),
        ],
    }
    return render(request, "clinic/location_detail.html", context)
