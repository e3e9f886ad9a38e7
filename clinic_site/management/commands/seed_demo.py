import io
import math
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
from clinic.models import (
    Closure,
    Location,
    OpeningHours,
    Person,
    Picture,
    SiteSettings,
    Specialty,
    Weekday,
)
from clinic_site import demo, enrolment
from clinic_site.admin import needs_second_factor
from clinic_site.demo import figures as demo_figures
from clinic_site.demo import illustrations
from clinic_site.models import MenuItem
from clinic_site.roles import EDITORS, FRONT_DESK
from pages.models import Page

BACKUP_CODES = 10
DEMO_ACCOUNTS = [
    # username, group, superuser
    ("editor", EDITORS, False),
    ("frontdesk", FRONT_DESK, False),
    ("admin", None, True),
    ("newhire", FRONT_DESK, False),
]
ENROLS_ITSELF = "newhire"  # shows the enrolment code at work; the others have devices


class Command(BaseCommand):
    help = "Create the demo clinic: articles, pages, authors, locations, staff logins."
    # The first-run checks would say the site lacks what this command adds.
    requires_system_checks = []

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates logins with a known password, so it only runs "
                "with DJANGO_DEBUG=true."
            )
        demo_articles = [data["slug"] for data in demo.articles()]
        if Article.objects.exclude(slug__in=demo_articles).exists():
            self.stdout.write(
                "This site has articles of its own (imported, or written here): "
                "no demo content or demo logins are added."
            )
            return
        with transaction.atomic():
            for data in demo.locations():
                self.location(data)
            authors = {data["slug"]: self.person(data) for data in demo.people()}
            created = sum(self.article(data, authors) for data in demo.articles())
            new_pages = sum(self.page(data) for data in demo.pages())
            for data in demo.menu_items():
                self.menu_item(data)
            self.share_image()
            accounts = [self.account(*account) for account in DEMO_ACCOUNTS]
        self.stdout.write(
            f"Demo content ready ({created} new articles, {new_pages} new pages)."
        )
        self.stdout.write(f"Staff logins (password: {settings.DEMO_PASSWORD}):")
        for username, role, second_factor in accounts:
            self.stdout.write(f"  {username:<10} {role}")
            if second_factor:
                self.stdout.write(f"             {second_factor}")

    def person(self, data) -> Person:
        """A demo person, with their specialties, locations and illustrated portrait."""
        data = dict(data)
        specialties = [
            Specialty.objects.get_or_create(name=name)[0]
            for name in data.pop("specialties", [])
        ]
        locations = Location.objects.filter(name__in=data.pop("locations", []))
        look = data.pop("portrait")
        person, _ = Person.objects.get_or_create(slug=data["slug"], defaults=data)
        if not person.photo:
            person.photo = ContentFile(portrait(look), "portrait.png")
            person.save()
        person.specialties.set(specialties)
        person.locations.set(locations)
        return person

    def location(self, data) -> None:
        """A location with its weekly hours and closures ahead, unless it exists."""
        hours, closures = data.pop("hours"), data.pop("closures")
        location, created = Location.objects.get_or_create(
            name=data["name"], defaults=data
        )
        if not created:
            return
        OpeningHours.objects.bulk_create(
            OpeningHours(
                location=location,
                weekday=Weekday[day.upper()],
                opens=span["opens"],
                closes=span["closes"],
            )
            for span in hours
            for day in span["days"]
        )
        today = timezone.localdate()
        Closure.objects.bulk_create(
            Closure(
                location=location,
                label=closure["label"],
                starts_on=today + timedelta(days=closure["in_days"]),
                ends_on=today
                + timedelta(days=closure["in_days"] + closure.get("days", 1) - 1),
            )
            for closure in closures
        )

    def article(self, data, authors) -> bool:
        if Article.objects.filter(slug=data["slug"]).exists():
            return False
        now = timezone.now()
        reviewed = data.get("reviewed_days_ago")
        updated = data.get("updated_days_ago")
        article = Article(
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            body=self.with_figures(data["body"], data.get("figures", [])),
            author=authors[data["author"]],
            medical_reviewer=authors.get(data.get("reviewer")),
            reviewed_on=(now - timedelta(days=reviewed)).date() if reviewed else None,
            status=Article.Status.DRAFT if data["status"] == "draft" else "published",
            published_at=now - timedelta(days=data["published_days_ago"], hours=3),
            revised_at=now - timedelta(days=updated, hours=2) if updated else None,
            featured_image=self.illustration(data["illustration"]),
            featured_image_alt=illustrations.DESCRIPTIONS[data["illustration"]],
        )
        article.save()
        article.categories.set(Category.objects.filter(slug__in=data["categories"]))
        article.tags.set(data["tags"])
        return True

    def with_figures(self, body: str, figures: list[dict]) -> str:
        """The body, its figures' pictures drawn and put in the picture library."""
        for number, figure in enumerate(figures, start=1):
            drawing = demo_figures.DRAWINGS[figure["drawing"]]()
            picture = Picture.objects.create(
                image=ContentFile(drawing, "figure.png"),
                description=figure["description"],
                credit=figure.get("credit", ""),
            )
            body = body.replace(
                f'data-file="figure-{number}"', f'data-file="{picture.pk}"'
            )
        return body

    def page(self, data) -> bool:
        """Create one page, under its parent (created before it), unless it exists."""
        if Page.objects.filter(path=data["path"]).exists():
            return False
        parent_path, _, slug = data["path"].rpartition("/")
        page = Page(
            slug=slug,
            parent=Page.objects.get(path=parent_path) if parent_path else None,
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            kind=data.get("kind", Page.Kind.STANDARD),
            position=data["position"],
            status=Page.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=60),
        )
        if subject := data.get("illustration"):
            page.share_image = self.illustration(subject)
            page.share_image_alt = illustrations.DESCRIPTIONS[subject]
        page.save()
        return True

    def illustration(self, subject: str) -> ContentFile:
        """A drawing of the subject in the clinic's brand colours."""
        site = SiteSettings.objects.current()
        drawing = illustrations.illustration(
            subject, site.primary_color, site.accent_color
        )
        return ContentFile(drawing, "demo.jpg")

    def menu_item(self, data) -> None:
        """Put a demo page in a menu, once the page exists."""
        page = Page.objects.filter(path=data["page"]).first()
        if page is not None:
            MenuItem.objects.get_or_create(
                menu=data["menu"], page=page, defaults={"position": data["position"]}
            )

    def share_image(self) -> None:
        """The picture link previews show for pages without one of their own."""
        site = SiteSettings.objects.current()
        if not site.share_image:
            site.share_image = self.illustration("clinic")
            site.share_image_alt = illustrations.DESCRIPTIONS["clinic"]
            site.save()

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
        if not needs_second_factor(user):
            second_factor = ""
        elif username == ENROLS_ITSELF:
            second_factor = self.enrolment(user)
        else:
            second_factor = self.second_factor(user)
        return username, group_name or "Administrator (all permissions)", second_factor

    def second_factor(self, user) -> str:
        """An authenticator device, plus backup codes so the demo needs no phone.

        Each sign-in uses up a code, so every run replaces them with fresh ones.
        """
        TOTPDevice.objects.get_or_create(user=user, name="default")
        backup, _ = StaticDevice.objects.get_or_create(user=user, name="backup")
        backup.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
        backup.token_set.bulk_create(
            StaticToken(device=backup, token=code) for code in codes
        )
        codes = " ".join(codes)
        return f"second factor, single-use codes: {codes}"

    def enrolment(self, user) -> str:
        """A code to set up an authenticator app with, until one is set up."""
        if TOTPDevice.objects.filter(user=user).exists():
            return "second factor: the authenticator app set up with the demo"
        return (
            "no second factor yet: sign in, then set one up with enrolment code "
            f"{enrolment.issue(user)}"
        )


