"""Error reports (mailed to ADMINS, or the debug page) that carry no health information.

On the staff area, the sign-in pages, the appointment pages and the site search
(what a patient searches for is what they are worried about), every value a person
sent or carries is masked: form fields, uploaded file names, the query string (GET,
QUERY_STRING, RAW_URI, the request's URL), the Referer, every cookie, and the local
variables of every frame, where a search term or a form's data sits. The path, the
view, the traceback's lines and the exception remain, which is what finding the fault
takes. Elsewhere Django's own filter applies. The CSRF cookie is masked on every path.
Both hold whether DEBUG is on or off.
"""

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

PRIVATE_PATHS = ("/admin/", "/account/", "/appointments/", "/search/")
ADDRESS_META = {"QUERY_STRING", "RAW_URI", "REQUEST_URI", "HTTP_REFERER"}
SECRET_META = {"CSRF_COOKIE"}
MASK = SafeExceptionReporterFilter.cleansed_substitute


def is_private(request) -> bool:
    return request is not None and request.path.startswith(PRIVATE_PATHS)


def masked(names) -> dict:
    return dict.fromkeys(names, MASK)


class PrivacyFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        if is_private(request):
            return masked(request.POST)
        return super().get_post_parameters(request)

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        hidden = SECRET_META | ADDRESS_META if is_private(request) else SECRET_META
        return meta | masked(hidden & meta.keys())

    def get_safe_cookies(self, request):
        if is_private(request):
            return masked(request.COOKIES)
        return super().get_safe_cookies(request)

    def get_traceback_frame_variables(self, request, tb_frame):
        if is_private(request):
            return masked(tb_frame.f_locals).items()
        return super().get_traceback_frame_variables(request, tb_frame)


class PrivacyReporter(ExceptionReporter):
    """Django's reporter writes the query string and file names outside its filter's
    reach; on the private paths they are masked here."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if is_private(self.request):
            data["request_GET_items"] = masked(self.request.GET).items()
            data["request_FILES_items"] = masked(self.request.FILES).items()
            address = data["request_insecure_uri"]
            data["request_insecure_uri"] = address.partition("?")[0]
        return data
