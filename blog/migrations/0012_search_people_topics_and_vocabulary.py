"""Search by people and categories too, with prefixes and typo corrections.

The SQLite full-text table gains `topics` (tags and categories) and `people`
(author and reviewer) columns, so it is made again; PostgreSQL gains the `unaccent`
and `pg_trgm` extensions. Both get the vocabulary of indexed words (`SearchWord`)
with a trigram index for finding the nearest word to a typo. Every article is then
indexed again, by the index's own code (blog/search.py), since its entries are
derived data that the code of the day must be able to read.
"""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations, models

POSTGRESQL = [
    "CREATE INDEX blog_searchword_trigram_idx"
    " ON blog_searchword USING GIN (word gin_trgm_ops)",
]
POSTGRESQL_REVERSE = ["DROP INDEX blog_searchword_trigram_idx"]
SQLITE = [
    "DROP TABLE blog_article_search",
    "CREATE VIRTUAL TABLE blog_article_search USING fts5(title, summary, topics,"
    " people, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE blog_searchword_trigrams USING fts5(word,"
    " content = 'blog_searchword', content_rowid = 'id', tokenize = 'trigram')",
    "CREATE TRIGGER blog_searchword_added AFTER INSERT ON blog_searchword BEGIN"
    " INSERT INTO blog_searchword_trigrams (rowid, word) VALUES (new.id, new.word);"
    " END",
    "CREATE TRIGGER blog_searchword_removed AFTER DELETE ON blog_searchword BEGIN"
    " INSERT INTO blog_searchword_trigrams (blog_searchword_trigrams, rowid, word)"
    " VALUES ('delete', old.id, old.word); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER blog_searchword_removed",
    "DROP TRIGGER blog_searchword_added",
    "DROP TABLE blog_searchword_trigrams",
    "DROP TABLE blog_article_search",
    "CREATE VIRTUAL TABLE blog_article_search USING fts5("
    " title, summary, tags, body, tokenize = 'porter unicode61 remove_diacritics 2')",
]


class PostgreSQLExtension(CreateExtension):
    """Django's, undone on PostgreSQL only (its own backwards step asks any
    database for pg_extension, and SQLite has none)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def index_every_article(apps, schema_editor):
    from blog import search

    ids = list(
        apps.get_model("blog", "Article").objects.order_by("pk").values_list("pk", flat=True)
    )
    for start in range(0, len(ids), search.INDEX_BATCH):
        search.index_articles(ids[start : start + search.INDEX_BATCH])


class Migration(migrations.Migration):
    dependencies = [("blog", "0011_reading_grade")]

    operations = [
        PostgreSQLExtension("pg_trgm"),
        PostgreSQLExtension("unaccent"),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=40, unique=True)),
            ],
        ),
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
        migrations.RunPython(index_every_article, migrations.RunPython.noop),
    ]
