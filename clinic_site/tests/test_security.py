"""Headers, staff sign-in, sessions and request limits."""

import re
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from clinic_site.middleware import LAST_SEEN_AT, SIGNED_IN_AT
from conftest import STAFF_PASSWORD

HEADERS = [
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
]


@pytest.fixture
def static_client(settings):
    settings.WHITENOISE_USE_FINDERS = True
    return Client()


def check_headers(response):
    for header in HEADERS:
        assert header in response, header
    policy = response["Content-Security-Policy"]
    script_src = next(
        p for p in policy.split(";") if p.strip().startswith("script-src")
    )
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    for directive in [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]:
        assert directive in policy
    assert "http" not in policy  # no third-party origin
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/blog/",
        "/no-such-page/",
        "/appointments/request/",
        "/admin/login/",
        "/account/login/",
        "/healthz",
    ],
)
def test_security_headers_on_pages_errors_and_staff_pages(client, db, url):
    check_headers(client.get(url, follow=False))


def test_security_headers_on_static_files(static_client, db):
    response = static_client.get("/static/css/site.css")
    assert response.status_code == 200
    check_headers(response)


def test_security_headers_on_a_500_page(db):
    from unittest import mock

    client = Client(raise_request_exception=False)
    with mock.patch("blog.views.paginate", side_effect=RuntimeError):
        response = client.get("/blog/")
    assert response.status_code == 500
    check_headers(response)


def test_hsts_and_https_redirect_in_production(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/blog/")["Location"] == "https://testserver/blog/"
    response = client.get("/blog/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.parametrize("form", ["admin:blog_article_add", "admin:pages_page_add"])
def test_the_admin_editor_runs_by_nonce_not_by_inline_permission(
    client, editor, sign_in, form
):
    sign_in(editor)
    response = client.get(reverse(form))
    nonce = response.wsgi_request.csp_nonce
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert f'<script type="importmap" nonce="{nonce}">' in response.content.decode()


def test_public_pages_load_nothing_from_other_sites_and_carry_no_nonce(
    client, make_article, location, settings
):
    article = make_article(body='<p><a href="https://medlineplus.gov/">A link</a></p>')
    for url in [
        "/",
        "/blog/",
        article.get_absolute_url(),
        "/appointments/request/",
        "/locations/",
        location.get_absolute_url(),  # directions: a plain link to the map service
    ]:
        response = client.get(url)
        assert "nonce" not in response["Content-Security-Policy"]
        page = response.content.decode()
        loaded = re.findall(r'\ssrc="([^"]+)"', page) + re.findall(
            r'<link[^>]*\shref="([^"]+)"', page
        )
        assert loaded, url
        for address in loaded:
            assert address.startswith(("/", settings.SITE_URL)), address


def post_password(client, username, password):
    return client.post(
        "/account/login/",
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
    )


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(
    client, editor
):
    for attempt in range(1, 5):
        assert post_password(client, "editor", "wrong").status_code == 200, attempt
    locked = post_password(client, "editor", "wrong")
    assert locked.status_code == 429
    assert "Sign-in locked for now" in locked.content.decode()
    assert post_password(client, "editor", STAFF_PASSWORD).status_code == 429
    assert client.get("/admin/").status_code == 302  # still not signed in


def test_the_lockout_is_per_username_and_address(client, editor, front_desk):
    for _ in range(5):
        post_password(client, "editor", "wrong")
    assert post_password(client, "editor", STAFF_PASSWORD).status_code == 429
    other_address = Client(REMOTE_ADDR="10.9.8.7")
    assert post_password(other_address, "editor", STAFF_PASSWORD).status_code == 302
    assert post_password(client, "frontdesk", STAFF_PASSWORD).status_code == 302


def test_front_desk_must_set_up_a_second_factor_before_seeing_requests(
    client, front_desk
):
    assert post_password(client, "frontdesk", STAFF_PASSWORD).status_code == 302
    response = client.get("/admin/appointments/appointmentrequest/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("enrolment_code")


def test_editors_sign_in_with_a_password_alone(client, editor):
    post_password(client, "editor", STAFF_PASSWORD)
    assert client.get("/admin/blog/article/").status_code == 200


def test_with_a_device_front_desk_is_asked_for_a_code(client, front_desk):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=front_desk, name="default")
    response = post_password(client, "frontdesk", STAFF_PASSWORD)
    assert (
        response.status_code == 200 and "token-otp_token" in response.content.decode()
    )
    assert client.get("/admin/appointments/appointmentrequest/").status_code == 302
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"
    response = client.post(
        "/account/login/",
        {"login_view-current_step": "token", "token-otp_token": code},
    )
    assert response.status_code == 302
    assert client.get("/admin/appointments/appointmentrequest/").status_code == 200


@pytest.fixture
def clock(monkeypatch):
    """The staff session's clock, standing still where the tests put it."""
    clock = SimpleNamespace(time=lambda: 1_800_000_000.0)
    monkeypatch.setattr("clinic_site.middleware.time", clock)
    return clock


def age_session(client, clock, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = clock.time() - ago
    session.save()


def test_a_staff_session_ends_after_30_idle_minutes(client, editor, clock):
    post_password(client, "editor", STAFF_PASSWORD)
    age_session(client, clock, last_seen_at=31 * 60)
    response = client.get("/admin/blog/article/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    assert client.get("/admin/blog/article/").status_code == 302


def test_a_staff_session_ends_8_hours_after_signing_in_however_active(
    client, editor, clock
):
    post_password(client, "editor", STAFF_PASSWORD)
    age_session(client, clock, signed_in_at=8 * 3600 + 1, last_seen_at=5)
    assert client.get("/admin/blog/article/").status_code == 302


def test_an_active_session_goes_on(client, editor, clock):
    post_password(client, "editor", STAFF_PASSWORD)
    age_session(client, clock, last_seen_at=25 * 60, signed_in_at=7 * 3600)
    assert client.get("/admin/blog/article/").status_code == 200
    assert client.session[LAST_SEEN_AT] == clock.time()
    assert SIGNED_IN_AT in client.session


def test_logging_out_ends_the_session_for_good(client, editor):
    post_password(client, "editor", STAFF_PASSWORD)
    cookie = client.cookies["sessionid"].value
    client.post(reverse("admin:logout"))
    stale = Client()
    stale.cookies["sessionid"] = cookie
    assert stale.get("/admin/blog/article/").status_code == 302


def test_the_session_cookie_is_secure_httponly_and_samesite(client, editor):
    post_password(client, "editor", STAFF_PASSWORD)
    cookie = client.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "http:evil"],
)
def test_no_next_parameter_leads_off_the_site(client, editor, next_url):
    client.get("/account/login/", {"next": next_url})
    response = client.post(
        f"/account/login/?next={next_url}",
        {
            "login_view-current_step": "auth",
            "auth-username": "editor",
            "auth-password": STAFF_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert "evil" not in response["Location"]


def test_oversized_bodies_are_refused_before_they_are_read(client, db):
    response = client.generic(
        "POST", "/appointments/request/", b"x", CONTENT_LENGTH=str(10 * 1024 * 1024)
    )
    assert response.status_code == 413
    staff = client.generic(
        "POST", "/admin/login/", b"x", CONTENT_LENGTH=str(50 * 1024 * 1024)
    )
    assert staff.status_code == 413
