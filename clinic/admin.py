from itertools import combinations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html

from clinic import images
from clinic.models import (
    Closure,
    Location,
    OpeningHours,
    Person,
    Picture,
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
    list_display = ["old_path", "target", "new_path"]
    list_select_related = ["content_type"]
    search_fields = ["old_path"]


class PictureForm(forms.ModelForm):
    class Meta:
        model = Picture
        fields = ["image", "description", "credit"]
        field_classes = {"image": images.PictureFormField}


@admin.register(Picture)
class PictureAdmin(admin.ModelAdmin):
    """The picture library: what article and page bodies show as figures.

    The editor's figure dialog opens `picker` in a small window: choose a picture
    there, or upload one, and it goes into the text with its description.
    """

    form = PictureForm
    list_display = ["thumbnail", "description", "credit", "created_at"]
    list_display_links = ["thumbnail", "description"]
    search_fields = ["description", "credit"]
    readonly_fields = ["thumbnail", "used_in"]
    fields = ["image", "thumbnail", "description", "credit", "used_in"]
    picker_size = 60

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("uses__used_in")

    def get_urls(self):
        picker = self.admin_site.admin_view(self.picker)
        return [
            path("picker/", picker, name="clinic_picture_picker"),
            *super().get_urls(),
        ]

    @admin.display(description="Picture")
    def thumbnail(self, picture):
        if not picture.pk:
            return "-"
        return format_html(
            '<img src="{}" alt="" width="120" class="picture-thumbnail">',
            picture.sources.fallback,
        )

    @admin.display(description="Shown in")
    def used_in(self, picture):
        uses = [str(use.used_in) for use in picture.uses.all()]
        return ", ".join(uses) or "Nothing yet: it can be deleted."

    def picker(self, request):
        """Choose a picture for a figure, or upload one (it is chosen at once)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        can_add = self.has_add_permission(request)
        form, chosen = None, None
        if can_add:
            form = PictureForm(request.POST or None, request.FILES or None)
            if request.method == "POST" and form.is_valid():
                chosen = form.save()
                self.log_addition(request, chosen, [{"added": {}}])
                form = PictureForm()
        query = request.GET.get("q", "").strip()
        pictures = Picture.objects.all()
        if query:
            pictures = pictures.filter(description__icontains=query)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Choose a picture",
            "is_popup": True,
            "pictures": pictures[: self.picker_size],
            "query": query,
            "form": form,
            "chosen": chosen,
        }
        return TemplateResponse(request, "admin/clinic/picture/picker.html", context)
