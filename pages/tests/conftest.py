"""Fixtures shared by the pages' tests."""

import pytest
from django.urls import reverse

ADD = reverse("admin:pages_page_add")


def change_url(page):
    return reverse("admin:pages_page_change", args=[page.pk])


@pytest.fixture
def page_form():
    """POST data for the admin's page form (a draft at /insurance/); override by
    keyword."""

    def form(**overrides):
        data = {
            "title": "Insurance and billing",
            "slug": "insurance",
            "parent": "",
            "position": "0",
            "kind": "standard",
            "summary": "The plans we accept and how billing works.",
            "body": "<h2>Plans we accept</h2><p>Most <strong>major</strong> plans.</p>",
            "share_image_alt": "",
            "status": "draft",
            "published_at_0": "",
            "published_at_1": "",
            "seo_title": "",
            "meta_description": "",
        }
        return data | overrides

    return form


def form_errors(response) -> dict:
    return response.context["adminform"].form.errors
