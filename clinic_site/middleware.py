import time
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware as DjangoConditionalGet


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


FORM_ENCODED = "application/x-www-form-urlencoded"


class UnreadableRequestMiddleware:
    """Answer 400 to what no view can read, before anything reads it.

    A NUL byte in the address or query string (PostgreSQL refuses it in any string,
    so a lookup would fail as if the database were down), and a form body that is
    not UTF-8 (Django refuses it, then its own 400 page reads the form again and
    fails with a 500).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = unquote_to_bytes(request.META.get("QUERY_STRING", ""))
        if "\x00" in request.path or b"\x00" in query:
            return _bad_request(
                "This web address contains a character that is not allowed (a null "
                "byte). Please check the address and try again."
            )
        if request.method == "POST" and not _form_is_utf8(request):
            return _bad_request(
                "This form was sent in a character encoding we cannot read. Please "
                "go back to the page and send it again."
            )
        return self.get_response(request)


def _form_is_utf8(request) -> bool:
    """A form declares no charset but UTF-8, and an encoded one decodes as UTF-8."""
    if request.content_type not in (FORM_ENCODED, "multipart/form-data"):
        return True
    if request.content_params.get("charset", "utf-8").lower() != "utf-8":
        return False
    if request.content_type == FORM_ENCODED:
        try:
            unquote_to_bytes(request.body).decode()
        except UnicodeDecodeError:
            return False
    return True


def _bad_request(message: str) -> HttpResponse:
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


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


# What a view may ask of django-csp's middleware, as attributes of its response.
CSP_REQUESTS = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


def csp_requests(response) -> dict:
    """What the response asks of the Content-Security-Policy middleware."""
    return {
        name: getattr(response, name)
        for name in CSP_REQUESTS
        if hasattr(response, name)
    }


def ask_csp(response, requests: dict) -> None:
    for name, value in requests.items():
        setattr(response, name, value)


class ConditionalGetMiddleware(DjangoConditionalGet):
    """Django's, with a 304 asking of the policy what its page asked: browsers
    replace the policy of the copy they kept with the 304's."""

    def process_response(self, request, response):
        answer = super().process_response(request, response)
        ask_csp(answer, csp_requests(response))
        return answer
