"""The demo clinic that `make run` serves."""

import io
import re
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from PIL import Image

from blog.models import Article, Category
from clinic.models import Location, Person, SiteSettings
from clinic_site.demo import illustrations
from clinic_site.management.commands.seed_demo import Command as SeedDemo
from clinic_site.models import MenuItem
from pages.models import Page


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_make_run_links_to_the_port_it_serves():
    commands = subprocess.run(
        ["make", "--dry-run", "run", "PORT=8801"],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "SITE_URL=http://127.0.0.1:8801 " in commands
    assert "runserver 127.0.0.1:8801" in commands


def test_seed_demo_refuses_to_run_in_production(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DJANGO_DEBUG=true"):
        call_command("seed_demo")


def test_the_demo_has_what_the_issue_asks_for(demo):
    assert Article.objects.published().count() >= 12
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
    assert Article.objects.scheduled().count() == 1
    assert Article.objects.values("tags").distinct().count() >= 15
    assert Person.objects.count() == 4 and Location.objects.count() == 2
    for slug in ["blog", "featured", "news"]:
        assert Category.objects.get(slug=slug).articles.exists()
    several = [
        a
        for a in Article.objects.prefetch_related("categories")
        if a.categories.count() > 1
    ]
    assert len(several) >= 3
    assert all(article.featured_image for article in Article.objects.all())


def test_demo_pictures_are_drawings_of_their_subject_in_the_brand_colours(db, settings):
    settings.DEBUG = True
    site = SiteSettings.objects.get()
    site.primary_color = "#5b2a86"
    site.save()
    call_command("seed_demo", stdout=io.StringIO())
    knee = Article.objects.get(slug="knee-pain-on-stairs")
    assert knee.featured_image_alt == illustrations.DESCRIPTIONS["knee"]
    with knee.featured_image.open() as file:
        paper = Image.open(file).convert("RGB").getpixel((4, 4))
    expected = illustrations.tint("#5b2a86", 0.9)
    assert all(abs(a - b) <= 4 for a, b in zip(paper, expected, strict=True))
    descriptions = set(illustrations.DESCRIPTIONS.values())
    assert {a.featured_image_alt for a in Article.objects.all()} <= descriptions
    assert Page.objects.get(path="about").share_image_alt in descriptions


def test_the_demo_has_the_clinic_s_pages(demo, client):
    public = Page.objects.published()
    for path in ["about", "conditions", "insurance-and-billing", "accessibility"]:
        assert public.filter(path=path).exists(), path
    assert public.filter(parent__path="conditions").count() >= 3
    assert Page.objects.privacy_notice().path == "privacy"
    assert Page.objects.get(path="about").share_image
    for page in public:
        assert client.get(page.get_absolute_url()).status_code == 200, page.path


def test_demo_pages_link_only_to_addresses_that_answer(demo, client):
    for page in Page.objects.published():
        for link in re.findall(r'href="(/[^"]*)"', page.body):
            assert client.get(link).status_code == 200, (page.path, link)


def test_the_demo_menus_lead_to_its_pages(demo, client):
    linked = MenuItem.objects.filter(page__isnull=False)
    assert sorted(linked.values_list("menu", "page__path")) == [
        ("footer", "insurance-and-billing"),
        ("header", "about"),
        ("header", "conditions"),
    ]
    assert '<li><a href="/about/">About us</a></li>' in client.get("/").text


def test_the_demo_locations_have_hours_by_day_closures_and_parking(demo):
    cambridge = Location.objects.get(slug="cambridge")
    waltham = Location.objects.get(slug="waltham")
    assert cambridge.hours_lines == [
        "Mon–Fri 8:00 am – 5:00 pm",
        "Sat 9:00 am – 12:00 pm",
    ]
    assert waltham.hours_lines == [
        "Mon–Thu 7:30 am – 6:00 pm",
        "Fri 7:30 am – 4:00 pm",
    ]
    for location in (cambridge, waltham):
        assert location.parking and location.description
        assert location.closures.filter(starts_on__gt=timezone.localdate()).exists()


def test_the_demo_team_has_profiles_with_pictures_and_a_writer_has_an_author_page(
    demo, client
):
    clinicians = Person.objects.clinicians()
    assert clinicians.count() == 3
    for person in clinicians.prefetch_related("specialties", "locations"):
        assert person.photo and person.photo_width == 640
        assert person.specialties.all() and person.locations.all()
    writer = Person.objects.get(clinician=False)
    assert writer.photo and writer.articles.exists()
    directory = client.get("/physicians/").content.decode()
    assert directory.count('class="person-card"') == 3
    assert writer.name not in directory
    assert client.get(writer.get_absolute_url()).status_code == 200


def test_running_seed_demo_again_changes_nothing(demo, settings):
    before = list(Article.objects.values_list("pk", "updated_at"))
    pages_before = list(Page.objects.values_list("pk", "updated_at"))
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert list(Article.objects.values_list("pk", "updated_at")) == before
    assert list(Page.objects.values_list("pk", "updated_at")) == pages_before


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


def test_a_second_run_prints_fresh_backup_codes_that_work(db, client, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    for token in StaticToken.objects.filter(device__user__username="frontdesk"):
        token.delete()  # every code used up by earlier sign-ins
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    line = next(
        line
        for line in output.getvalue().splitlines()
        if line.strip().startswith("frontdesk")
    )
    after = output.getvalue().split(line, 1)[1]
    codes = re.search(r"single-use codes: (.+)", after)[1].split()
    assert len(codes) == 10
    sign_in_steps(client, "frontdesk", settings.DEMO_PASSWORD, codes[0])
    response = client.get("/admin/appointments/appointmentrequest/")
    assert response.status_code == 200


def test_the_demo_shares_a_default_picture_from_the_home_page_and_the_form(
    demo, client
):
    for url in ["/", "/appointments/request/"]:
        assert '<meta property="og:image" content="http' in client.get(url).text, url


def test_the_demo_prints_the_enrolment_code_its_new_hire_sets_up_with(
    db, client, settings
):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    code = re.search(r"enrolment code (\S+)", output.getvalue())[1]
    sign_in_steps(client, "newhire", settings.DEMO_PASSWORD)
    response = client.post(reverse("enrolment_code"), {"code": code})
    assert response["Location"] == reverse("two_factor:setup")


def test_every_demo_article_links_to_the_request_form_with_its_own_slug(demo, client):
    for article in Article.objects.published():
        page = client.get(article.get_absolute_url()).content.decode()
        assert f'href="/appointments/request/?article={article.slug}"' in page


def test_seeding_the_demo_does_not_warn_of_what_it_is_about_to_add(db, settings):
    settings.DEBUG = True
    said = io.StringIO()
    seed_demo = SeedDemo(stdout=io.StringIO(), stderr=said)
    seed_demo.execute(skip_checks=False, force_color=False, no_color=False)  # as typed
    assert "clinic_site.W" not in said.getvalue()


def test_demo_articles_show_their_own_dates_not_the_seeding_day(demo, client):
    updated = client.get("/blog/osteoporosis-bone-density/").content.decode()
    shown = timezone.localdate(timezone.now() - timedelta(days=30, hours=2))
    assert f'Updated <time datetime="{shown:%Y-%m-%d}' in updated
    untouched = client.get("/blog/carpal-tunnel-numb-hands/").content.decode()
    assert "Updated" not in untouched


def test_demo_articles_show_a_figure_a_table_and_callouts(demo, client):
    page = client.get("/blog/osteoporosis-bone-density/").content.decode()
    assert re.search(r'<figure class="figure"><picture>.*?-480\.webp 480w', page, re.S)
    assert "<caption>What a T-score means</caption>" in page
    sprain = client.get("/blog/ankle-sprain-first-days/").content.decode()
    assert '<div class="callout callout-emergency" role="note">' in sprain
