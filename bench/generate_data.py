"""Generated articles of a realistic shape, for the benchmark (`make bench`).

    python -m bench.generate_data --articles 100000 [--seed 1] [--yes-replace-content]

Deterministic for a given --articles, --seed and --today: the same titles, bodies,
dates, categories, tags and picks, with the same article ids (1..N). It replaces
every existing article (and the tags they used), so it refuses to run on a database
that has articles unless told --yes-replace-content.

Shape, per 10,000 articles: 5,000 tags and 50,000 tag links (Zipf-like: a few tags
on thousands of articles, most on a handful), about 1% drafts and 1% scheduled,
the rest published over five years; nearly all in Blog, each in one of ten topical
categories (a tenth in two), about 5% each in Featured and News; six authors, 40%
medically reviewed; editor picks on about 2%; 85% illustrated by one of eight
pictures, each stored once through the real image pipeline and shared by name.
Bodies (~800 words, headings, paragraphs, a list) come from our own word lists and
sentence templates: a pool of distinct bodies per topic, each cleaned once.
"""

if __name__ == "__main__":  # run as a script: Django first, then the models
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")
    django.setup()

import io
import random
import sys
import time
from bisect import bisect
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as day_time
from itertools import accumulate

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw
from reversion.models import Version
from taggit.models import Tag

from blog import related, search
from blog.models import Article, Category, RelatedPick, TaggedArticle
from clinic import rich_text
from clinic.models import Person
from clinic_site.page_cache import bump_content_version

GENERATOR_VERSION = 1  # bump when the data changes: bench/run.py regenerates then
COMMON_SEARCH_WORD = "exercise"  # in every body
RARE_SEARCH_WORD = "scapholunate"  # only in the summaries of RARE_ARTICLES articles
BATCH = 2000
BODIES_PER_TOPIC = 16
IMAGE_COUNT = 8
IMAGE_SIZE = (1200, 800)
YEARS = 5


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(","))


@dataclass(frozen=True)
class Topic:
    name: str
    slug: str
    description: str
    parts: tuple
    conditions: tuple
    treatments: tuple
    weight: int


