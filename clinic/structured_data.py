"""schema.org pieces shared by every kind of page (JSON-LD, for search engines)."""


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList of (name, absolute address) pairs, from the home page on."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": link}
            for n, (name, link) in enumerate(trail, start=1)
        ],
    }
