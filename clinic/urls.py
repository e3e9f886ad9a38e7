from django.urls import path

from clinic import views

app_name = "clinic"
urlpatterns = [
    path("physicians/", views.physician_list, name="physician_list"),
    path("physicians/<slug:slug>/", views.person_detail, name="person_detail"),
    path("authors/<slug:slug>/", views.person_detail, name="author_detail"),
    path("locations/", views.location_list, name="location_list"),
    path("locations/<slug:slug>/", views.location_detail, name="location_detail"),
]
