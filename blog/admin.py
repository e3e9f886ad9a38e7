import reversion
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from taggit.models import Tag
from taggit.utils import parse_tags

from blog.models import (
    REVIEW_INTERVAL,
    Article,
    Category,
    RelatedPick,
    TaggedArticle,
)
from clinic import images, reading_level, site_links
from clinic.publishing_admin import PublicationStateFilter, PublishableAdmin

# An article's history keeps its tags and hand-picked related articles too.
reversion.register(TaggedArticle)
reversion.register(RelatedPick)
reversion.register(Article, follow=["tagged_items", "related_pick_links"])


class MedicalReviewFilter(admin.SimpleListFilter):
    title = "medical review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Overdue (over 12 months, or never)"),
            ("current", "Current"),
        ]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - REVIEW_INTERVAL
        if self.value() == "overdue":
            return queryset.filter(
                models.Q(reviewed_on__isnull=True) | models.Q(reviewed_on__lt=cutoff)
            )
        if self.value() == "current":
            return queryset.filter(reviewed_on__gte=cutoff)
        return queryset


class ArticleAdminForm(forms.ModelForm):
    """Tags: pick existing ones by typing a few letters, or name new ones."""

    tags = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Article._meta.get_field("tags"), admin.site),
        help_text="Start typing to find an existing topic.",
    )
    new_tags = forms.CharField(
        label="New tags",
        required=False,
        help_text="Topics not in the list yet, separated by commas.",
    )
    substantive_update = forms.BooleanField(
        label="This save is a substantive update",
        required=False,
        help_text="Tick it when the advice itself changed (new sections, corrected "
        "facts): readers then see today as “Updated”. Leave it off for typos, "
        "wording and pictures.",
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "featured_image",
            "featured_image_alt",
            "author",
            "medical_reviewer",
            "reviewed_on",
            "categories",
            "tags",
            "status",
            "published_at",
            "seo_title",
            "meta_description",
        ]

    def clean(self):
        cleaned_data = super().clean()
        new_names = parse_tags(cleaned_data.get("new_tags", ""))
        cleaned_data["tags"] = [*cleaned_data.get("tags", []), *new_names]
        return cleaned_data


class RelatedPickInline(admin.TabularInline):
    model = RelatedPick
    fk_name = "from_article"
    fields = ["position", "to_article"]
    autocomplete_fields = ["to_article"]
    extra = 0
    verbose_name = "hand-picked related article"
    verbose_name_plural = (
        "Hand-picked related articles (shown first, smallest position first)"
    )


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "state",
        "published_at",
        "category_list",
        "author",
        "grade",
        "preview",
    ]
    list_filter = [
        PublicationStateFilter,
        "categories",
        "author",
        "tags",
        MedicalReviewFilter,
    ]
    list_select_related = ["author"]
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author", "medical_reviewer"]
    readonly_fields = [
        "checklist",
        "readability",
        "preview",
        "revised_at",
        "created_at",
        "updated_at",
        "reading_minutes",
    ]
    formfield_overrides = {
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
        models.ImageField: {"form_class": images.PictureFormField},
    }
    inlines = [RelatedPickInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "readability"]}),
        ("Picture", {"fields": ["featured_image", "featured_image_alt"]}),
        ("People", {"fields": ["author", "medical_reviewer", "reviewed_on"]}),
        ("Topics", {"fields": ["categories", "tags", "new_tags"]}),
        (
            "Publishing",
            {
                "fields": [
                    "checklist",
                    "status",
                    "published_at",
                    "substantive_update",
                    "revised_at",
                    "preview",
                ]
            },
        ),
        (
            "Search engines",
            {"fields": ["seo_title", "meta_description"], "classes": ["collapse"]},
        ),
        (
            "Record",
            {
                "fields": ["created_at", "updated_at", "reading_minutes"],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("categories")

    @admin.display(description="Before publishing")
    def checklist(self, obj):
        """What to look at before the article goes public (of the saved version)."""
        if not obj.pk:
            return "Save the article first: the checklist reads the saved version."
        notes = []
        if not obj.meta_description:
            notes.append("No meta description: search engines will show the summary.")
        clinical = any(category.slug == "blog" for category in obj.categories.all())
        if clinical and not obj.medical_reviewer_id:
            notes.append("A clinical article (in Blog) without a medical reviewer.")
        if obj.reviewed_on and obj.reviewed_on < timezone.localdate() - REVIEW_INTERVAL:
            notes.append(
                "The medical review is over a year old "
                f"({date_format(obj.reviewed_on, 'F j, Y')})."
            )
        broken = site_links.broken_links(obj.body, base=obj.get_absolute_url())
        if broken:
            notes.append(
                "Links to addresses on this site that answer 404: "
                + ", ".join(broken)
                + "."
            )
        if not notes:
            return "Nothing to look at."
        return format_html_join(
            "", '<p class="checklist-note">{}</p>', ((note,) for note in notes)
        )

    @admin.display(description="Reading grade", ordering="reading_grade")
    def grade(self, obj):
        if obj.reading_grade is None:
            return "—"
        above = obj.reading_grade > reading_level.TARGET_GRADE
        return format_html(
            '<span class="{}">{}</span>',
            "grade-high" if above else "",
            obj.reading_grade,
        )

    @admin.display(description="Reading level (of the saved text)")
    def readability(self, obj):
        reading = reading_level.assess(obj.body if obj.pk else "")
        return render_to_string(
            "admin/blog/article/readability.html",
            {"reading": reading, "target": reading_level.TARGET_GRADE},
        )

    def other_changes(self, older, newer) -> list[dict]:
        tags = [self._tag_names(version) for version in (older, newer)]
        if tags[0] == tags[1]:
            return []
        return [{"label": "tags", "before": tags[0] or "—", "after": tags[1] or "—"}]

    @staticmethod
    def _tag_names(version) -> str:
        ids = [
            followed.field_dict["tag_id"]
            for followed in version.revision.version_set.all()
            if followed.content_type.model_class() is TaggedArticle
        ]
        return ", ".join(
            sorted(Tag.objects.filter(pk__in=ids).values_list("name", flat=True))
        )

    def save_model(self, request, obj, form, change):
        if form.cleaned_data.get("substantive_update"):
            obj.revised_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.display(description="Categories")
    def category_list(self, obj):
        return ", ".join(category.name for category in obj.categories.all())


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "relates_articles", "shows_as_badge"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
