"""The demo clinic that `make run` serves."""

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_static.models import StaticToken

from blog.models import Article, Category
from clinic.models import Location, Person
from clinic_site.models import MenuItem


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_seed_demo_refuses_to_run_in_production(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DJANGO_DEBUG=true"):
        call_command("seed_demo")


def test_the_demo_has_what_the_issue_asks_for(demo):
    assert Article.objects.published().count() >= 12
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
    assert Article.objects.scheduled().count() == 1
    assert Article.objects.values("tags").distinct().count() >= 15
    assert Person.objects.count() == 3 and Location.objects.count() == 2
    for slug in ["blog", "featured", "news"]:
        assert Category.objects.get(slug=slug).articles.exists()
    several = [
        a
        for a in Article.objects.prefetch_related("categories")
        if a.categories.count() > 1
    ]
    assert len(several) >= 3
    assert all(article.featured_image for article in Article.objects.all())


def test_the_demo_puts_its_pages_in_the_menus_once_they_exist(
    db, settings, make_page, client
):
    make_page(title="About us", slug="about")
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    about = MenuItem.objects.get(page__path="about")
    assert about.menu == MenuItem.Menu.HEADER
    assert '<li><a href="/about/">About us</a></li>' in client.get("/").text


def test_the_demo_skips_pages_it_does_not_have(demo):
    assert not MenuItem.objects.filter(page__isnull=False).exists()


def test_running_seed_demo_again_changes_nothing(demo, settings):
    before = list(Article.objects.values_list("pk", "updated_at"))
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert list(Article.objects.values_list("pk", "updated_at")) == before


def sign_in_steps(client, username, password, code=None):
    response = client.post(
        "/account/login/",
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
    )
    if code is not None:
        response = client.post(
            "/account/login/",
            {"login_view-current_step": "backup", "backup-otp_token": code},
        )
    return response


def test_the_demo_editor_signs_in_with_the_demo_password(demo, client, settings):
    response = sign_in_steps(client, "editor", settings.DEMO_PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("username", ["frontdesk", "admin"])
def test_demo_accounts_that_see_requests_sign_in_with_a_printed_backup_code(
    demo, client, settings, username
):
    code = StaticToken.objects.filter(device__user__username=username).first().token
    sign_in_steps(client, username, settings.DEMO_PASSWORD, code)
    response = client.get("/admin/appointments/appointmentrequest/")
    assert response.status_code == 200


def test_every_demo_article_links_to_the_request_form_with_its_own_slug(demo, client):
    for article in Article.objects.published():
        page = client.get(article.get_absolute_url()).content.decode()
        assert f'href="/appointments/request/?article={article.slug}"' in page
