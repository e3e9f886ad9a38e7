from datetime import timedelta

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from js_asset import Media
from reversion.admin import VersionAdmin
from taggit.models import Tag
from taggit.utils import parse_tags

from blog.models import Article, Category, RelatedPick, TaggedArticle
from clinic import images

REVIEW_INTERVAL = timedelta(days=365)
# The stylesheet the editor (TipTap, inside django-prose-editor 0.28) injects into the
# page; without it typed spaces go astray. An upgrade that changes it fails the
# browser test test_the_rich_text_editor_keeps_spaces_under_the_csp.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"

# An article's history keeps its tags and hand-picked related articles too.
reversion.register(TaggedArticle)
reversion.register(RelatedPick)
reversion.register(Article, follow=["tagged_items", "related_pick_links"])


class PublicationStateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("scheduled", "Scheduled"),
            ("published", "Published"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "draft":
            return queryset.filter(status=Article.Status.DRAFT)
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "published":
            return queryset.published()
        return queryset


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
class ArticleAdmin(VersionAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "state",
        "published_at",
        "category_list",
        "author",
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
    readonly_fields = ["preview", "created_at", "updated_at", "reading_minutes"]
    formfield_overrides = {
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
        models.ImageField: {"form_class": images.PictureFormField},
    }
    inlines = [RelatedPickInline]
    actions = ["publish_now", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Picture", {"fields": ["featured_image", "featured_image_alt"]}),
        ("People", {"fields": ["author", "medical_reviewer", "reviewed_on"]}),
        ("Topics", {"fields": ["categories", "tags", "new_tags"]}),
        ("Publishing", {"fields": ["status", "published_at", "preview"]}),
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

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("categories")

    def render_change_form(self, request, context, *args, **kwargs):
        # The editor's import map is an inline script: the CSP lets it run by nonce,
        # and lets in the editor's own stylesheet by its hash.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        response = super().render_change_form(request, context, *args, **kwargs)
        response._csp_update = {"style-src": [EDITOR_STYLE_HASH]}
        return response

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += ["status", "published_at"]
        return fields

    def has_publish_permission(self, request):
        return request.user.has_perm("blog.publish_article")

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None

    @admin.display(description="State", ordering="status")
    def state(self, obj):
        state = obj.publication_state
        return format_html(
            '<span class="state state-{}">{}</span>', state.lower(), state
        )

    @admin.display(description="Categories")
    def category_list(self, obj):
        return ", ".join(category.name for category in obj.categories.all())

    @admin.display(description="Preview")
    def preview(self, obj):
        if not obj.pk:
            return "Save the article first."
        label = "View on site" if obj.is_public else "Preview"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            obj.get_absolute_url(),
            label,
        )

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        now = timezone.now()
        count = self._save_each(
            request,
            queryset.exclude(status=Article.Status.PUBLISHED, published_at__lte=now),
            "Published now",
            status=Article.Status.PUBLISHED,
            published_at=now,
        )
        self.message_user(request, f"{count} article(s) published.", messages.SUCCESS)

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self._save_each(
            request,
            queryset.filter(status=Article.Status.PUBLISHED),
            "Unpublished",
            status=Article.Status.DRAFT,
        )
        self.message_user(
            request, f"{count} article(s) back to draft.", messages.SUCCESS
        )

    def _save_each(self, request, queryset, comment, **changes):
        """Save one by one, so history, caches and the search index follow."""
        count = 0
        for article in queryset:
            with reversion.create_revision():
                for field, value in changes.items():
                    setattr(article, field, value)
                article.save()
                reversion.set_user(request.user)
                reversion.set_comment(comment)
            self.log_change(request, article, comment)
            count += 1
        return count


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "relates_articles"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
