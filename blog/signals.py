"""Keep the search index and the related posts in step with articles, their tags,
categories, picks and people."""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag

from blog import related, search
from blog.models import Article, Category, RelatedPick, TaggedArticle
from clinic.models import Person


@receiver(post_save, sender=Article)
def index_saved_article(sender, instance, raw=False, **kwargs):
    search.reindex([instance.pk])


@receiver(m2m_changed, sender=TaggedArticle)
@receiver(m2m_changed, sender=Article.categories.through)
def index_and_rank_retagged_article(sender, instance, action, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    # An article given tags or categories, or articles added to or removed from a
    # tag or a category.
    changed = [instance.pk] if isinstance(instance, Article) else list(pk_set or [])
    search.reindex(changed)
    related.refresh_around(changed)


@receiver(post_save, sender=TaggedArticle)
def index_and_rank_restored_tag_link(sender, instance, raw=False, **kwargs):
    # Links made through `article.tags` are indexed on m2m_changed, once per call;
    # raw saves (restoring a revision, loading fixtures) send no m2m_changed.
    if raw:
        search.reindex([instance.content_object_id])
        related.refresh_around([instance.content_object_id])


@receiver(post_delete, sender=TaggedArticle)
def index_removed_tag_link(sender, instance, **kwargs):
    search.reindex([instance.content_object_id])


@receiver(post_save, sender=Tag)
def index_renamed_tag(sender, instance, created, **kwargs):
    if not created:
        tagged = TaggedArticle.objects.filter(tag=instance).values_list(
            "content_object_id"
        )
        search.reindex(tagged)


@receiver(post_delete, sender=Article)
def unindex_deleted_article(sender, instance, **kwargs):
    search.remove_article(instance.pk)


@receiver(post_save, sender=Category)
def index_renamed_category(sender, instance, created, **kwargs):
    if not created:
        search.reindex(instance.articles.values_list("pk", flat=True))


@receiver(post_save, sender=Person)
def index_renamed_person(sender, instance, created, **kwargs):
    """Articles are found by their author's and reviewer's names."""
    if not created:
        search.reindex(
            Article.objects.filter(
                Q(author=instance) | Q(medical_reviewer=instance)
            ).values_list("pk", flat=True)
        )


@receiver(post_delete, sender=TaggedArticle)
def rank_after_tag_link_removed(sender, instance, origin=None, **kwargs):
    # Only a link deleted on its own (restoring a revision): `article.tags` sends
    # m2m_changed after deleting, and deleting an article takes its ranking along.
    if origin is instance:
        related.refresh_around([instance.content_object_id])


@receiver(post_save, sender=RelatedPick)
def rank_after_pick(sender, instance, **kwargs):
    related.refresh([instance.from_article_id])


@receiver(post_delete, sender=RelatedPick)
def rank_after_unpicking(sender, instance, origin=None, **kwargs):
    if not _deleting_an_article(origin):
        related.refresh([instance.from_article_id])


def _deleting_an_article(origin) -> bool:
    """Whether a deletion comes from deleting articles: their rankings go with
    them, and ranking them again would point at rows about to be gone."""
    return isinstance(origin, Article) or getattr(origin, "model", None) is Article
