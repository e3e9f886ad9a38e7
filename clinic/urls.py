from django.urls import path

from clinic import views

app_name = "clinic"
urlpatterns = [
    path("locations/", views.location_list, name="location_list"),
    path("locations/<slug:slug>/", views.location_detail, name="location_detail"),
]
