"""Moving in from a fresh clone: a media folder one level off, and no demo mixed in."""

import io

import pytest
from django.core.management import CommandError, call_command

from blog.models import Article
from wordpress.tests.exports import attachment, item, run
from wordpress.tests.test_import import assert_nothing_written


@pytest.mark.parametrize("given", ["wp-content", "wordpress", "year", "month"])
def test_a_media_folder_one_level_off_is_refused_naming_the_right_one(
    db, export, uploads, given
):
    # uploads/ sits in site/wp-content/
    wordpress = uploads.parent / "site"
    (wordpress / "wp-content").mkdir(parents=True)
    uploads = uploads.rename(wordpress / "wp-content" / "uploads")
    folder = {
        "wp-content": uploads.parent,
        "wordpress": wordpress,
        "year": uploads / "2019",
        "month": uploads / "2019" / "04",
    }[given]
    path = export(
        item(12, meta={"_thumbnail_id": "20"}), attachment(20, "2019/04/knee.jpg")
    )
    with pytest.raises(CommandError) as error:
        run(path, media_dir=folder)
    assert f"give --media-dir {uploads}. Nothing was imported." in str(error.value)
    assert_nothing_written()


def test_the_demo_is_not_mixed_into_an_imported_site(db, export, settings):
    settings.DEBUG = True
    run(export(item(12)))
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    assert list(Article.objects.values_list("wordpress_id", flat=True)) == [12]
    assert "no demo content or demo logins are added" in output.getvalue()
