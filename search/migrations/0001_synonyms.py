"""The synonym list editors keep, seeded with the lay words of a bone-and-joint clinic."""

from django.db import migrations, models

# (what a patient types, the words articles use for it)
LAY_WORDS = [
    ("achy joints", "arthritis, joint pain"),
    ("bad back", "back pain"),
    ("bad knee", "knee pain"),
    ("bone scan", "bone density"),
    ("brittle bones", "osteoporosis"),
    ("broken", "fracture"),
    ("broken bone", "fracture"),
    ("charley horse", "muscle cramp, muscle spasm"),
    ("creaky knees", "knee arthritis, kneecap"),
    ("dexa", "bone density"),
    ("flat feet", "arch, foot pain"),
    ("frozen shoulder", "adhesive capsulitis, stiff shoulder, shoulder pain"),
    ("funny bone", "ulnar nerve, elbow"),
    ("golfers elbow", "elbow tendinopathy, elbow pain"),
    ("heel spur", "plantar fasciitis, heel pain"),
    ("hurts", "pain"),
    ("joint pain", "arthritis"),
    ("kneecap", "patella"),
    ("knee cap", "kneecap, patella"),
    ("leg cramps", "muscle cramp, muscle spasm"),
    ("lumbago", "lower back pain"),
    ("new hip", "hip replacement"),
    ("new knee", "knee replacement"),
    ("numb hands", "carpal tunnel, numbness"),
    ("physio", "physical therapy"),
    ("physiotherapy", "physical therapy"),
    ("pinched nerve", "nerve pain, sciatica"),
    ("pins and needles", "tingling, numbness"),
    ("pulled muscle", "muscle strain, strain"),
    ("rehab", "rehabilitation, physical therapy"),
    ("rolled ankle", "ankle sprain, sprained ankle"),
    ("runners knee", "kneecap, knee pain"),
    ("shin splints", "overuse injuries, running"),
    ("slipped disc", "herniated disc, sciatica"),
    ("sore", "pain"),
    ("spine", "back"),
    ("stiff neck", "neck pain"),
    ("tendonitis", "tendinopathy, tendon"),
    ("torn ligament", "ligament tear, sprain"),
    ("trick knee", "knee instability, acl"),
    ("twisted ankle", "ankle sprain, sprained ankle"),
    ("walk in", "urgent care, saturday"),
    ("wear and tear", "osteoarthritis, arthritis"),
    ("xray", "x-ray"),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.bulk_create(
        [Synonym(phrase=phrase, means=means) for phrase, means in LAY_WORDS],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Synonym",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("phrase", models.CharField(help_text='What a patient might type, e.g. "charley horse" or "slipped disc".', max_length=80, unique=True)),
                ("means", models.CharField(help_text='The words our articles use for it, separated by commas, e.g. "muscle cramp, muscle spasm". A search for the phrase finds them too.', max_length=200)),
            ],
            options={"ordering": ["phrase"]},
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
