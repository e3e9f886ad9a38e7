"""Comments from the old site: kept for the record in the admin, never published.

Only what a reader of the record needs is kept: the name the commenter gave, when,
and the text. Their email, web address and IP address are left in the export.
"""

from django.utils.html import strip_tags

from wordpress.models import Comment
from wordpress.wxr import wordpress_time

NOT_KEPT = ("spam", "trash")


def keep(article, post, report) -> None:
    """Store the post's comments under its article (two queries if it has any)."""
    wanted = {
        int(comment.comment_id): comment
        for comment in post.comments
        if comment.comment_id.isdigit()
        and comment.kind in ("", "comment")
        and comment.approved not in NOT_KEPT
    }
    report.skipped["comment (spam, pingback)"] += len(post.comments) - len(wanted)
    if not wanted:
        return
    stored = set(
        Comment.objects.filter(wordpress_id__in=wanted).values_list(
            "wordpress_id", flat=True
        )
    )
    Comment.objects.bulk_create(
        Comment(
            article=article,
            wordpress_id=comment_id,
            author_name=comment.author[:250] or "Anonymous",
            posted_at=wordpress_time(comment.date_gmt, comment.date),
            text=strip_tags(comment.text).strip(),
        )
        for comment_id, comment in wanted.items()
        if comment_id not in stored
    )
    report.counts["comments", "created"] += len(wanted) - len(stored)
    report.counts["comments", "unchanged"] += len(stored)
