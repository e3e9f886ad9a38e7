import io
import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image, ImageDraw

from blog.models import Article, Category
from clinic.models import Location, Person
from clinic_site import demo
from clinic_site.admin import needs_second_factor
from clinic_site.models import MenuItem
from clinic_site.roles import EDITORS, FRONT_DESK
from pages.models import Page

BACKUP_CODES = 10
DEMO_ACCOUNTS = [
    # username, group, superuser
    ("editor", EDITORS, False),
    ("frontdesk", FRONT_DESK, False),
    ("admin", None, True),
]


class Command(BaseCommand):
    help = "Create the demo clinic: articles, authors, locations, staff logins."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates logins with a known password, so it only runs "
                "with DJANGO_DEBUG=true."
            )
        with transaction.atomic():
            authors = {data["slug"]: self.author(data) for data in demo.people()}
            for data in demo.locations():
                Location.objects.get_or_create(name=data["name"], defaults=data)
            created = sum(self.article(data, authors) for data in demo.articles())
            for data in demo.menu_items():
                self.menu_item(data)
            accounts = [self.account(*account) for account in DEMO_ACCOUNTS]
        self.stdout.write(f"Demo content ready ({created} new articles).")
        self.stdout.write(f"Staff logins (password: {settings.DEMO_PASSWORD}):")
        for username, role, codes in accounts:
            self.stdout.write(f"  {username:<10} {role}")
            if codes:
                self.stdout.write(
                    f"             second factor, single-use codes: {codes}"
                )

    def author(self, data) -> Person:
        author, _ = Person.objects.get_or_create(slug=data["slug"], defaults=data)
        return author

    def article(self, data, authors) -> bool:
        if Article.objects.filter(slug=data["slug"]).exists():
            return False
        now = timezone.now()
        reviewed = data.get("reviewed_days_ago")
        article = Article(
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            author=authors[data["author"]],
            medical_reviewer=authors.get(data.get("reviewer")),
            reviewed_on=(now - timedelta(days=reviewed)).date() if reviewed else None,
            status=Article.Status.DRAFT if data["status"] == "draft" else "published",
            published_at=now - timedelta(days=data["published_days_ago"], hours=3),
            featured_image=ContentFile(
                picture(data["image_colors"], data["slug"]), "demo.jpg"
            ),
            featured_image_alt=data["image_alt"],
        )
        article.save()
        article.categories.set(Category.objects.filter(slug__in=data["categories"]))
        article.tags.set(data["tags"])
        return True

    def menu_item(self, data) -> None:
        """Put a demo page in a menu, once the page exists."""
        page = Page.objects.filter(path=data["page"]).first()
        if page is not None:
            MenuItem.objects.get_or_create(
                menu=data["menu"], page=page, defaults={"position": data["position"]}
            )

    def account(self, username, group_name, superuser) -> tuple[str, str, str]:
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "is_staff": True,
                "is_superuser": superuser,
                "email": f"{username}@clinic.example",
            },
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        codes = self.second_factor(user) if needs_second_factor(user) else ""
        return username, group_name or "Administrator (all permissions)", codes

    def second_factor(self, user) -> str:
        """An authenticator device, plus backup codes so the demo needs no phone."""
        TOTPDevice.objects.get_or_create(user=user, name="default")
        backup, created = StaticDevice.objects.get_or_create(user=user, name="backup")
        if created:
            for _ in range(BACKUP_CODES):
                backup.token_set.create(token=StaticToken.random_token())
        return " ".join(backup.token_set.values_list("token", flat=True))


def picture(colors, seed: str) -> bytes:
    """An abstract illustration: a two-color gradient with soft overlapping circles."""
    width, height = 1280, 800
    start, end = (Image.new("RGB", (1, 1), color).getpixel((0, 0)) for color in colors)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(
                round(a + (b - a) * mix) for a, b in zip(start, end, strict=True)
            ),
        )
    rng = random.Random(seed)
    overlay = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    for _ in range(7):
        radius = rng.randint(120, 420)
        x, y = rng.randint(0, width), rng.randint(0, height)
        shade = (255, 255, 255, rng.randint(30, 80))
        shapes.ellipse([x - radius, y - radius, x + radius, y + radius], fill=shade)
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()
