from django.contrib import admin
from django.db import models

from clinic import images
from clinic.publishing_admin import PublicationStateFilter, PublishableAdmin
from pages.models import Page


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ["title", "address", "kind", "state", "published_at", "preview"]
    list_filter = [PublicationStateFilter, "kind"]
    search_fields = ["title", "summary", "body"]
    ordering = ["path"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["preview", "created_at", "updated_at", "wording_changed_at"]
    formfield_overrides = {
        models.ImageField: {"form_class": images.PictureFormField},
    }
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "position", "kind"]}),
        (None, {"fields": ["summary", "body"]}),
        ("Share image", {"fields": ["share_image", "share_image_alt"]}),
        ("Publishing", {"fields": ["status", "published_at", "preview"]}),
        (
            "Search engines",
            {"fields": ["seo_title", "meta_description"], "classes": ["collapse"]},
        ),
        (
            "Record",
            {
                "fields": ["created_at", "updated_at", "wording_changed_at"],
                "classes": ["collapse"],
            },
        ),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "parent":
            field.label_from_instance = lambda page: f"{page} (/{page.path}/)"
        return field

    @admin.display(description="Address", ordering="path")
    def address(self, obj):
        return obj.get_absolute_url()
