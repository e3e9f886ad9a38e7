from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect

from clinic import images
from clinic.models import Location, Person, Redirect, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """The one record: its list leads straight to its form; no second, no deleting."""

    fieldsets = [
        (None, {"fields": ["name", "description", "phone", "logo"]}),
        ("Footer", {"fields": ["emergency_notice", "footer_text"]}),
        (
            "Social networks",
            {
                "fields": ["facebook", "instagram", "youtube", "linkedin", "x"],
                "description": "Plain links in the footer, for the networks where "
                "the clinic has a page. Leave the others empty.",
            },
        ),
        ("Link previews", {"fields": ["share_image", "share_image_alt"]}),
    ]
    formfield_overrides = {
        models.ImageField: {"form_class": images.PictureFormField},
        models.URLField: {"assume_scheme": "https"},  # "facebook.com/x" means https
    }

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        record = SiteSettings.objects.first()
        if record is None:
            return redirect("admin:clinic_sitesettings_add")
        return redirect("admin:clinic_sitesettings_change", record.pk)


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "phone", "active", "position"]
    list_editable = ["active", "position"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "credentials", "role", "takes_appointments"]
    list_filter = ["takes_appointments"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "credentials"]
    autocomplete_fields = ["user"]
    formfield_overrides = {
        models.ImageField: {"form_class": images.PictureFormField},
    }


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "target"]
    list_select_related = ["content_type"]
    search_fields = ["old_path"]
