"""Every admin address and export, walked as each role, answers as DESIGN.md says.

Roles: editors work on the blog, on the pages, on the people the public meets, on
locations' public details, the site settings and the menus; the front desk on
appointment requests only (and may not add or delete them); administrators see
everything, but nobody adds or deletes access records, adds requests by hand, edits an
email's history, or adds or deletes the one record of site settings.
"""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from appointments.models import AccessRecord, Notification
from clinic.models import Picture, Redirect, Specialty
from conftest import jpeg_upload
from wordpress.models import Comment

EVERYTHING = {"list", "add", "change", "history", "delete"}
READ = {"list", "change", "history"}
EDITOR = {
    "blog.article": EVERYTHING,
    "blog.category": EVERYTHING - {"delete"},
    "clinic.location": READ,  # its public details: changes, but never adds or deletes
    "clinic.person": EVERYTHING - {"delete"},
    "clinic.picture": EVERYTHING,
    "clinic.redirect": EVERYTHING,
    "clinic.sitesettings": READ,
    "clinic_site.menuitem": EVERYTHING,
    "clinic.specialty": EVERYTHING,
    "pages.page": EVERYTHING,
    "search.synonym": EVERYTHING,
    "taggit.tag": EVERYTHING,
    "wordpress.comment": READ | {"delete"},  # with its article, or on request
}
FRONT_DESK = {
    "appointments.appointmentrequest": READ,
    "clinic.location": READ,
    "appointments.notification": READ,
}
NEVER = {
    "clinic.sitesettings": {"add", "delete"},  # one record, made by a migration
    "appointments.appointmentrequest": {"add"},
    "appointments.notification": {"add", "delete"},
    "appointments.accessrecord": {"add", "delete"},
    "axes.accessattempt": {"add"},  # sign-in records are made by sign-ins only
    "axes.accesslog": {"add"},
    "axes.accessfailurelog": {"add"},
    "wordpress.comment": {"add"},  # kept from WordPress by the import only
}
ADMINISTRATOR = {
    model._meta.label_lower: EVERYTHING - NEVER.get(model._meta.label_lower, set())
    for model in admin.site._registry
}
ROLES = {"editor": EDITOR, "front_desk": FRONT_DESK, "administrator": ADMINISTRATOR}


@pytest.fixture
def one_of_everything(
    make_article, make_page, make_request, editor, front_desk, administrator
):
    article = make_article(tags=["knee"])
    make_page()
    Redirect.objects.create(old_path="/old/", target=article)
    Comment.objects.create(
        article=article, wordpress_id=1, author_name="Sam Lee", text="Thank you!"
    )
    Specialty.objects.create(name="Sports medicine")
    Picture.objects.create(image=jpeg_upload(), description="A knee")
    request = make_request()
    Notification.objects.create(request=request, kind="staff")
    AccessRecord.objects.create(
        username="x", action="view", references="R", request_count=1
    )
    AccessAttempt.objects.create(
        username="x", ip_address="10.0.0.1", failures_since_start=1
    )
    AccessLog.objects.create(username="x", ip_address="10.0.0.1")
    AccessFailureLog.objects.create(username="x", ip_address="10.0.0.1")
    StaticDevice.objects.create(user=administrator, name="backup")
    TOTPDevice.objects.create(user=administrator, name="default")
    return request


def address(model, action) -> str:
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
    if action == "list":
        return reverse(name + "changelist")
    if action == "add":
        return reverse(name + "add")
    return reverse(
        name + action, args=[model._default_manager.order_by("pk").first().pk]
    )


@pytest.mark.parametrize("role", ["anonymous", *ROLES])
def test_every_admin_address_answers_by_role(
    role, one_of_everything, request, sign_in, client
):
    if role != "anonymous":
        sign_in(request.getfixturevalue(role))
    wrong = []
    for model in admin.site._registry:
        allowed = (
            {} if role == "anonymous" else ROLES[role].get(model._meta.label_lower, {})
        )
        for action in sorted(EVERYTHING):
            url = address(model, action)
            response = client.get(url)
            if response.status_code == 302 and role != "anonymous":
                response = client.get(response.url)  # a list that leads to its form
            status = response.status_code
            expected = 302 if role == "anonymous" else 200 if action in allowed else 403
            if status != expected:
                wrong.append(f"{url}: {status}, expected {expected}")
    assert wrong == []


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("editor", 200), ("front_desk", 403), ("administrator", 200)],
)
def test_the_picture_picker_answers_by_role(
    db, role, expected, request, sign_in, client
):
    if role != "anonymous":
        sign_in(request.getfixturevalue(role))
    response = client.get(reverse("admin:clinic_picture_picker"))
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("editor", 403), ("front_desk", 200), ("administrator", 200)],
)
def test_the_export_answers_by_role(
    role, expected, one_of_everything, request, sign_in, client
):
    if role != "anonymous":
        sign_in(request.getfixturevalue(role))
    response = client.post(
        reverse("admin:appointments_appointmentrequest_changelist"),
        {"action": "export_csv", "_selected_action": [one_of_everything.pk]},
    )
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("editor", 200), ("front_desk", 200), ("administrator", 200)],
)
def test_the_source_report_is_for_staff_who_work_with_articles_or_requests(
    role, expected, db, request, sign_in, client
):
    if role != "anonymous":
        sign_in(request.getfixturevalue(role))
    assert client.get(reverse("admin:request_sources")).status_code == expected


def test_staff_without_a_role_see_nothing(db, django_user_model):
    nobody = django_user_model.objects.create_user("nobody", is_staff=True)
    client = Client()
    client.force_login(nobody)
    assert client.get("/admin/appointments/appointmentrequest/").status_code == 403
    assert client.get("/admin/blog/article/").status_code == 403
    assert client.get(reverse("admin:request_sources")).status_code == 403


def autocomplete(client, model, field, term=""):
    app_label, model_name = model.split(".")
    query = {
        "app_label": app_label,
        "model_name": model_name,
        "field_name": field,
        "term": term,
    }
    return client.get(reverse("admin:autocomplete"), query)


@pytest.mark.parametrize(
    ("role", "model", "field"),
    [
        ("front_desk", "blog.article", "appointment_requests"),
        ("front_desk", "clinic.person", "articles"),
        ("editor", "clinic.person", "articles"),
        ("editor", "appointments.appointmentrequest", "source_article"),
        ("administrator", "blog.article", "appointment_requests"),
    ],
)
def test_autocomplete_over_a_field_the_user_cannot_fill_in_is_refused(
    role, model, field, one_of_everything, request, sign_in, client
):
    sign_in(request.getfixturevalue(role))
    # 404 where the searched admin never autocompletes (requests: see their admin)
    assert autocomplete(client, model, field).status_code in (403, 404)


@pytest.mark.parametrize(
    ("model", "field"),
    [
        ("blog.article", "author"),
        ("blog.article", "tags"),
        ("blog.relatedpick", "to_article"),
    ],
)
def test_editors_autocomplete_the_fields_of_their_forms(
    model, field, one_of_everything, editor, sign_in, client
):
    sign_in(editor)
    response = autocomplete(client, model, field)
    assert response.status_code == 200
    assert response.json()["results"]
