"""Search-engine fields from the SEO plugins' post meta: Yoast SEO, Rank Math,
All in One SEO (both its current and its older keys)."""

import re

from django.utils.text import Truncator

from wordpress import addresses
from wordpress.fields import plain_text

TITLE_KEYS = (
    "_yoast_wpseo_title",
    "rank_math_title",
    "_aioseo_title",
    "_aioseop_title",
)
DESCRIPTION_KEYS = (
    "_yoast_wpseo_metadesc",
    "rank_math_description",
    "_aioseo_description",
    "_aioseop_description",
)
CANONICAL_KEYS = (
    "_yoast_wpseo_canonical",
    "rank_math_canonical_url",
    "_aioseo_canonical_url",
)
# Placeholders: %%title%% (Yoast), %title% (Rank Math), #post_title (AIOSEO)
_TITLE_VARIABLE = re.compile(r"%%title%%|%title%|#post_title")
_OTHER_VARIABLE = re.compile(r"%%?\w+%%?|#[a-z]+_[a-z_]+|#tagline")
_LOOSE_SEPARATORS = re.compile(r"^[\s|\-–—·•:]+|[\s|\-–—·•:]+$")


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((meta[key] for key in keys if meta.get(key, "").strip()), "")


def title(meta: dict[str, str], post_title: str, max_length: int) -> str:
    """The SEO title, its placeholders filled in or dropped ("" if it is only the
    post's title, which the site shows anyway)."""
    text = _TITLE_VARIABLE.sub(post_title, plain_text(_first(meta, TITLE_KEYS)))
    text = _LOOSE_SEPARATORS.sub("", " ".join(_OTHER_VARIABLE.sub("", text).split()))
    return "" if text == post_title else Truncator(text).chars(max_length)


def description(meta: dict[str, str], max_length: int) -> str:
    text = _OTHER_VARIABLE.sub("", plain_text(_first(meta, DESCRIPTION_KEYS)))
    return Truncator(" ".join(text.split())).chars(max_length)


def canonical(meta: dict[str, str]) -> str:
    return _first(meta, CANONICAL_KEYS).strip()


def fill(obj, post, warn) -> None:
    """An article's or page's SEO title and description from an SEO plugin's post
    meta, if any; a canonical address elsewhere is reported with `warn`."""
    length = {
        name: obj._meta.get_field(name).max_length
        for name in ("seo_title", "meta_description")
    }
    obj.seo_title = title(post.meta, obj.title, length["seo_title"])
    obj.meta_description = description(post.meta, length["meta_description"])
    address = canonical(post.meta)
    if address and addresses.old_path(address) != addresses.old_path(post.link):
        warn(
            f"{post.label} names another page as its canonical address, "
            f"{address}: this site gives every page its own; set it by hand "
            "if it matters."
        )
