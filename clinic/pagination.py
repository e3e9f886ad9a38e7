"""Pages of a list (articles, search results), found without counting them all."""

from dataclasses import dataclass

from django.http import Http404

PER_PAGE = 10


@dataclass
class ListPage:
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


def paginate(request, items) -> ListPage:
    """Page `?page=` of a queryset or list; 404 for a page that is not there."""
    value = request.GET.get("page", "1")
    if not value.isdigit() or not 1 <= int(value) <= 100_000:
        raise Http404("No such page.")
    number = int(value)
    start = (number - 1) * PER_PAGE
    window = list(items[start : start + PER_PAGE + 1])
    if number > 1 and not window:
        raise Http404("No such page.")
    return ListPage(
        items=window[:PER_PAGE], number=number, has_next=len(window) > PER_PAGE
    )
