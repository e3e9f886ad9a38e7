"""The site settings: one record, edited in the admin; the browser icons are made
from its logo."""

import importlib
import io
import re

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from clinic import colors, icons
from clinic.models import SiteSettings
from conftest import error_beside, jpeg_upload

FORM = reverse("admin:clinic_sitesettings_change", args=[1])


def png_logo(size=(600, 200)) -> SimpleUploadedFile:
    """A wide logo on a transparent background, as clinics usually have."""
    logo = Image.new("RGBA", size, (0, 0, 0, 0))
    logo.paste((11, 85, 99, 255), (20, 20, size[0] - 20, size[1] - 20))
    buffer = io.BytesIO()
    logo.save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def settings_form():
    """POST data for the settings' change form; override by keyword."""

    def form(**overrides):
        data = {
            "name": "Harbor Orthopedics",
            "description": "Bone and joint care on the South Shore.",
            "phone": "(508) 555-0199",
            "emergency_notice": "In a medical emergency, call 911.",
            "footer_text": "General information, not medical advice.",
            "facebook": "https://www.facebook.com/harbor-ortho",
            "instagram": "",
            "youtube": "",
            "linkedin": "",
            "x": "",
            "share_image_alt": "",
            "primary_color": "#0b5563",
            "accent_color": "#b3461b",
        }
        return data | overrides

    return form


def test_the_first_migrate_takes_name_and_phone_from_the_environment(db, settings):
    SiteSettings.objects.all().delete()
    settings.CLINIC_NAME = "Harbor Orthopedics"
    settings.CLINIC_PHONE = "(508) 555-0199"
    migration = importlib.import_module("clinic.migrations.0007_site_settings")
    migration.create_from_environment(apps, schema_editor=None)
    record = SiteSettings.objects.get()
    assert (record.name, record.phone) == ("Harbor Orthopedics", "(508) 555-0199")


def test_without_a_record_the_environment_still_names_the_clinic(db, settings):
    SiteSettings.objects.all().delete()
    assert SiteSettings.objects.current().name == settings.CLINIC_NAME


def test_the_settings_list_leads_straight_to_the_form(editor_client):
    response = editor_client.get(reverse("admin:clinic_sitesettings_changelist"))
    assert response.status_code == 302
    assert response.url == FORM


def test_there_is_never_a_second_record_nor_none(client, administrator, sign_in):
    sign_in(administrator)
    assert client.get(reverse("admin:clinic_sitesettings_add")).status_code == 403
    delete = reverse("admin:clinic_sitesettings_delete", args=[1])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert SiteSettings.objects.count() == 1


def test_an_editor_saves_the_settings(editor_client, settings_form):
    response = editor_client.post(FORM, settings_form())
    assert response.status_code == 302, response.context["adminform"].errors
    record = SiteSettings.objects.get()
    assert record.name == "Harbor Orthopedics"
    assert record.social_links == [
        ("Facebook", "https://www.facebook.com/harbor-ortho")
    ]
    back = editor_client.get(response.url, follow=True)
    assert back.redirect_chain[-1][0] == FORM
    assert "was changed successfully" in back.content.decode()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("field", "change", "message"),
    [
        ("phone", {"phone": "call us"}, "Enter the number as patients dial it"),
        ("name", {"name": ""}, "This field is required."),
        ("facebook", {"facebook": "ftp://facebook.com/x"}, "starts with https://"),
        (
            "share_image_alt",
            {"share_image": jpeg_upload("share.jpg")},
            "Describe the share image",
        ),
        (
            "logo",
            {"logo": SimpleUploadedFile("logo.svg", SVG, "image/svg+xml")},
            "Upload a valid image",
        ),
    ],
    ids=["phone", "name", "social link", "share image without alt", "svg logo"],
)
def test_a_mistake_is_shown_beside_its_field(
    editor_client, settings_form, field, change, message
):
    response = editor_client.post(FORM, settings_form(**change))
    assert response.status_code == 200
    assert message in error_beside(response, field)
    assert SiteSettings.objects.get().name != "Harbor Orthopedics"


