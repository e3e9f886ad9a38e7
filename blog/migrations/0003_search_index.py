"""The full-text index (see blog/search.py) and an index for related posts by category.

Each database gets its own kind of full-text index, so this migration asks which
database it runs on.
"""

from django.db import migrations

POSTGRESQL = [
    "ALTER TABLE blog_article ADD COLUMN search_vector tsvector",
    "CREATE INDEX blog_article_search_idx ON blog_article USING GIN (search_vector)",
]
POSTGRESQL_REVERSE = ["ALTER TABLE blog_article DROP COLUMN search_vector"]
SQLITE = [
    "CREATE VIRTUAL TABLE blog_article_search USING fts5("
    " title, summary, tags, body, tokenize = 'porter unicode61 remove_diacritics 2')",
]
SQLITE_REVERSE = ["DROP TABLE blog_article_search"]
CATEGORY_MEMBERS = [
    "CREATE INDEX blog_article_categories_newest_idx"
    " ON blog_article_categories (category_id, article_id)",
]
CATEGORY_MEMBERS_REVERSE = ["DROP INDEX blog_article_categories_newest_idx"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("blog", "0002_categories_and_editors")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
        migrations.RunSQL(CATEGORY_MEMBERS, CATEGORY_MEMBERS_REVERSE),
    ]
