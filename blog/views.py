from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from taggit.models import Tag

from blog import search as full_text
from blog.models import Article, Category, TaggedArticle
from blog.related import related_articles
from clinic.caching import PUBLIC_CACHE, public_page

PER_PAGE = 10
SMALL_GROUP = 500
HOME_FEATURED = 3
HOME_LATEST = 6


@dataclass
class Page:
    """One page of results, found without counting them all."""

    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def paginate(request, items) -> Page:
    """Page `?page=` of a queryset or list; 404 for a page that is not there."""
    value = request.GET.get("page", "1")
    if not value.isdigit() or not 1 <= int(value) <= 100_000:
        raise Http404("No such page.")
    number = int(value)
    start = (number - 1) * PER_PAGE
    window = list(items[start : start + PER_PAGE + 1])
    if number > 1 and not window:
        raise Http404("No such page.")
    return Page(items=window[:PER_PAGE], number=number, has_next=len(window) > PER_PAGE)


@require_safe
@public_page
def home(request):
    articles = Article.objects.published().for_cards()
    featured = list(articles.filter(categories__slug="featured")[:HOME_FEATURED])
    latest = articles.exclude(pk__in=[article.pk for article in featured])[:HOME_LATEST]
    context = {"featured": featured, "latest": latest}
    return render(request, "blog/home.html", context)


@require_safe
@public_page
def article_list(request):
    page = paginate(request, Article.objects.published().for_cards())
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
def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    members = TaggedArticle.objects.filter(tag=tag)
    context = {
        "page": group_page(
            request,
            members.values_list("content_object_id", flat=True),
            Article.objects.published().filter(tags=tag),
        ),
        "heading": f"Articles about {tag.name}",
    }
    return render(request, "blog/article_list.html", context)


def group_page(request, member_ids, public_members) -> Page:
    """A page of the public articles of a category or tag, newest first.

    A large group is listed by one query that walks public articles newest first
    and soon meets enough members. A small one (SMALL_GROUP members or fewer) is
    looked up through its members instead, since that walk would cross nearly
    every article to find a few (3 queries, whatever the size of the library).
    """
    ids = list(member_ids[: SMALL_GROUP + 1])
    if len(ids) > SMALL_GROUP:
        return paginate(request, public_members.for_cards())
    public = Article.objects.publish_times_among(ids)
    newest_first = sorted(public, key=lambda pk: (public[pk], pk), reverse=True)
    page = paginate(request, newest_first)
    cards = Article.objects.for_cards().in_bulk(page.items)
    page.items = [cards[pk] for pk in page.items]
    return page


@require_safe
def search(request):
    query = request.GET.get("q", "").strip()[: full_text.MAX_QUERY_LENGTH]
    ranked_ids = full_text.matching_ids(query)
    public_ids = Article.objects.publish_times_among(ranked_ids)
    page = paginate(request, [pk for pk in ranked_ids if pk in public_ids])
    cards = Article.objects.for_cards().in_bulk(page.items)
    page.items = [cards[pk] for pk in page.items]
    context = {
        "page": page,
        "query": query,
        "searched": bool(full_text.search_terms(query)),
        "result_count": len(public_ids),
        "more_results": len(ranked_ids) == full_text.MAX_MATCHES,
    }
    return render(request, "blog/search.html", context)


@require_safe
def article_detail(request, slug):
    articles = Article.objects.select_related(
        "author", "medical_reviewer"
    ).prefetch_related("categories", "tags")
    if request.user.has_perm("blog.change_article"):
        article = get_object_or_404(articles, slug=slug)  # editors preview drafts here
    else:
        article = get_object_or_404(articles.published(), slug=slug)
    context = {"article": article, "related": related_articles(article)}
    response = render(request, "blog/article_detail.html", context)
    if article.is_public:
        patch_cache_control(response, **PUBLIC_CACHE)
    else:
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response
