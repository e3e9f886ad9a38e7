"""The old site's addresses, and where each leads now (kept as clinic.Redirect).

WordPress answers a post, page, archive or file at a pretty path (/category/blog/),
and at a plain link with a query (/?cat=3). Both are kept as an old path: the
plain link as "/?cat=3", the form WordPressLinkMiddleware looks up. Anything asks
where an old path leads with `Redirect.objects.new_address(path)`.
"""

import re
from urllib.parse import parse_qs, unquote, urlsplit

from django.urls import reverse

from clinic.models import Redirect
from wordpress.fields import slug_from

UPLOADS = "/wp-content/uploads/"
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


def feed_paths(archive: str) -> list[str]:
    """The feeds of an archive (/tag/knee/): /tag/knee/feed/ and the others."""
    return [archive + "feed/", archive + "feed/rss2/", archive + "feed/atom/"]


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


class OldAddresses:
    """Keeps the old addresses an import meets; `warn` hears of any too long."""

    def __init__(self, export, warn, dry_run: bool):
        self.export = export
        self.warn = warn
        self.dry_run = dry_run
        self._attachment_paths = {}  # file -> its attachments' old paths
        for attachment_id, attachment in export.attachments.items():
            self._attachment_paths.setdefault(attachment.file, []).extend(
                export.attachment_paths.get(attachment_id, [])
            )

    def keep(self, old: str, target=None, new_path: str = "") -> None:
        if not keep(old, target, new_path):
            self.warn(f"{old} is too long to keep as an old address.")

    def site_feeds(self) -> None:
        """The old site's feeds lead to the blog's."""
        for path in SITE_FEEDS:
            self.keep(path, new_path=reverse("blog:feed"))

    def post(self, article, post) -> None:
        """The post's permalink, plain link, future permalink if scheduled, date
        archives and featured image files lead to the article or the blog."""
        self.keep(old_path(post.link), article)
        self.keep(f"/?p={post.wordpress_id}", article)
        structure = self.export.permalink_structure
        if post.status == "future" and structure:
            self.keep(permalink(structure, permalink_values(post)), article)
        if article.is_public and post.date[:4].isdigit():
            for path in date_archives(post.date):
                self.keep(path, new_path=reverse("blog:article_list"))
        attachment = self.export.attachments.get(post.meta.get("_thumbnail_id", ""))
        if attachment and article.featured_image and not self.dry_run:
            self.upload(attachment.file, article.featured_image.url)

    def upload(self, file: str, address: str) -> None:
        """An upload ("2019/04/knee.jpg": a featured image, a picture in a body)
        leads to `address`, its file here: its old file in every size, and its
        attachment page."""
        paths = [UPLOADS + file, *self._attachment_paths.get(file, [])]
        for path in dict.fromkeys(paths):
            self.keep(path, new_path=address)

    def author(self, login: str, person) -> None:
        """/author/<nicename>/ and /?author=<ID> lead to the byline, its feeds to
        the blog's."""
        self._archives("author", slug_from(login, max_length=100), person)
        if author_id := self.export.author_ids.get(login):
            self.keep(f"/?author={author_id}", new_path=person.get_absolute_url())

    def category(self, nicename: str, category) -> None:
        """/category/<parents>/<nicename>/ and /?cat=<ID>, and its feeds."""
        feed = reverse("blog:category_feed", kwargs={"slug": category.slug})
        self._archives("category", self._category_path(nicename), category, feed)
        if term_id := self.export.category_ids.get(nicename):
            self.keep(f"/?cat={term_id}", new_path=category.get_absolute_url())

    def tag(self, nicename: str, tag) -> None:
        """/tag/<nicename>/ and /?tag=<nicename>, its feeds to the blog's."""
        address = reverse("blog:tag", kwargs={"slug": tag.slug})
        self._archives("tag", nicename, address)
        self.keep(plain_link({"tag": nicename}) or "", new_path=address)

    def _category_path(self, nicename: str) -> str:
        """A category's path under its parents: "health/knees"."""
        path, parents = [nicename], self.export.category_parents
        while (parent := parents.get(path[0])) and parent not in path:
            path.insert(0, parent)
        return "/".join(path)

    def _archives(self, base: str, slug: str, target, feed: str = "") -> None:
        """/<base>/<slug>/ leads to `target` (an address, or its own); its feeds
        to `feed`, else to the blog's (a feed reader wants a feed)."""
        if not slug:
            return
        address = target if isinstance(target, str) else target.get_absolute_url()
        self.keep(f"/{base}/{slug}/", new_path=address)
        for path in feed_paths(f"/{base}/{slug}/"):
            self.keep(path, new_path=feed or reverse("blog:feed"))
