from collections import Counter
from functools import partial

from django.db.models import Count, Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from taggit.models import Tag

from blog.models import Article, Category, TaggedArticle
from blog.related import related_ids
from clinic.caching import public_page
from clinic.pagination import ListPage, paginate
from clinic.preview import public_or_preview, render_publishable

SMALL_GROUP = 500
HOME_FEATURED = 3
HOME_LATEST = 6
# A clinic's topics fit on one page; a library of thousands is paged.
TOPICS_PER_PAGE = 300


@require_safe
@public_page
def home(request):
    articles = Article.objects.published().values_list("pk", flat=True)
    featured = list(articles.filter(categories__slug="featured")[:HOME_FEATURED])
    latest = list(articles.exclude(pk__in=featured)[:HOME_LATEST])
    context = {"featured": featured, "latest": latest}
    return render(request, "blog/home.html", context)


@require_safe
@public_page
def article_list(request):
    page = paginate(request, Article.objects.published().values_list("pk", flat=True))
    context = {"page": page, "heading": "All articles"}
    return render(request, "blog/article_list.html", context)


@require_safe
@public_page
def category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    members = Article.categories.through.objects.filter(category=category)
    context = {
        "page": group_page(
            request,
            members.values_list("article_id", flat=True),
            Article.objects.published().filter(categories=category),
        ),
        "heading": category.name,
        "description": category.description,
        "category": category,
    }
    return render(request, "blog/article_list.html", context)


@require_safe
@public_page
def tag_list(request):
    """The topics of the public articles, A to Z, and how many each has.

    A page holds TOPICS_PER_PAGE topics, so that tens of thousands of tags are
    still listed quickly: the tags of any article are paged by name (two queries),
    then the page's links are counted and those of the few articles the public may
    not see taken off (two more). Joined with the articles instead, the counts cost
    seconds on SQLite, which keeps no statistics: it walks every public article for
    each topic. A topic with no public article is left off its page.
    """
    topics = Tag.objects.filter(
        Exists(TaggedArticle.objects.filter(tag=OuterRef("pk")))
    ).order_by("name")
    page = paginate(request, topics, per_page=TOPICS_PER_PAGE)
    links = TaggedArticle.objects.filter(tag__in=page.items)
    counts = Counter(dict(links.values_list("tag").annotate(Count("pk")).order_by()))
    counts.subtract(
        TaggedArticle.objects.filter(
            content_object__in=Article.objects.hidden()
        ).values_list("tag", flat=True)
    )
    page.items = [topic for topic in page.items if counts[topic.pk] > 0]
    for topic in page.items:
        topic.articles = counts[topic.pk]
    return render(request, "blog/tag_list.html", {"page": page})


@require_safe
@public_page
def tag(request, slug):
    """One topic's articles. Its address is the lowercase slug: any other spelling
    (/blog/tag/Knee/) redirects there for good."""
    tag = (
        Tag.objects.filter(slug=slug).first()
        or Tag.objects.filter(slug__iexact=slug).order_by("pk").first()
    )
    if tag is None:
        raise Http404("No such topic.")
    if slug != tag.slug.lower():
        return redirect("blog:tag", slug=tag.slug.lower(), permanent=True)
    members = TaggedArticle.objects.filter(tag=tag)
    context = {
        "page": group_page(
            request,
            members.values_list("content_object_id", flat=True),
            Article.objects.published().filter(tags=tag),
        ),
        "heading": f"Articles about {tag.name}",
        "topic": tag,
    }
    return render(request, "blog/article_list.html", context)


def group_page(request, member_ids, public_members) -> ListPage:
    """A page of the ids of the public articles of a category or tag, newest first.

    A large group is listed by one query that walks public articles newest first
    and soon meets enough members, and counted by another. A small one
    (SMALL_GROUP members or fewer) is looked up through its members instead, since
    that walk would cross nearly every article to find a few (2 queries, whatever
    the size of the library).
    """
    ids = list(member_ids[: SMALL_GROUP + 1])
    if len(ids) > SMALL_GROUP:
        return paginate(request, public_members.values_list("pk", flat=True))
    public = Article.objects.publish_times_among(ids)
    newest_first = sorted(public, key=lambda pk: (public[pk], pk), reverse=True)
    return paginate(request, newest_first)


@require_safe
def article_detail(request, slug):
    # The author and reviewer are shown only inside fragments kept per content
    # version: loaded (one query each) when those are rendered, not every time.
    article = public_or_preview(request, Article.objects.all(), slug=slug)
    article.load_labels()
    context = {
        "article": article,
        "related": related_ids(article),
        "trail": partial(article_trail, article),  # worked out only if rendered
    }
    return render_publishable(request, "blog/article_detail.html", context, article)


def article_trail(article) -> list[tuple[str, str]]:
    """Home, the articles, the article's first topic, the article."""
    trail = [("Home", reverse("blog:home")), ("Articles", reverse("blog:article_list"))]
    if topic := next(iter(article.topics), None):
        trail.append((topic.name, topic.get_absolute_url()))
    return [*trail, (article.title, article.get_absolute_url())]
