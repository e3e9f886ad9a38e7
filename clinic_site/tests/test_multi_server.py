"""Two app servers sharing one PostgreSQL and one Redis behave as one site.

Starts two gunicorn instances (and two notification workers) on 127.0.0.1 against a
throwaway PostgreSQL database and a private Redis key prefix. Skipped when
PostgreSQL or Redis does not answer on 127.0.0.1.
"""

import http.cookiejar
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid

import pytest

from bench.serve import BASE_DIR, Gunicorn, bench_environment, manage
from clinic_site.tests.smtp_sink import SMTPSink

pytestmark = pytest.mark.services
PASSWORD = "multi-server-password-1"


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def services():
    if not (answers(5432) and answers(6379)):
        pytest.skip("PostgreSQL and Redis must answer on 127.0.0.1 (CI has both)")
    import psycopg

    name = f"clinic_multi_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(
        "postgresql://postgres@127.0.0.1/postgres", autocommit=True
    ) as pg:
        pg.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(
            "postgresql://postgres@127.0.0.1/postgres", autocommit=True
        ) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def site(services, tmp_path_factory):
    """Two servers, two workers and a mail sink, sharing PostgreSQL and Redis."""
    folder = tmp_path_factory.mktemp("multi")
    with SMTPSink() as sink:
        env = bench_environment(
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{services}",
            REDIS_URL="redis://127.0.0.1:6379/0",
            CACHE_KEY_PREFIX=f"multi-{services}",
            STATIC_ROOT=str(folder / "static"),
            MEDIA_ROOT=str(folder / "media"),
            APPOINTMENT_RATE_LIMIT="3/600",
            APPOINTMENT_MIN_FILL_SECONDS="0",
            APPOINTMENT_NOTIFY_EMAILS="frontdesk@clinic.example",
            NOTIFICATIONS_INLINE="false",
            READERSHIP_BATCH_SECONDS="1",  # counts written within seconds
            DJANGO_BEHIND_PROXY="true",  # visitors told apart by X-Forwarded-For
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(sink.port),
            EMAIL_USE_TLS="false",
        )
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        manage(env, "shell", "-c", SETUP.format(password=PASSWORD))
        workers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "notification_worker",
                    "--interval",
                    "0.2",
                ],
                cwd=BASE_DIR,
                env=env,
                stdout=subprocess.DEVNULL,
            )
            for _ in range(2)
        ]
        try:
            with Gunicorn(env, workers=1) as a, Gunicorn(env, workers=1) as b:
                yield a, b, sink, env
        finally:
            for worker in workers:
                worker.terminate()
                worker.wait(timeout=15)


