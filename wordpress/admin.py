from django.contrib import admin

from wordpress.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """The old site's comments, to read: nothing here publishes or changes them.
    Deleting stays possible (with its permission): an article goes with its
    comments, and a commenter may ask for theirs to go."""

    list_display = ["author_name", "posted_at", "article", "excerpt"]
    list_select_related = ["article"]
    search_fields = ["author_name", "text", "article__title"]
    date_hierarchy = "posted_at"
    fields = ["article", "author_name", "posted_at", "text"]

    @admin.display(description="text")
    def excerpt(self, comment):
        return comment.text[:80]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
