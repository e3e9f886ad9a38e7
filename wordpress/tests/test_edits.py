"""An import never overwrites an edit made here silently; every change it makes
is a revision in the history."""

import reversion
from reversion.models import Version

from blog.models import Article
from pages.models import Page
from wordpress.history import COMMENT
from wordpress.tests.exports import item, page, run

EDITED = "<p>Corrected here by the clinic.</p>"
KEPT = "changed on this site since the last import: kept (--overwrite replaces them)"


def edit_here(obj, body=EDITED):
    """Save a change as the admin does: with a revision."""
    with reversion.create_revision():
        reversion.set_comment("Fixed a typo")
        obj.body = body
        obj.save()


def test_each_import_that_changes_an_article_is_a_revision(db, export):
    run(export(item(12)))
    run(export(item(12, title="Muscle spasms")))
    versions = Version.objects.get_for_object(Article.objects.get())
    assert [v.revision.comment for v in versions] == [COMMENT, COMMENT]
    assert versions[0].field_dict["title"] == "Muscle spasms"


def test_an_article_edited_here_is_kept_and_reported(client, db, export):
    path = export(item(12, name="muscle-spasm"))
    run(path)
    edit_here(Article.objects.get())
    output = run(export(item(12, name="muscle-spasm", title="New title there")))
    article = Article.objects.get()
    assert (article.title, article.body) == ("Muscle spasm", EDITED)
    assert f"{KEPT}: 1\n    Muscle spasm (/blog/muscle-spasm/)" in output
    assert client.get("/?p=12")["Location"] == "/blog/muscle-spasm/"


def test_overwrite_replaces_the_edit_and_keeps_it_in_the_history(
    client, db, export, editor, sign_in
):
    path = export(item(12))
    run(path)
    edit_here(Article.objects.get())
    output = run(path, overwrite=True)
    article = Article.objects.get()
    assert article.body == "<p>Spasms are common.</p>"
    assert KEPT not in output and "articles: 0 created, 1 updated" in output
    versions = Version.objects.get_for_object(article)
    assert [v.revision.comment for v in versions] == [COMMENT, "Fixed a typo", COMMENT]
    sign_in(editor)
    history = client.get(f"/admin/blog/article/{article.pk}/history/")
    assert "Fixed a typo" in history.content.decode()
    edited = client.get(
        f"/admin/blog/article/{article.pk}/history/{versions[1].pk}/"
    ).content.decode()
    assert "Corrected here by the clinic." in edited


def test_a_page_edited_here_is_kept_and_reported(db, export):
    path = export(page(30, "about", title="About us"))
    run(path)
    edit_here(Page.objects.get())
    output = run(export(page(30, "about", title="About the clinic")))
    assert Page.objects.get().body == EDITED
    assert f"{KEPT}: 1\n    About us (/about/)" in output
    run(path, overwrite=True)
    assert Page.objects.get().body == "<p>Spasms are common.</p>"


def test_running_again_without_edits_reports_nothing_kept(db, export):
    path = export(item(12), page(30, "about"))
    run(path)
    output = run(path)
    assert "kept" not in output
    assert "pages: 0 created, 0 updated, 1 unchanged" in output
