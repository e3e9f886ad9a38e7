"""The admin of everything the clinic publishes (articles, pages), one way for all.

The rich-text editor loads under our Content-Security-Policy; every save keeps a
revision; the list tells drafts, scheduled and published apart; editors preview
what is not public yet; only those with the model's `publish_<model>` right
publish, unpublish or schedule.
"""

import reversion
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html
from js_asset import Media
from reversion.admin import VersionAdmin

from clinic.publishing import Publishable

# The stylesheet the editor (TipTap, inside django-prose-editor 0.28) injects into the
# page; without it typed spaces go astray. An upgrade that changes it fails the
# browser test test_the_rich_text_editor_keeps_spaces_under_the_csp.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"


class RichTextEditorMixin:
    """For a ModelAdmin whose form has the rich-text editor: it loads under the CSP."""

    def render_change_form(self, request, context, *args, **kwargs):
        # The editor's import map is an inline script: the CSP lets it run by nonce,
        # and lets in the editor's own stylesheet by its hash.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        response = super().render_change_form(request, context, *args, **kwargs)
        response._csp_update = {"style-src": [EDITOR_STYLE_HASH]}
        return response


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
            return queryset.filter(status=Publishable.Status.DRAFT)
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "published":
            return queryset.published()
        return queryset


class PublishableAdmin(RichTextEditorMixin, VersionAdmin):
    """Revisions, states, preview and the publish actions, for a Publishable model."""

    actions = ["publish_now", "unpublish"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += ["status", "published_at"]
        return fields

    def has_publish_permission(self, request):
        return request.user.has_perm(
            f"{self.opts.app_label}.publish_{self.opts.model_name}"
        )

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None

    @admin.display(description="State", ordering="status")
    def state(self, obj):
        state = obj.publication_state
        return format_html(
            '<span class="state state-{}">{}</span>', state.lower(), state
        )

    @admin.display(description="Preview")
    def preview(self, obj):
        if not obj.pk:
            return f"Save the {self.opts.verbose_name} first."
        label = "View on site" if obj.is_public else "Preview"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            obj.get_absolute_url(),
            label,
        )

    @admin.action(
        description="Publish selected %(verbose_name_plural)s now",
        permissions=["publish"],
    )
    def publish_now(self, request, queryset):
        now = timezone.now()
        count = self._save_each(
            request,
            queryset.exclude(
                status=Publishable.Status.PUBLISHED, published_at__lte=now
            ),
            "Published now",
            status=Publishable.Status.PUBLISHED,
            published_at=now,
        )
        self.message_user(
            request, f"{count} {self.opts.verbose_name}(s) published.", messages.SUCCESS
        )

    @admin.action(
        description="Unpublish selected %(verbose_name_plural)s",
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        count = self._save_each(
            request,
            queryset.filter(status=Publishable.Status.PUBLISHED),
            "Unpublished",
            status=Publishable.Status.DRAFT,
        )
        self.message_user(
            request,
            f"{count} {self.opts.verbose_name}(s) back to draft.",
            messages.SUCCESS,
        )

    def _save_each(self, request, queryset, comment, **changes):
        """Save one by one, so history, caches and the search index follow.

        What may not go public as it is (Publishable.validate_publication) is left
        as it was, and the editor is told why.
        """
        count = 0
        for item in queryset:
            for field, value in changes.items():
                setattr(item, field, value)
            try:
                item.validate_publication()
            except ValidationError as error:
                self.message_user(
                    request,
                    f"“{item}” was left as it was: {' '.join(error.messages)}",
                    messages.ERROR,
                )
                continue
            with reversion.create_revision():
                item.save()
                reversion.set_user(request.user)
                reversion.set_comment(comment)
            self.log_change(request, item, comment)
            count += 1
        return count