TOPICS = (
    Topic(
        "Knee",
        "knee",
        "Kneecaps, ligaments and cartilage: pain, injuries and recovery.",
        ("knee", "kneecap", "meniscus", "patellar tendon", "cruciate ligament"),
        ("runner's knee", "a torn meniscus", "patellar tendinitis", "knee arthritis"),
        ("a knee brace", "quadriceps strengthening", "arthroscopy", "a knee injection"),
        18,
    ),
    Topic(
        "Hip",
        "hip",
        "Hip joints and the muscles around them, from bursitis to replacement.",
        ("hip", "hip joint", "groin", "gluteal muscles", "hip flexors"),
        ("hip bursitis", "hip impingement", "a labral tear", "hip arthritis"),
        ("hip replacement", "gait training", "a cortisone injection", "hip stretches"),
        12,
    ),
    Topic(
        "Shoulder",
        "shoulder",
        "Rotator cuffs, frozen shoulders and getting your reach back.",
        ("shoulder", "rotator cuff", "collarbone", "shoulder blade", "biceps tendon"),
        (
            "a frozen shoulder",
            "a rotator cuff tear",
            "shoulder impingement",
            "a dislocation",
        ),
        ("a sling", "band exercises", "shoulder arthroscopy", "posture work"),
        12,
    ),
    Topic(
        "Spine and back",
        "spine-and-back",
        "Low back pain, sciatica and a healthy spine at every age.",
        ("lower back", "spine", "neck", "spinal disc", "sciatic nerve"),
        ("sciatica", "a herniated disc", "spinal stenosis", "muscle strain"),
        ("core strengthening", "a nerve block", "spinal decompression", "heat therapy"),
        16,
    ),
    Topic(
        "Hand and wrist",
        "hand-and-wrist",
        "Fingers, thumbs and wrists: the small joints we use all day.",
        ("wrist", "thumb", "finger joints", "palm", "forearm"),
        (
            "carpal tunnel syndrome",
            "trigger finger",
            "a wrist fracture",
            "thumb arthritis",
        ),
        ("a wrist splint", "hand therapy", "carpal tunnel release", "grip exercises"),
        8,
    ),
    Topic(
        "Foot and ankle",
        "foot-and-ankle",
        "Sprains, heel pain and shoes that help rather than hurt.",
        ("ankle", "heel", "Achilles tendon", "arch", "big toe"),
        ("plantar fasciitis", "an ankle sprain", "Achilles tendinitis", "a bunion"),
        ("supportive shoes", "orthotic insoles", "balance training", "a walking boot"),
        12,
    ),
    Topic(
        "Sports medicine",
        "sports-medicine",
        "Training safely, coming back from injury and staying in the game.",
        ("hamstring", "calf", "elbow", "shin", "groin"),
        ("a hamstring strain", "shin splints", "tennis elbow", "a stress fracture"),
        ("a graded return to play", "sports massage", "taping", "cross-training"),
        10,
    ),
    Topic(
        "Arthritis",
        "arthritis",
        "Living well with osteoarthritis and inflammatory joint disease.",
        ("joints", "cartilage", "knuckles", "hips and knees", "spine"),
        ("osteoarthritis", "rheumatoid arthritis", "gout", "joint stiffness"),
        (
            "low-impact exercise",
            "anti-inflammatory medicine",
            "weight management",
            "joint protection",
        ),
        10,
    ),
    Topic(
        "Bone health",
        "bone-health",
        "Strong bones for life: density, nutrition and preventing fractures.",
        ("bones", "hip bone", "vertebrae", "wrist bones", "skeleton"),
        ("osteoporosis", "osteopenia", "a fragility fracture", "vitamin D deficiency"),
        (
            "a bone density scan",
            "calcium-rich meals",
            "weight-bearing exercise",
            "fall prevention",
        ),
        6,
    ),
    Topic(
        "Rehabilitation",
        "rehabilitation",
        "Physical therapy after injury or surgery, step by step.",
        ("muscles", "joints", "tendons", "ligaments", "posture"),
        (
            "post-surgical stiffness",
            "muscle weakness",
            "loss of balance",
            "chronic pain",
        ),
        ("physical therapy", "a home exercise plan", "hydrotherapy", "manual therapy"),
        8,
    ),
)
ACTIVITIES = _words(
    "running, climbing stairs, gardening, lifting a toddler, playing tennis, long "
    "drives, desk work, cycling, hiking, swimming, carrying groceries, yoga, dancing, "
    "skiing, golf, basketball, walking the dog, sleeping"
)
SPANS = ("two weeks", "six weeks", "three months", "a few days", "a season", "a year")
TITLE_TEMPLATES = (
    "{Condition}: what to know before your first visit",
    "How to ease {condition} after {activity}",
    "{Number} questions patients ask about {treatment}",
    "Is {condition} behind your {part} pain?",
    "Getting back to {activity} after {condition}",
    "What {treatment} can and cannot do for your {part}",
    "A physician's guide to {condition}",
    "Why your {part} hurts after {activity}",
    "{Treatment} explained, step by step",
    "Protecting your {part} when {activity} is part of your week",
    "Myths and facts about {condition}",
    "When {part} pain needs a specialist",
)
SUMMARY_TEMPLATES = (
    "Our physicians explain what causes {condition}, how it is diagnosed and when "
    "{treatment} helps.",
    "Pain in the {part} is common after {activity}. Here is how to tell a minor "
    "strain from {condition}.",
    "A practical look at {treatment}: who it suits, what recovery is like and how "
    "long it takes.",
    "Simple changes to how you approach {activity} can protect your {part} for years.",
)
SENTENCES = (
    "Many people first notice {condition} after a long day of {activity}.",
    "The {part} carries more load than most of us realise, especially during "
    "{activity}.",
    "A gentle {exercise} routine, done most days, keeps the {part} moving without "
    "flaring it up.",
    "If pain wakes you at night or lasts longer than {span}, it is worth booking a "
    "visit.",
    "Our physicians usually start with the least invasive option, such as {treatment}.",
    "Imaging is not always needed; a careful examination of the {part} often tells "
    "us more.",
    "Swelling that comes and goes can be a sign of {condition} rather than a simple "
    "strain.",
    "Most patients see steady progress within {span} when they follow their plan.",
    "Warming up for ten minutes before {activity} lowers the strain on the {part}.",
    "Ice helps in the first two days; after that, gentle heat and movement usually "
    "help more.",
    "Rest is useful, but complete rest for too long can leave the {part} stiff and "
    "weak.",
    "We often pair {treatment} with a short daily {exercise} plan you can do at home.",
    "Keep a simple diary of what makes the {part} better or worse; it speeds up "
    "diagnosis.",
    "Shoes, chairs and pillows matter more than people expect when {condition} is "
    "involved.",
    "Surgery is only one option, and for {condition} it is rarely the first one.",
    "Strength around the {part} is the best protection against the next flare-up.",
    "Your physical therapist will adjust each {exercise} as your {part} gets stronger.",
    "A sudden pop followed by swelling in the {part} deserves prompt attention.",
    "Pain that spreads, numbness or weakness are reasons to call the clinic the same "
    "day.",
    "Small, regular sessions of {exercise} beat one long session at the weekend.",
    "People who return to {activity} too quickly are the ones we see again within "
    "{span}.",
    "Being active with {condition} is usually safe, and it is often part of the "
    "treatment.",
    "Ask your physician which movements to avoid and which ones to do more of.",
    "Sleep, stress and diet all affect how quickly the {part} heals.",
    "A second opinion is always welcome here, whatever treatment you have been "
    "offered.",
    "Our team sees {number} patients a week with questions about {condition}.",
    "There is no single cure, but {treatment} brings real relief for many people.",
    "Recovery is rarely a straight line, so a bad day does not mean a setback.",
    "Bring a list of your medicines and any earlier scans to your first appointment.",
    "Children and older adults can both develop {condition}, for different reasons.",
)
HEADINGS = (
    "What causes {condition}?",
    "Common signs in the {part}",
    "How we make a diagnosis",
    "Treatment options",
    "Exercise and movement",
    "Everyday habits that help",
    "When to see a specialist",
    "Recovery, week by week",
    "Questions to ask your physician",
)
SUBHEADINGS = (
    "At home",
    "At the clinic",
    "In the first {span}",
    "If {treatment} is recommended",
    "During {activity}",
)
LIST_ITEMS = (
    "Stop {activity} if the pain in your {part} gets sharper.",
    "Do your {exercise} at the same time each day.",
    "Use ice for fifteen minutes, never directly on the skin.",
    "Wear supportive shoes, even around the house.",
    "Take breaks from sitting every thirty minutes.",
    "Note when the pain started and what you were doing.",
    "Keep follow-up visits even when you feel better.",
    "Ask before starting a new sport or a new medicine.",
)
EXERCISES = ("exercise", "stretching exercise", "strength exercise", "balance exercise")
TAG_HEADS = _words(
    "pain, exercise, recovery, physical therapy, sports injuries, surgery, "
    "prevention, arthritis, posture, older adults, children, running, inflammation, "
    "nutrition, sleep, imaging, injections, bracing, workplace, women's health"
)
TAG_QUALIFIERS = _words(
    "acute, chronic, early, late-stage, mild, severe, recurring, post-operative, "
    "youth, senior, athletic, occupational, weekend, winter, summer, home, clinic, "
    "minimally invasive, conservative, preventive, pediatric, adult, postpartum, "
    "overuse, traumatic"
)
TAG_SUBJECTS = _words(
    "knee, hip, shoulder, back, neck, wrist, ankle, heel, elbow, thumb, spine, foot, "
    "hamstring, calf, rotator cuff, meniscus, tendon, ligament, cartilage, bone, "
    "joint, disc, nerve, muscle, hand, toe, jaw, rib, pelvis, shin"
)
TAG_MATTERS = _words(
    "pain, stiffness, swelling, strain, sprain, fracture, tear, rehab, exercises, "
    "surgery, bracing, taping, injection, imaging, stretches, weakness, instability, "
    "care, screening, recovery, arthritis, tendinitis, bursitis, numbness, massage, "
    "mobility, support, checkup, nutrition, posture"
)
TAG_AUDIENCES = _words(
    "runners, teens, new parents, office workers, gardeners, swimmers, cyclists, "
    "dancers, retirees, nurses, musicians, builders"
)
AUTHORS = (
    # name, slug, credentials, role, takes appointments, share of articles
    ("Maya Okafor", "maya-okafor", "MD", "Orthopedic surgeon, knee and hip", True, 5),
    ("Daniel Reyes", "daniel-reyes", "DPT", "Physical therapist", False, 4),
    (
        "Hannah Lindqvist",
        "hannah-lindqvist",
        "MD",
        "Sports medicine physician",
        True,
        3,
    ),
    ("Samuel Adeyemi", "samuel-adeyemi", "MD, PhD", "Spine specialist", True, 2),
    ("Priya Raman", "priya-raman", "PA-C", "Physician assistant", False, 2),
    ("Clinic editorial team", "clinic-editorial-team", "", "", False, 1),
)
IMAGE_ALTS = (
    "A physical therapist guides a patient through a knee bend on a treatment table",
    "A runner stretches her calf against a park bench in the morning",
    "A physician points to a model of the spine while talking with a patient",
    "An older man lifts light hand weights during a balance class",
    "Close-up of hands resting on a wrist splint beside a keyboard",
    "A woman ties supportive walking shoes before a hike",
    "Two colleagues practise a shoulder stretch with resistance bands",
    "A cyclist adjusts his saddle height in a bright workshop",
)
COLOURS = (
    ((22, 110, 120), (214, 236, 232)),
    ((160, 82, 45), (250, 235, 215)),
    ((40, 70, 140), (220, 230, 250)),
    ((90, 120, 50), (235, 245, 220)),
    ((120, 60, 110), (245, 225, 240)),
    ((180, 130, 30), (252, 243, 215)),
    ((60, 60, 60), (230, 230, 230)),
    ((20, 120, 80), (220, 245, 235)),
)


