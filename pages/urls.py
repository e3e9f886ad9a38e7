from django.urls import path, register_converter

from pages import views


class PagePathConverter:
    """One slug, or several joined by slashes: "about", "about/insurance".

    Slugs hold no dot, so /favicon.ico or /wp-login.php never look like a page
    (nor get a slash appended to become one).
    """

    regex = r"[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PagePathConverter, "page_path")

app_name = "pages"
urlpatterns = [
    path("<page_path:path>/", views.page, name="page"),
]
