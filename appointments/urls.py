from django.urls import path

from appointments import views

app_name = "appointments"
urlpatterns = [
    path("request/", views.request_appointment, name="request"),
    path("request/thanks/<str:token>/", views.thanks, name="thanks"),
]