class Command(BaseCommand):
    help = (
        "Replace all articles by N generated ones of a realistic shape (tags, "
        "categories, pictures, search index), the same for the same seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="How many.")
        parser.add_argument("--seed", type=int, default=1, help="Default 1.")
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="The day dates are counted from (YYYY-MM-DD); default today.",
        )
        parser.add_argument(
            "--yes-replace-content",
            action="store_true",
            help="Delete the articles this database already has.",
        )

    def handle(self, *, articles, seed, today, yes_replace_content, **options):
        if not 1 <= articles <= 2_000_000:
            raise CommandError("--articles should be between 1 and 2,000,000.")
        existing = Article.objects.count()
        if existing and not yes_replace_content:
            raise CommandError(
                f"This database has {existing} articles. They would all be deleted: "
                "add --yes-replace-content if that is what you want."
            )
        started = time.monotonic()
        plan = Plan(articles, seed, today or timezone.localdate())
        timings = {}
        with _manual_timestamps(), transaction.atomic():
            timings["delete"] = _timed(_delete_content)
            timings["write"] = _timed(lambda: Writer(plan, self.stdout).write())
            if connection.vendor == "postgresql":
                _reset_sequences()
        timings["search index"] = _timed(lambda: _index(articles, self.stdout))
        timings["related posts"] = _timed(related.refresh_all)
        if connection.vendor == "postgresql":
            # What autovacuum soon does on a live site: statistics for the planner,
            # and a visibility map for index-only scans. (A live SQLite database
            # gets no statistics unless someone runs ANALYZE: none here either.)
            with connection.cursor() as cursor:  # (VACUUM cannot run in a transaction)
                cursor.execute(
                    "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
                )
        bump_content_version()
        self._report(plan, existing, timings, time.monotonic() - started)

    def _report(self, plan, deleted, timings, elapsed):
        published = Article.objects.published().count()
        scheduled = Article.objects.scheduled().count()
        drafts = Article.objects.filter(status=Article.Status.DRAFT).count()
        self.stdout.write(
            f"bench.generate_data (generator version {GENERATOR_VERSION}, "
            f"seed {plan.seed}, dates from {plan.today}):\n"
            f"  deleted {deleted} articles first\n"
            f"  articles {Article.objects.count()}: {published} published, "
            f"{scheduled} scheduled, {drafts} drafts\n"
            f"  tags {Tag.objects.count()}, tag links {TaggedArticle.objects.count()}\n"
            f"  category links {Article.categories.through.objects.count()}, "
            f"editor picks {RelatedPick.objects.count()}, "
            f"pictures {IMAGE_COUNT} (stored once, shared)\n"
            f"  search words: common {COMMON_SEARCH_WORD!r}, rare "
            f"{RARE_SEARCH_WORD!r}\n"
            + "".join(
                f"  {step}: {seconds:.1f} s\n" for step, seconds in timings.items()
            )
            + f"  total {elapsed:.1f} s"
        )


