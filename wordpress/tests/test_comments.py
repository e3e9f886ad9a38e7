"""Comments from WordPress: kept, never published, read by editors in the admin."""

from blog.models import Article
from wordpress.models import Comment
from wordpress.tests.exports import item, run

LIST = "/admin/wordpress/comment/"


def test_comments_are_kept_without_email_and_never_published(client, db, export):
    output = run(export(item(12, name="muscle-spasm", comments=2)))
    comment = Comment.objects.get(wordpress_id=1200)
    assert (comment.author_name, comment.text) == ("Sam Lee", "Thank you! (0)")
    assert comment.article == Article.objects.get()
    assert not any("mail" in field.name for field in Comment._meta.get_fields())
    assert b"Thank you!" not in client.get("/blog/muscle-spasm/").content
    assert "comments: 2 created, 0 updated, 0 unchanged" in output
    assert "Moving in from WordPress > Comments from WordPress" in output


def test_running_again_keeps_each_comment_once(db, export):
    path = export(item(12, comments=2))
    run(path)
    output = run(path)
    assert Comment.objects.count() == 2
    assert "comments: 0 created, 0 updated, 2 unchanged" in output


def test_spam_and_pingbacks_are_not_kept(db, export):
    post = item(12, comments=2)
    post = post.replace(
        "<wp:comment_approved>1</wp:comment_approved></wp:comment>",
        "<wp:comment_approved>spam</wp:comment_approved></wp:comment>",
        1,
    )
    run(export(post))
    assert list(Comment.objects.values_list("wordpress_id", flat=True)) == [1201]


def test_editors_read_comments_in_a_list_they_cannot_change(
    client, db, export, editor, sign_in
):
    run(export(item(12, title="Muscle spasm", comments=1)))
    sign_in(editor)
    listing = client.get(LIST).content.decode()
    assert "Sam Lee" in listing and "Muscle spasm" in listing
    assert "sam@example.com" not in listing
    comment = Comment.objects.get()
    shown = client.get(f"{LIST}{comment.pk}/change/").content.decode()
    assert "Thank you! (0)" in shown and 'name="_save"' not in shown
    assert client.get(f"{LIST}add/").status_code == 403
    response = client.post(f"{LIST}{comment.pk}/change/", {"text": "Edited"})
    assert response.status_code == 403
    assert Comment.objects.get().text == "Thank you! (0)"


def test_the_front_desk_does_not_see_comments(client, db, export, front_desk, sign_in):
    run(export(item(12, comments=1)))
    sign_in(front_desk)
    assert client.get(LIST).status_code == 403


def test_an_editor_can_still_delete_an_article_with_comments(
    client, db, export, editor, sign_in
):
    run(export(item(12, comments=1)))
    sign_in(editor)
    article = Article.objects.get()
    response = client.post(f"/admin/blog/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Comment.objects.exists()
