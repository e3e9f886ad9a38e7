"""Fixtures shared by the blog's tests."""

import pytest


@pytest.fixture
def article_form(author, blog_category):
    """POST data for the admin's add-article form (a draft); override by keyword."""

    def form(**overrides):
        data = {
            "title": "Shin splints in new runners",
            "slug": "shin-splints",
            "summary": "Why the front of the shin hurts when you start running.",
            "body": "<h2>What it is</h2><p>Pain along the <strong>shin</strong>.</p>",
            "featured_image_alt": "",
            "author": str(author.pk),
            "medical_reviewer": "",
            "reviewed_on": "",
            "categories": [str(blog_category.pk)],
            "tags": [],
            "new_tags": "running, shin",
            "status": "draft",
            "published_at_0": "",
            "published_at_1": "",
            "seo_title": "",
            "meta_description": "",
            "related_pick_links-TOTAL_FORMS": "0",
            "related_pick_links-INITIAL_FORMS": "0",
        }
        return data | overrides

    return form
