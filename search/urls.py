from django.urls import path
from django.views.generic import RedirectView

from search import views

app_name = "search"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/suggestions/", views.suggestions, name="suggestions"),
    # Where the search lived while it searched articles alone; links keep the query.
    path(
        "blog/search/",
        RedirectView.as_view(
            pattern_name="search:search", query_string=True, permanent=True
        ),
    ),
]
