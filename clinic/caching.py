"""How long others may keep our public pages: one rule for every app's views."""

from django.views.decorators.cache import cache_control

# Public pages may be kept whole by shared caches (our page cache included), which
# must still check back every time: the ETag makes that check cheap.
PUBLIC_CACHE = {"public": True, "max_age": 0, "must_revalidate": True}
public_page = cache_control(**PUBLIC_CACHE)