SETUP = """
from django.contrib.auth.models import Group, User

from blog.models import Article, Category
from clinic.models import Location, Person
editor = User.objects.create_user("editor", password="{password}", is_staff=True)
editor.groups.add(Group.objects.get(name="Editors"))
Location.objects.create(name="Main", slug="main", street_address="1 Main St",
    city="Cambridge", region="MA", postal_code="02139", phone="(617) 555-0110")
author = Person.objects.create(name="Dana Whitfield", slug="dana")
draft = Article.objects.create(title="Shared draft", slug="shared-draft", summary="s",
    body="<p>b</p>", author=author, status="draft")
draft.categories.add(Category.objects.get(slug="blog"))
"""


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects."""

    def __init__(self, address="10.0.0.1"):
        self.address = address  # as the proxy in front of the servers would report it
        self.cookies = http.cookiejar.CookieJar()
        handler = urllib.request.HTTPCookieProcessor(self.cookies)

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(handler, NoRedirect)

    def request(self, url, data=None, headers=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data else None
        headers = {"X-Forwarded-For": self.address, **(headers or {})}
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, response.read().decode(), dict(response.headers)

    def csrf(self):
        return next(c.value for c in self.cookies if c.name == "csrftoken")


def sign_in(browser, server):
    browser.request(f"{server.url}/account/login/")
    status, _, _ = browser.request(
        f"{server.url}/account/login/",
        {
            "csrfmiddlewaretoken": browser.csrf(),
            "login_view-current_step": "auth",
            "auth-username": "editor",
            "auth-password": PASSWORD,
        },
        {"Referer": f"{server.url}/account/login/"},
    )
    assert status == 302


def request_form(browser, server):
    status, page, _ = browser.request(f"{server.url}/appointments/request/")
    assert status == 200
    return {
        "csrfmiddlewaretoken": browser.csrf(),
        "form_token": re.search(r'name="form_token" value="([^"]+)"', page).group(1),
        "full_name": "Ada Example",
        "phone": "(617) 555-0123",
        "email": "ada@example.com",
        "contact_method": "phone",
        "patient_type": "new",
        "location": re.search(r'<option value="(\d+)">', page).group(1),
        "preferred_time": "any",
        "reason": "Knee pain",
        "consent": "on",
        "website": "",
    }


def test_an_article_published_on_a_shows_on_b_cached_pages_at_once(site):
    a, b, _, _ = site
    visitor = Browser()
    visitor.request(f"{b.url}/blog/")
    _, cached, _ = visitor.request(f"{b.url}/blog/")
    assert "Shared draft" not in cached
    editor = Browser()
    sign_in(editor, a)
    _, changelist, _ = editor.request(f"{a.url}/admin/blog/article/")
    article_id = re.search(r'name="_selected_action" value="(\d+)"', changelist).group(
        1
    )
    status, _, _ = editor.request(
        f"{a.url}/admin/blog/article/",
        {
            "csrfmiddlewaretoken": editor.csrf(),
            "action": "publish_now",
            "_selected_action": article_id,
        },
        {"Referer": f"{a.url}/admin/blog/article/"},
    )
    assert status == 302
    _, page, _ = visitor.request(f"{b.url}/blog/")
    assert "Shared draft" in page


def test_a_staff_session_made_on_a_works_on_b(site):
    a, b, _, _ = site
    editor = Browser()
    sign_in(editor, a)
    status, page, _ = editor.request(f"{b.url}/admin/blog/article/")
    assert status == 200 and "Select article to change" in page


def test_a_visitor_limited_on_a_is_limited_on_b(site):
    a, b, _, _ = site
    visitor = Browser(address="10.0.0.42")
    headers = {"Referer": f"{a.url}/appointments/request/"}
    statuses = []
    for server in (a, a, a, b):
        form = request_form(visitor, server)
        statuses.append(
            visitor.request(f"{server.url}/appointments/request/", form, headers)[0]
        )
    assert statuses == [302, 302, 302, 429]


def test_a_request_made_on_b_is_notified_exactly_once_by_two_workers(site):
    _, b, sink, env = site
    visitor = Browser(address="10.0.0.99")
    form = request_form(visitor, b)
    form["full_name"] = "Notified Once"
    status, _, headers = visitor.request(
        f"{b.url}/appointments/request/",
        form,
        {"Referer": f"{b.url}/appointments/request/"},
    )
    assert status == 302
    reference = find_reference(env, "Notified Once")
    claims = CLAIMS.format(reference=reference)
    sent_once = "[('sent', 1), ('sent', 1)]"  # a second claim counts a second attempt
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and shell(env, claims) != sent_once:
        time.sleep(0.2)
    assert shell(env, claims) == sent_once
    subjects = sorted(message["Subject"] for message in about(sink, reference))
    assert subjects == [
        f"New appointment request {reference}",
        f"We received your appointment request ({reference})",
    ]


CLAIMS = (
    "from appointments.models import Notification;"
    "print(sorted(Notification.objects.filter(request__reference={reference!r})"
    ".values_list('state', 'attempts')))"
)


def test_views_on_a_and_b_add_up_exactly_written_by_two_workers(site):
    a, b, _, env = site
    reader = {
        "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 "
        "Firefox/133.0",
        "Accept": "text/html",
    }
    readers = iter(range(12))  # each its own address: a reader again counts once
    for server, views in ((a, 7), (b, 5)):
        for _ in range(views):
            headers = reader | {"X-Forwarded-For": f"198.51.100.{next(readers)}"}
            status, _, _ = Browser().request(
                f"{server.url}/locations/", headers=headers
            )
            assert status == 200
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and views_of(env, "/locations/") < 12:
        time.sleep(0.5)
    time.sleep(2)  # time for a second write of the same batch, if there were one
    assert views_of(env, "/locations/") == 12


def views_of(env, path) -> int:
    code = (
        "from django.db.models import Sum; from readership.models import PageViews;"
        f"print(PageViews.objects.filter(path={path!r}).aggregate(n=Sum('views'))['n'])"
    )
    return int(shell(env, code).replace("None", "0"))


def about(sink, reference):
    return [m for m in sink.messages if reference in m["Subject"]]


def find_reference(env, name) -> str:
    code = (
        "from appointments.models import AppointmentRequest;"
        f"print(AppointmentRequest.objects.get(full_name={name!r}).reference)"
    )
    return shell(env, code)


def shell(env, code) -> str:
    """The last line `manage.py shell -c code` prints, run against the servers'
    database."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=env | {"PYTHONWARNINGS": "ignore"},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]
