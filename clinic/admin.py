from itertools import combinations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import redirect

from clinic import images
from clinic.models import (
    Closure,
    Location,
    OpeningHours,
    Person,
    Redirect,
    SiteSettings,
    Specialty,
)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """The one record: its list leads straight to its form; no second, no deleting."""

    fieldsets = [
        (None, {"fields": ["name", "description", "phone", "logo"]}),
        (
            "Brand colours",
            {
                "fields": ["primary_color", "accent_color"],
                "description": "Colours too light for text to be read on them are "
                "refused, with a darker shade of the same colour that passes.",
            },
        ),
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


class OpeningHoursFormSet(forms.BaseInlineFormSet):
    def clean(self):
        """Hours of one day may not overlap (a lunch break is a gap between two)."""
        super().clean()
        rows = [
            form
            for form in self.forms
            if form.cleaned_data
            and not form.errors
            and not self._should_delete_form(form)
        ]
        for earlier, later in combinations(rows, 2):
            first, second = earlier.instance, later.instance
            if (
                first.weekday == second.weekday
                and first.opens < second.closes
                and second.opens < first.closes
            ):
                later.add_error(
                    "opens",
                    ValidationError(
                        f"This overlaps {first.span} on {first.get_weekday_display()}.",
                        code="overlap",
                    ),
                )


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    formset = OpeningHoursFormSet
    extra = 1
    formfield_overrides = {
        models.TimeField: {
            "widget": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
        },
    }


class ClosureInline(admin.TabularInline):
    model = Closure
    extra = 1


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "phone", "active", "position"]
    list_editable = ["active", "position"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "active", "position"]}),
        (
            "Address and phone",
            {"fields": ["street_address", "city", "region", "postal_code", "phone"]},
        ),
        ("Visiting", {"fields": ["hours_note", "parking"]}),
    ]
    inlines = [OpeningHoursInline, ClosureInline]


@admin.register(Specialty)
class SpecialtyAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "credentials",
        "role",
        "clinician",
        "takes_appointments",
        "position",
    ]
    list_editable = ["position"]
    list_filter = ["clinician", "takes_appointments", "specialties", "locations"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "credentials"]
    autocomplete_fields = ["user", "specialties"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "credentials", "role", "bio", "photo"]}),
        (
            "Physicians directory",
            {
                "fields": [
                    "clinician",
                    "addressed_as",
                    "specialties",
                    "locations",
                    "accepts_new_patients",
                    "takes_appointments",
                    "position",
                ]
            },
        ),
        ("Staff account", {"fields": ["user"]}),
    ]
    formfield_overrides = {
        models.ImageField: {"form_class": images.PictureFormField},
    }

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "locations":  # a handful: one box each
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "target"]
    list_select_related = ["content_type"]
    search_fields = ["old_path"]
