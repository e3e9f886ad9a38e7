import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpResponse


class RequestSizeLimitMiddleware:
    """Refuse bodies larger than the limit (413) before anything reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Bad Content-Length.", status=400)
        staff_area = request.path.startswith("/admin/")
        limit = (
            settings.MAX_STAFF_REQUEST_BYTES
            if staff_area
            else settings.MAX_REQUEST_BYTES
        )
        if length > limit:
            return HttpResponse(
                "This request is too large.", status=413, content_type="text/plain"
            )
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set, on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


SIGNED_IN_AT = "signed_in_at"
LAST_SEEN_AT = "last_seen_at"


@receiver(user_logged_in)
def start_staff_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = request.session[LAST_SEEN_AT] = time.time()


class StaffSessionMiddleware:
    """End a signed-in session after STAFF_SESSION_IDLE_SECONDS idle, or
    SESSION_COOKIE_AGE (8 hours) after signing in, whichever comes first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        if has_session and SIGNED_IN_AT in request.session:
            now = time.time()
            idle = now - request.session.get(LAST_SEEN_AT, 0)
            age = now - request.session[SIGNED_IN_AT]
            if (
                idle > settings.STAFF_SESSION_IDLE_SECONDS
                or age > settings.SESSION_COOKIE_AGE
            ):
                logout(request)
                messages.info(request, "You were signed out to keep patient data safe.")
                return redirect_to_login(request.get_full_path())
            if idle > 60:  # one session write a minute is enough
                request.session[LAST_SEEN_AT] = now
        return self.get_response(request)
