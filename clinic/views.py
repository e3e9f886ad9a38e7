from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from clinic.caching import public_page
from clinic.models import Location, Person

# What a directory entry and a profile show besides the person (one query each).
PROFILE_LINKS = (
    "specialties",
    Prefetch("locations", queryset=Location.objects.filter(active=True)),
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
    return render(request, "clinic/person_detail.html", {"person": person})
