import hashlib
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from taggit.models import Tag

from blog import search as articles_index
from blog.models import Article
from clinic.models import Location, Person
from clinic.pagination import paginate
from clinic_site.client import asks_too_often
from clinic_site.page_cache import content_version
from pages.models import Page
from search import query as site_search
from search import suggestions as typing_suggestions

MAX_PAGES = 5
MAX_CARDS = 4  # physicians, and locations, shown above the results
POPULAR_TOPICS = 8


@require_safe
def search(request):
    """Physicians and locations that match, as cards, then pages (on the first page
    of results), then articles, ranked and paged.

    Articles are found through the full-text index (blog/search.py) with the
    editors' synonyms and typo corrections (search/query.py); the rest are few and
    found by a plain bounded scan of the same words.
    """
    query = request.GET.get("q", "").strip()[: articles_index.MAX_QUERY_LENGTH]
    limit = settings.SEARCH_RATE_LIMIT
    if query and limit and asks_too_often(request, "search", limit):
        context = {"query": query, "rate_limited": True}
        response = render(request, "search/results.html", context, status=429)
        response["Retry-After"] = "60"
        return response
    found = site_search.run(query)
    page = paginate(request, found.article_ids)
    physicians, locations, pages = [], [], []
    if found.words and page.number == 1:
        physicians, locations = people_and_places(found.words)
        pages = list(
            Page.objects.published()
            .matching(found.words)
            .only("title", "path", "summary")[:MAX_PAGES]
        )
    nothing_found = found.words and not (page.items or pages or physicians or locations)
    context = {
        "page": page,
        "pages": pages,
        "physicians": physicians,
        "locations": locations,
        "query": query,
        "search": found,
        "searched": bool(found.words),
        "result_count": len(found.article_ids),
        "more_results": found.capped,
        "popular_topics": popular_topics() if nothing_found else [],
    }
    return render(request, "search/results.html", context)


@require_safe
def suggestions(request):
    """Titles for what has been typed so far, as JSON, for the search box."""
    if asks_too_often(request, "search-suggestions", typing_suggestions.RATE_LIMIT):
        return JsonResponse({"error": "Too many requests."}, status=429)
    found = typing_suggestions.titles(request.GET.get("q", ""))
    response = JsonResponse({"suggestions": found})
    response["Cache-Control"] = f"max-age={typing_suggestions.KEEP_SECONDS}"
    return response


def people_and_places(words: list[str]) -> tuple[list[Person], list[Location]]:
    """The physicians and locations these words find, kept per content version,
    which any change to people, their specialties or locations moves (two queries
    when not kept)."""
    words_key = hashlib.sha256(" ".join(words).encode()).hexdigest()[:40]
    key = f"search:{content_version()}:people-and-places:{words_key}"
    found = cache.get(key)
    if found is None:
        found = matching_physicians(words), matching_locations(words)
        cache.set(key, found, settings.FRAGMENT_CACHE_SECONDS)
    return found


def matching_physicians(words: list[str]) -> list[Person]:
    """Clinicians whose name, role or specialties hold every word (one query)."""
    fields = ["name", "addressed_as", "role", "specialties__name"]
    matching = Person.objects.clinicians().filter(_every_word(words, fields))
    return list(Person.objects.filter(pk__in=matching.values("pk"))[:MAX_CARDS])


def matching_locations(words: list[str]) -> list[Location]:
    """Open locations whose name, town or street hold every word (one query)."""
    fields = ["name", "city", "street_address"]
    matching = Location.objects.active().filter(_every_word(words, fields))
    return list(matching[:MAX_CARDS])


def _every_word(words: list[str], fields: list[str]) -> Q:
    """Each word somewhere in these fields (as part of a word: "kne" finds "knee")."""
    found = Q()
    for word in words:
        found &= reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields))
    return found


def popular_topics() -> list[Tag]:
    """The tags of the most public articles: a way on when nothing is found."""
    public = Article.objects.published().values("pk")
    return list(
        Tag.objects.filter(blog_taggedarticle_items__content_object__in=public)
        .annotate(uses=Count("blog_taggedarticle_items"))
        .order_by("-uses", "name")[:POPULAR_TOPICS]
    )
