from django.shortcuts import render
from django.views.decorators.http import require_safe

from blog import search as articles_index
from blog.models import Article
from clinic.pagination import paginate
from pages.models import Page

MAX_PAGES = 5


@require_safe
def search(request):
    """Matching public pages (on the first page of results), then matching articles.

    Pages are few and found by a plain bounded scan; articles by the full-text
    index (blog/search.py), paged. Issue 19 brings pages into one ranked index.
    """
    query = request.GET.get("q", "").strip()[: articles_index.MAX_QUERY_LENGTH]
    words = articles_index.search_terms(query)
    ranked_ids = articles_index.matching_ids(query)
    public_ids = Article.objects.publish_times_among(ranked_ids)
    page = paginate(request, [pk for pk in ranked_ids if pk in public_ids])
    cards = Article.objects.for_cards().in_bulk(page.items)
    page.items = [cards[pk] for pk in page.items]
    pages = []
    if words and page.number == 1:
        pages = list(
            Page.objects.published()
            .matching(words)
            .only("title", "path", "summary")[:MAX_PAGES]
        )
    context = {
        "page": page,
        "pages": pages,
        "query": query,
        "searched": bool(words),
        "result_count": len(public_ids),
        "more_results": len(ranked_ids) == articles_index.MAX_MATCHES,
    }
    return render(request, "search/results.html", context)