def _timed(step) -> float:
    started = time.monotonic()
    step()
    return time.monotonic() - started


@contextmanager
def _manual_timestamps():
    """Let created_at and updated_at take the generated dates (auto_now off)."""
    fields = [Article._meta.get_field(name) for name in ("created_at", "updated_at")]
    saved = [(field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, (auto_now, auto_now_add) in zip(fields, saved, strict=True):
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _delete_content() -> None:
    """Delete every article and what hangs off it, in a few statements (no signals).

    Rows pointing at an article are deleted (CASCADE) or unlinked (SET_NULL) first,
    then the articles, then the tags nothing uses any more. The history
    (django-reversion) of the deleted articles goes too, since their ids are reused.
    """
    quote = connection.ops.quote_name
    pointing = [Article.categories.through._meta.get_field("article").remote_field]
    pointing += [rel for rel in Article._meta.related_objects if not rel.many_to_many]
    with connection.cursor() as cursor:
        for relation in pointing:
            table = quote(relation.related_model._meta.db_table)
            if relation.on_delete is models.SET_NULL:
                column = quote(relation.field.column)
                cursor.execute(f"UPDATE {table} SET {column} = NULL")
            elif relation.on_delete is models.CASCADE:
                cursor.execute(f"DELETE FROM {table}")
            else:
                raise CommandError(f"{relation.related_model.__name__} keeps articles.")
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM blog_article_search")
        cursor.execute(f"DELETE FROM {quote(Article._meta.db_table)}")
    unused = Tag.objects.all()
    for relation in Tag._meta.related_objects:
        if relation.one_to_many:
            used = relation.related_model._base_manager.values(relation.field.attname)
            unused = unused.exclude(pk__in=used)
    unused._raw_delete(connection.alias)
    article_type = ContentType.objects.get_for_model(Article)
    Version.objects.filter(content_type=article_type)._raw_delete(connection.alias)


def _reset_sequences() -> None:
    tables = [Article, Tag, TaggedArticle, RelatedPick, Article.categories.through]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), tables):
            cursor.execute(statement)


