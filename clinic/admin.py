from itertools import combinations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models

from clinic import images
from clinic.models import Closure, Location, OpeningHours, Person, Redirect


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