def portrait(look: dict) -> bytes:
    """An illustrated bust without a face: hair, head, neck, coat over a shirt.

    Drawn at twice the size and halved, for smooth edges. `look` holds the colours
    (background, skin, hair, coat, shirt) and a hair_style: short, long, bun or curly.
    """
    size, scale = 640, 2

    def box(*points):
        return [round(v * scale) for v in points]

    image = Image.new("RGB", (size * scale, size * scale), look["background"])
    draw = ImageDraw.Draw(image)
    hair, skin, style = look["hair"], look["skin"], look["hair_style"]
    if style == "long":  # falls behind the shoulders
        draw.rounded_rectangle(box(200, 140, 440, 480), radius=110 * scale, fill=hair)
    draw.rounded_rectangle(
        box(100, 440, 540, 800), radius=150 * scale, fill=look["coat"]
    )
    draw.polygon(box(245, 440, 395, 440, 320, 590), fill=look["shirt"])
    draw.rectangle(box(288, 340, 352, 450), fill=skin)
    draw.polygon(box(270, 440, 370, 440, 320, 505), fill=skin)
    if style == "curly":
        for angle in range(160, 381, 20):
            x, y = _on_ellipse(320, 250, 100, 118, angle)
            draw.ellipse(box(x - 42, y - 42, x + 42, y + 42), fill=hair)
    else:
        draw.ellipse(box(222, 132, 418, 300), fill=hair)
    if style == "bun":
        draw.ellipse(box(282, 88, 358, 164), fill=hair)
    draw.ellipse(box(230, 150, 410, 370), fill=skin)
    draw.chord(box(230, 146, 410, 330), start=180, end=360, fill=hair)
    image = image.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _on_ellipse(cx, cy, rx, ry, degrees) -> tuple[float, float]:
    angle = math.radians(degrees)
    return cx + rx * math.cos(angle), cy + ry * math.sin(angle)
