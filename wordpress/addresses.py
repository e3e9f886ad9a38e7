"""The old site's addresses, and where each leads now (kept as clinic.Redirect).

WordPress answers a post, page, archive or file at a pretty path (/category/blog/),
and at a plain link with a query (/?cat=3). Both are kept as an old path: the
plain link as "/?cat=3", the form WordPressLinkMiddleware looks up. Anything asks
where an old path leads with `Redirect.objects.new_address(path)`.
"""

import re
from urllib.parse import parse_qs, unquote, urlsplit

from clinic.models import Redirect

PLAIN_LINKS = ("p", "page_id", "cat", "tag", "attachment_id", "author")
SITE_FEEDS = ("/feed/", "/feed/rss2/", "/feed/atom/", "/rss/", "/comments/feed/")
MAX_LENGTH = Redirect._meta.get_field("old_path").max_length
_PLAIN_VALUE = re.compile(r"[-\w]{1,100}")
_TAGS = ("%year%", "%monthnum%", "%day%", "%post_id%", "%postname%", "%category%")
_FILE = re.compile(r's:(?:4:"file"|14:"original_image");s:[0-9]+:"([^"]+)"')


def plain_link(query) -> str | None:
    """The old path of WordPress's plain link in this query ({"p": ["12"]} or a
    QueryDict), e.g. "/?p=12"; None if it holds none."""
    for name in PLAIN_LINKS:
        value = query.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        if value and _PLAIN_VALUE.fullmatch(value):
            return f"/?{name}={value}"
    return None


def old_path(url: str) -> str:
    """The old path of a link on the old site: its path, or its plain link; ""
    for the home page."""
    parts = urlsplit(url)
    path = unquote(parts.path) or "/"
    if path == "/":
        return plain_link(parse_qs(parts.query)) or ""
    return path


def keep(old: str, target=None, new_path: str = "") -> bool:
    """Make `old` lead to `target` (something published) or to `new_path`, in one
    upsert. False when the path is too long to keep."""
    if not old or old in (new_path, target and target.get_absolute_url()):
        return True
    if len(old) > MAX_LENGTH:
        return False
    redirect = (
        Redirect(old_path=old, target=target)
        if target is not None
        else Redirect(old_path=old, new_path=new_path)
    )
    Redirect.objects.bulk_create(  # one upsert, where update_or_create takes five
        [redirect],
        update_conflicts=True,
        unique_fields=["old_path"],
        update_fields=["content_type", "object_id", "new_path"],
    )
    return True


def archive_paths(base: str, slug: str) -> list[str]:
    """A category, tag or author archive and its feeds: /tag/knee/, /tag/knee/feed/."""
    archive = f"/{base}/{slug}/"
    return [archive, archive + "feed/", archive + "feed/rss2/", archive + "feed/atom/"]


def date_archives(local_date: str) -> list[str]:
    """The year, month and day archives of a post's date ("2019-04-01 06:00:00")."""
    year, month, day = local_date[:10].split("-")
    return [f"/{year}/", f"/{year}/{month}/", f"/{year}/{month}/{day}/"]


def upload_paths(url: str, metadata: str) -> list[str]:
    """The old paths of an uploaded file: the file, and the other sizes WordPress
    made of it (named in its serialized _wp_attachment_metadata)."""
    path = urlsplit(url).path
    if not path:
        return []
    folder = path.rsplit("/", 1)[0]
    others = {name.rsplit("/", 1)[-1] for name in _FILE.findall(metadata)}
    return [path] + sorted(f"{folder}/{name}" for name in others if name)


def permalink_structure(path: str, values: dict[str, str]) -> str | None:
    """The permalink structure a post's pretty path was made with
    ("/%year%/%monthnum%/%postname%/"), from the post's own values; None if it
    is not one."""
    unused = [tag for tag in _TAGS if values.get(tag)]  # in the order paths use
    segments = []
    for segment in path.split("/"):
        tag = next((tag for tag in unused if values[tag] == segment), None)
        if tag:
            unused.remove(tag)
        segments.append(tag or segment)
    structure = "/".join(segments)
    return structure if "%postname%" in structure or "%post_id%" in structure else None


def permalink(structure: str, values: dict[str, str]) -> str:
    """The pretty path of a post by this structure."""
    path = structure
    for tag in _TAGS:
        path = path.replace(tag, values.get(tag, ""))
    return path


def permalink_values(post) -> dict[str, str]:
    """What a permalink structure may name, of one post."""
    date = post.date[:10].split("-") if post.date[:4].isdigit() else ["", "", ""]
    categories = [slug for domain, slug, _ in post.terms if domain == "category"]
    return {
        "%year%": date[0],
        "%monthnum%": date[1],
        "%day%": date[2],
        "%post_id%": post.post_id,
        "%postname%": post.name,
        "%category%": categories[0] if categories else "uncategorized",
    }


def permalink_structure_of(post) -> str | None:
    """The structure of a published post's pretty link; None for a plain one."""
    path = old_path(post.link)
    if post.status != "publish" or not path or path.startswith("/?"):
        return None
    return permalink_structure(path, permalink_values(post))


def attachment_paths(post, site: str) -> list[str]:
    """An attachment's old paths: its attachment page, in both forms, then its file
    and the file's other sizes."""
    file = post.meta.get("_wp_attached_file", "")
    url = post.attachment_url or (f"{site}/wp-content/uploads/{file}" if file else "")
    pages = [old_path(post.link), f"/?attachment_id={post.post_id}"]
    files = upload_paths(url, post.meta.get("_wp_attachment_metadata", ""))
    return list(dict.fromkeys(path for path in pages + files if path))
