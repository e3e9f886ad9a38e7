"""The admin of everything the clinic publishes (articles, pages), one way for all.

The rich-text editor loads under our Content-Security-Policy; every save keeps a
revision; the list tells drafts, scheduled and published apart; editors preview
what is not public yet; only those with the model's `publish_<model>` right
publish, unpublish or schedule.
"""

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from js_asset import Media
from reversion.admin import VersionAdmin
from reversion.models import Version

from clinic import revisions
from clinic.publishing import Publishable

# The stylesheet the editor (TipTap, inside django-prose-editor 0.28) injects into the
# page; without it typed spaces go astray. An upgrade that changes it fails the
# browser test test_the_rich_text_editor_keeps_spaces_under_the_csp.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"


def link_finder_script() -> forms.Script:
    """Adds "Find a page on this site" to the editor's link dialog."""
    return forms.Script(
        "js/link_finder.js", defer=True, **{"data-url": reverse("admin:site_addresses")}
    )


class RichTextEditorMixin:
    """For a ModelAdmin whose form has the rich-text editor: it loads under the CSP."""

    def render_change_form(self, request, context, *args, **kwargs):
        # The editor's import map is an inline script: the CSP lets it run by nonce,
        # and lets in the editor's own stylesheet by its hash.
        media = context["media"] + forms.Media(js=[link_finder_script()])
        context["media"] = Media.from_media(media, nonce=request.csp_nonce)
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
    object_history_template = "admin/publishing/object_history.html"
    history_latest_first = True

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_compare"
        compare = self.admin_site.admin_view(self.compare_view)
        return [
            path("<path:object_id>/history/compare/", compare, name=name),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        versions = (
            Version.objects.get_for_object(obj) if obj else Version.objects.none()
        )
        versions = self._reversion_order_version_queryset(request, versions)
        # In the order of reversion's action_list, which lacks the ids.
        context = {"version_ids": list(versions.values_list("pk", flat=True))}
        return super().history_view(request, object_id, context | (extra_context or {}))

    def compare_view(self, request, object_id):
        """What changed between two saved versions (?from=<id>&to=<id>)."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            chosen = [versions.get(pk=int(request.GET[key])) for key in ("from", "to")]
        except (KeyError, ValueError, Version.DoesNotExist):
            raise Http404("Choose two saved versions of this item.") from None
        older, newer = sorted(chosen, key=lambda version: version.revision.date_created)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"Changes to “{obj}”",
            "older": older,
            "newer": newer,
            "changes": revisions.changes(
                self.model, older.field_dict, newer.field_dict, obj.rich_text_field
            )
            + self.other_changes(older, newer),
        }
        return TemplateResponse(
            request, "admin/publishing/compare_versions.html", context
        )

    def other_changes(self, older, newer) -> list[dict]:
        """Changes kept beside the item's own fields (in followed models)."""
        return []

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
