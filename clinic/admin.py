from django import forms
from django.contrib import admin
from django.db import models

from clinic import images
from clinic.models import Location, Person, Redirect, Specialty


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "phone", "active", "position"]
    list_editable = ["active", "position"]


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
