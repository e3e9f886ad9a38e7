from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from clinic.models import Location
from clinic.publishing import public_page
from clinic.structured_data import location_data


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
    location = get_object_or_404(Location.objects.active().with_hours(), slug=slug)
    schema = location_data(location, location.upcoming_closures)
    context = {
        "location": location,
        "today": location.hours_on(timezone.localdate()),
        "schema": {"@context": "https://schema.org"} | schema,
    }
    return render(request, "clinic/location_detail.html", context)