def _index(count: int, stdout) -> None:
    """Fill the full-text index, in batches (the ids are 1..count)."""
    for start in range(1, count + 1, 1000):
        with transaction.atomic():
            search.index_articles(range(start, min(start + 1000, count + 1)))
        if start > 1 and (start - 1) % 20000 == 0:
            stdout.write(f"  indexed {start - 1} articles for search")


class Plan:
    """Every random choice, made up front from the seed (and nothing else)."""

    def __init__(self, count: int, seed: int, today: date):
        self.count, self.seed, self.today = count, seed, today
        self.random = random.Random(seed)
        rng = self.random
        self.bodies = {topic.slug: self._bodies(topic) for topic in TOPICS}
        drafts = max(1, round(count / 100))
        scheduled = max(1, round(count / 100))
        indexes = range(count)
        recent = range(max(0, count - max(scheduled * 5, 20)), count)
        self.scheduled = set(rng.sample(recent, min(scheduled, len(recent))))
        others = [i for i in indexes if i not in self.scheduled]
        self.drafts = set(rng.sample(others, min(drafts, len(others))))
        rare = [i for i in others if i not in self.drafts]
        self.rare = set(rng.sample(rare, min(len(rare), max(12, count // 2000))))
        self.tag_names = self._tag_names(max(1, count // 2))
        self.tag_counts = self._tag_counts(count, total=5 * count)
        self.tag_cumulative = list(
            accumulate(1 / (rank + 1) for rank in range(len(self.tag_names)))
        )

    def _bodies(self, topic: Topic) -> list[tuple[str, int]]:
        """Distinct cleaned bodies of about 800 words, with their reading minutes."""
        bodies = []
        for _ in range(BODIES_PER_TOPIC):
            body = rich_text.clean(_body(self.random, topic))
            bodies.append((body, rich_text.reading_minutes(body)))
        return bodies

    def _tag_names(self, count: int) -> list[str]:
        """Tag names, most popular first: plain topics, then ever narrower ones."""
        rng = self.random
        middle = [f"{s} {m}" for s in TAG_SUBJECTS for m in TAG_MATTERS]
        narrow = [f"{q} {name}" for q in TAG_QUALIFIERS for name in middle]
        rng.shuffle(middle)
        rng.shuffle(narrow)
        names = [*TAG_HEADS, *middle, *narrow]
        if count > len(names):
            wide = [f"{name} for {a}" for a in TAG_AUDIENCES for name in narrow]
            rng.shuffle(wide)
            names += wide
        for n in range(count - len(names)):  # past 300,000 tags: numbered series
            names.append(f"{wide[n % len(wide)]} {n // len(wide) + 2}")
        return names[:count]

    def _tag_counts(self, count: int, total: int) -> list[int]:
        """Tags per article, 1 to 10, adding up to exactly `total` (5 on average)."""
        rng = self.random
        tags = min(len(self.tag_names), 10)
        counts = [
            min(tags, rng.choice((2, 3, 4, 4, 5, 5, 6, 6, 7, 8))) for _ in range(count)
        ]
        difference = min(total, count * tags) - sum(counts)
        while difference:
            i = rng.randrange(count)
            step = 1 if difference > 0 else -1
            if 1 <= counts[i] + step <= tags:
                counts[i] += step
                difference -= step
        return counts

    def tags_for(self, i: int) -> list[int]:
        """Distinct tag ranks for article i, drawn with weight 1/rank (Zipf)."""
        rng, cumulative = self.random, self.tag_cumulative
        chosen: dict[int, None] = {}
        while len(chosen) < self.tag_counts[i]:
            chosen[bisect(cumulative, rng.random() * cumulative[-1])] = None
        return list(chosen)


def _fill(rng: random.Random, template: str, topic: Topic) -> str:
    condition = rng.choice(topic.conditions)
    treatment = rng.choice(topic.treatments)
    text = template.format(
        part=rng.choice(topic.parts),
        condition=condition,
        Condition=condition[0].upper() + condition[1:],
        treatment=treatment,
        Treatment=treatment[0].upper() + treatment[1:],
        activity=rng.choice(ACTIVITIES),
        span=rng.choice(SPANS),
        exercise=rng.choice(EXERCISES),
        number=rng.randrange(5, 60),
        Number=rng.choice(("Five", "Seven", "Ten", "Twelve")),
    )
    return text[0].upper() + text[1:]


def _paragraph(rng: random.Random, topic: Topic, sentences: int) -> str:
    chosen = rng.sample(SENTENCES, sentences)
    return "<p>" + " ".join(_fill(rng, s, topic) for s in chosen) + "</p>"


def _body(rng: random.Random, topic: Topic) -> str:
    """About 800 words: an introduction, sections with h2/h3 headings, a list."""
    parts = [_paragraph(rng, topic, 5)]
    headings = rng.sample(HEADINGS, 6)
    headings[rng.randrange(6)] = "Exercise and movement"  # the common search word
    for n, heading in enumerate(dict.fromkeys(headings)):
        parts.append(f"<h2>{_fill(rng, heading, topic)}</h2>")
        parts.append(_paragraph(rng, topic, rng.randint(4, 6)))
        if n == 1:
            for sub in rng.sample(SUBHEADINGS, 2):
                parts.append(f"<h3>{_fill(rng, sub, topic)}</h3>")
                parts.append(_paragraph(rng, topic, 4))
        elif n == 2:
            items = rng.sample(LIST_ITEMS, 5)
            parts.append(
                "<ul>"
                + "".join(f"<li>{_fill(rng, item, topic)}</li>" for item in items)
                + "</ul>"
            )
        else:
            parts.append(_paragraph(rng, topic, rng.randint(4, 6)))
    while len(" ".join(parts).split()) < 780:
        parts.append(_paragraph(rng, topic, 5))
    return "\n".join(parts)


def _picture(n: int) -> ContentFile:
    """A JPEG drawn with Pillow: soft bands and circles in one of eight palettes."""
    dark, light = COLOURS[n % len(COLOURS)]
    width, height = IMAGE_SIZE
    image = Image.new("RGB", IMAGE_SIZE, light)
    draw = ImageDraw.Draw(image)
    for band in range(12):
        mix = band / 11
        colour = tuple(
            round(d * mix + li * (1 - mix)) for d, li in zip(dark, light, strict=True)
        )
        draw.rectangle(
            (0, band * height // 12, width, (band + 1) * height // 12), fill=colour
        )
    shapes = random.Random(n)
    for _ in range(9):
        x, y, r = (
            shapes.randrange(width),
            shapes.randrange(height),
            shapes.randrange(40, 220),
        )
        draw.ellipse((x - r, y - r, x + r, y + r), outline=light, width=6)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return ContentFile(buffer.getvalue(), name=f"bench-{n + 1}.jpg")


class Writer:
    """Writes the plan: categories, authors, tags, then articles in batches."""

    def __init__(self, plan: Plan, stdout):
        self.plan, self.stdout = plan, stdout
        self.rng = random.Random(plan.seed * 7919 + 1)
        self.slugs: dict[str, int] = {}
        self.pictures: dict[int, tuple[str, int, int]] = {}

    def write(self) -> None:
        self.categories = self._categories()
        shares = self._authors()
        self.authors = [author for author, _ in shares]
        self.author_weights = [share for _, share in shares]
        self.physicians = [a for a in self.authors if a.takes_appointments]
        self.topic_weights = [topic.weight for topic in TOPICS]
        self.now = timezone.make_aware(datetime.combine(self.plan.today, day_time(9)))
        self.tag_ids = self._tags()
        count = self.plan.count
        for start in range(0, count, BATCH):
            self._batch(range(start, min(start + BATCH, count)))
            if start and start % 20000 == 0:
                self.stdout.write(f"  wrote {start} articles")
        self._picks()

    def _categories(self) -> dict[str, Category]:
        for position, topic in enumerate(TOPICS, start=10):
            Category.objects.update_or_create(
                slug=topic.slug,
                defaults={
                    "name": topic.name,
                    "description": topic.description,
                    "position": position,
                    "relates_articles": True,
                },
            )
        return {category.slug: category for category in Category.objects.all()}

    def _authors(self) -> list[tuple[Person, int]]:
        authors = []
        for name, slug, credentials, role, takes, share in AUTHORS:
            author, _ = Person.objects.update_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "credentials": credentials,
                    "role": role,
                    "clinician": bool(credentials),
                    "takes_appointments": takes,
                    "bio": f"{name} writes for the clinic's readers about everyday "
                    "bone and joint questions."
                    if role
                    else "",
                },
            )
            authors.append((author, share))
        return authors

    def _tags(self) -> list[int]:
        """Create the plan's tags (or reuse same-named ones); their ids, by rank."""
        names = self.plan.tag_names
        ids = {}
        for start in range(0, len(names), 5000):
            chunk = names[start : start + 5000]
            ids.update(Tag.objects.filter(name__in=chunk).values_list("name", "id"))
        taken = set(Tag.objects.values_list("slug", flat=True))
        new = []
        for name in names:
            if name in ids:
                continue
            slug = base = slugify(name)[:90]
            n = 2
            while slug in taken:
                slug, n = f"{base}-{n}", n + 1
            taken.add(slug)
            new.append(Tag(name=name, slug=slug))
        Tag.objects.bulk_create(new, batch_size=1000)
        for start in range(0, len(names), 5000):
            chunk = [name for name in names[start : start + 5000] if name not in ids]
            ids.update(Tag.objects.filter(name__in=chunk).values_list("name", "id"))
        return [ids[name] for name in names]

    def _slug(self, title: str) -> str:
        base = slugify(title)[:180]
        n = self.slugs.get(base, 0) + 1
        self.slugs[base] = n
        return base if n == 1 else f"{base}-{n}"

    def _published_at(self, i: int) -> datetime:
        """Spread over five years in id order (with jitter), up to yesterday."""
        plan, rng = self.plan, self.rng
        if i in plan.scheduled:
            return self.now + timedelta(
                days=rng.randint(30, 90), minutes=rng.randrange(600)
            )
        span = timedelta(days=365 * YEARS)
        moment = self.now - span + span * (i + 1) / (plan.count + 1)
        jitter = timedelta(minutes=rng.randrange(-600, 600))
        return min(moment + jitter, self.now - timedelta(days=1))

    def _dates(self, i: int) -> dict:
        plan, rng = self.plan, self.rng
        published_at = self._published_at(i)
        created = min(published_at, self.now) - timedelta(days=rng.randint(1, 20))
        updated = created if i in plan.scheduled else published_at
        if rng.random() < 0.15 and i not in plan.scheduled:  # revised later
            updated = min(published_at + timedelta(days=rng.randint(2, 400)), self.now)
        reviewer = reviewed_on = None
        if rng.random() < 0.4 and i not in plan.drafts:
            reviewer = rng.choice(self.physicians)
            reviewed_on = min(
                timezone.localdate(published_at) - timedelta(days=rng.randint(0, 5)),
                plan.today,
            )
        return {
            "status": Article.Status.DRAFT
            if i in plan.drafts
            else Article.Status.PUBLISHED,
            "published_at": None if i in plan.drafts else published_at,
            "created_at": created,
            "updated_at": updated,
            "medical_reviewer": reviewer,
            "reviewed_on": reviewed_on,
        }

    def _article(self, i: int) -> tuple[Article, list[str], list[int]]:
        """Article i (id i + 1), its category slugs and its tag ids."""
        plan, rng = self.plan, self.rng
        topic = rng.choices(TOPICS, weights=self.topic_weights)[0]
        body, minutes = rng.choice(plan.bodies[topic.slug])
        title = _fill(rng, rng.choice(TITLE_TEMPLATES), topic)
        summary = _fill(rng, rng.choice(SUMMARY_TEMPLATES), topic)
        if i in plan.rare:
            summary += f" Includes a note on the {RARE_SEARCH_WORD} ligament."
        author = rng.choices(self.authors, weights=self.author_weights)[0]
        fields = self._dates(i)
        if fields["medical_reviewer"] == author:
            fields["medical_reviewer"] = None
            fields["reviewed_on"] = None
        picture = rng.randrange(IMAGE_COUNT) if rng.random() < 0.85 else None
        if picture in self.pictures:
            name, width, height = self.pictures[picture]
            fields |= {
                "featured_image": name,
                "image_width": width,
                "image_height": height,
                "featured_image_alt": IMAGE_ALTS[picture],
            }
        article = Article(
            id=i + 1,
            title=title,
            slug=self._slug(title),
            summary=summary,
            body=body,
            reading_minutes=minutes,
            author=author,
            **fields,
        )
        categories = [topic.slug]
        if rng.random() < 0.97:
            categories.append("blog")
        if rng.random() < 0.10:
            categories.append(rng.choice(TOPICS).slug)
        for special in ("featured", "news"):
            if rng.random() < 0.05:
                categories.append(special)
        tags = [self.tag_ids[rank] for rank in plan.tags_for(i)]
        if picture is not None and picture not in self.pictures:
            self._store_picture(article, picture)
            article.stored = True
        return article, list(dict.fromkeys(categories)), tags

    def _batch(self, indexes: range) -> None:
        rows = [self._article(i) for i in indexes]
        Article.objects.bulk_create(
            [article for article, _, _ in rows if not hasattr(article, "stored")],
            batch_size=500,
        )
        through = Article.categories.through
        through.objects.bulk_create(
            [
                through(article_id=article.pk, category_id=self.categories[slug].pk)
                for article, categories, _ in rows
                for slug in categories
            ],
            batch_size=2000,
        )
        TaggedArticle.objects.bulk_create(
            [
                TaggedArticle(content_object_id=article.pk, tag_id=tag_id)
                for article, _, tags in rows
                for tag_id in tags
            ],
            batch_size=2000,
        )

    def _store_picture(self, article: Article, n: int) -> None:
        """Save this article through Article.save(): re-encoded, with renditions."""
        article.featured_image = _picture(n)
        article.featured_image_alt = IMAGE_ALTS[n]
        article.save(force_insert=True)
        self.pictures[n] = (
            article.featured_image.name,
            article.image_width,
            article.image_height,
        )

    def _picks(self) -> None:
        """Editor picks on about 2% of published articles: 1-3 older public ones."""
        plan, rng = self.plan, self.rng
        public = [
            i
            for i in range(plan.count)
            if i not in plan.drafts and i not in plan.scheduled
        ]
        chosen = (
            sorted(rng.sample(public, max(1, len(public) // 50)))
            if len(public) > 3
            else []
        )
        picks = []
        for i in chosen:
            older = [j for j in rng.sample(public, min(6, len(public))) if j != i]
            for position, j in enumerate(older[: rng.randint(1, 3)]):
                picks.append(
                    RelatedPick(
                        from_article_id=i + 1, to_article_id=j + 1, position=position
                    )
                )
        RelatedPick.objects.bulk_create(picks, batch_size=2000)


if __name__ == "__main__":
    Command().run_from_argv(["bench.generate_data", "generate_data", *sys.argv[1:]])
