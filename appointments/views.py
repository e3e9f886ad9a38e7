from django.core import signing
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from appointments import notifications, throttle
from appointments.forms import AppointmentRequestForm
from appointments.models import AppointmentRequest, new_reference
from blog.models import Article
from clinic.models import Location, Person
from pages.models import Page
from readership.rules import not_counted

THANKS_SALT = "appointments.thanks"
THANKS_MAX_AGE = 24 * 60 * 60


@never_cache
def request_appointment(request):
    article = physician = None
    if slug := request.GET.get("article"):
        article = Article.objects.published().filter(slug=slug).first()
    initial = {}
    if slug := request.GET.get("location"):
        initial["location"] = Location.objects.active().filter(slug=slug).first()
    if slug := request.GET.get("physician"):
        physician = Person.objects.filter(takes_appointments=True, slug=slug).first()
        initial["preferred_provider"] = physician
    status = 200
    if request.method == "POST":
        form = AppointmentRequestForm(request.POST)
        if throttle.is_limited(request):
            status = 429
        elif form.is_valid():
            appointment, created = _save_once(form, article)
            if created:  # not a second click on the same form
                throttle.count(request)
            return redirect(thanks_url(appointment))
        elif form.caught_in_a_trap:
            throttle.count(request)
    else:
        form = AppointmentRequestForm(initial=initial)
    if form.is_bound and physician:
        if request.POST.get("preferred_provider") != str(physician.pk):
            physician = None  # the visitor chose someone else: no note about them
    context = {
        "form": form,
        "article": article,
        "physician": physician,
        "rate_limited": status == 429,
        "privacy_notice": Page.objects.privacy_notice(),
    }
    return render(request, "appointments/request_form.html", context, status=status)


def _save_once(form, article) -> tuple[AppointmentRequest, bool]:
    """Save the request and its notifications, or find the one this form already made
    (and say which: True when new).

    The form's one-time token is unique, so a double click or a retry after a dropped
    connection leads to the first request's confirmation, not a second request.
    """
    for _attempt in range(3):
        if existing := AppointmentRequest.objects.filter(
            form_token=form.token_nonce
        ).first():
            return existing, False
        try:
            with transaction.atomic():
                appointment = form.save(source_article=article)
                notifications.queue_for(appointment)
            return appointment, True
        except IntegrityError:
            # The same form saved meanwhile (found above on the next turn), or, about
            # once in 10^12 requests, a reference already taken: draw another.
            form.instance.reference = new_reference()
    raise RuntimeError("Could not save the appointment request.")


def thanks_url(appointment: AppointmentRequest) -> str:
    token = signing.dumps(appointment.reference, salt=THANKS_SALT)
    return reverse("appointments:thanks", kwargs={"token": token})


@never_cache
@not_counted  # the address carries the request's reference
def thanks(request, token):
    try:
        reference = signing.loads(token, salt=THANKS_SALT, max_age=THANKS_MAX_AGE)
    except signing.BadSignature:
        raise Http404("This confirmation link has expired.") from None
    return render(request, "appointments/thanks.html", {"reference": reference})