def test_a_logo_makes_the_favicon_and_the_touch_icon(editor_client, settings_form):
    response = editor_client.post(FORM, settings_form(logo=png_logo()))
    assert response.status_code == 302, response.context["adminform"].errors
    logo = SiteSettings.objects.get().logo
    assert (logo.width, logo.height) == (600, 200)

    with default_storage.open(icons.icon_name(logo.name, icons.FAVICON)) as stored:
        favicon = Image.open(stored)
        assert favicon.format == "ICO"
        assert favicon.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
    with default_storage.open(icons.icon_name(logo.name, icons.TOUCH_ICON)) as stored:
        touch = Image.open(stored)
        assert (touch.format, touch.size, touch.mode) == ("PNG", (180, 180), "RGB")
        assert touch.getpixel((90, 90)) == (11, 85, 99)  # the logo, centred
        assert touch.getpixel((90, 5)) == (255, 255, 255)  # a wide logo's margin


def test_the_default_icon_is_drawn_without_a_logo():
    drawn = icons.default_icons()
    favicon = Image.open(io.BytesIO(drawn[icons.FAVICON]))
    assert favicon.format == "ICO" and (48, 48) in favicon.info["sizes"]
    touch = Image.open(io.BytesIO(drawn[icons.TOUCH_ICON]))
    assert touch.size == (180, 180)
    assert touch.getpixel((90, 90)) == (255, 255, 255)  # the cross
    assert touch.getpixel((30, 90)) == icons.BRAND_TEAL


def test_new_brand_colours_are_served_to_every_page(
    editor_client, settings_form, client
):
    response = editor_client.post(
        FORM, settings_form(primary_color="#5B2A86", accent_color="#8a3b12")
    )
    assert response.status_code == 302, response.context["adminform"].errors
    page = client.get("/").content.decode()
    stylesheet = re.search(r'<link rel="stylesheet" href="(/brand\.css\?v=\w+)">', page)
    served = client.get(stylesheet[1])
    css = served.content.decode()
    assert "--brand:#5b2a86;" in css
    assert "--accent:#8a3b12;" in css
    assert served["Content-Type"] == "text/css"
    assert "immutable" in served["Cache-Control"]


def test_a_stylesheet_address_naming_old_colours_is_not_kept(client, db):
    served = client.get("/brand.css?v=old")
    assert "--brand:#0b5563;" in served.content.decode()
    assert "max-age=0" in served["Cache-Control"]


@pytest.mark.parametrize("field", ["primary_color", "accent_color"])
def test_a_colour_too_light_to_read_is_refused_with_its_ratio_and_a_shade_that_passes(
    editor_client, settings_form, field
):
    response = editor_client.post(FORM, settings_form(**{field: "#3FA7B5"}))
    assert response.status_code == 200
    error = error_beside(response, field)
    assert "contrast of 2.61:1, below the 4.5:1 that WCAG AA asks for" in error
    shade = re.search(r"A darker shade of it, (#[0-9a-f]{6}), has", error)[1]
    assert colors.contrast_ratio(shade, colors.WASH) >= 4.5
    assert 'value="#3FA7B5"' in response.content.decode()
    assert SiteSettings.objects.get().primary_color == "#0b5563"
    # The suggestion is accepted as it is.
    response = editor_client.post(FORM, settings_form(**{field: shade}))
    assert response.status_code == 302


def test_a_colour_that_is_not_hexadecimal_is_refused(editor_client, settings_form):
    response = editor_client.post(FORM, settings_form(primary_color="teal"))
    assert "# and six hexadecimal digits" in error_beside(response, "primary_color")


def test_contrast_ratios_follow_wcag():
    assert colors.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert colors.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert colors.readable_shade("#0b5563", colors.WASH) == "#0b5563"
