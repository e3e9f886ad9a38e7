from itertools import combinations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models

from clinic import images
from clinic.models import (
    Closure,
    Location,
    OpeningHours,
    Person,
    Redirect,
    Specialty,
)


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
