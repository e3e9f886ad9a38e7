"""Pictures from WordPress's uploads folder (--media-dir): the files of featured
images, and the picture library's pictures of the images in post bodies.

Every file the import stores is remembered, so that an import that fails removes
them all, as it leaves the database as it was.
"""

from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile

from clinic import images
from clinic.models import Picture


class MissingPicture(Exception):
    """An upload that cannot be imported; the message says which and why."""


class Uploads:
    def __init__(self, folder: Path | None, dry_run: bool, counts: Counter):
        self.folder = folder.resolve() if folder else None
        self.dry_run = dry_run
        self.counts = counts  # (kind, outcome) -> number, the report's
        self.stored: list[tuple[str, int]] = []  # (name, width) of files written
        self._pictures: dict[str, Picture | None] = {}  # by file (None: dry run)

    def file(self, relative: str) -> ContentFile:
        """An upload's file under the folder, checked (MissingPicture if not)."""
        if self.folder is None:
            raise MissingPicture(f"{relative!r}: no --media-dir to import it from")
        path = (self.folder / relative).resolve()
        if not path.is_relative_to(self.folder) or not path.is_file():
            raise MissingPicture(f"{relative!r} is not a file in --media-dir")
        with path.open("rb") as file:
            try:
                images.validate_image(File(file, name=path.name))
            except ValidationError as error:
                raise MissingPicture(f"{relative}: {error.messages[0]}") from None
            return ContentFile(file.read(), name=path.name)

    def library_picture(self, relative: str, description: str) -> Picture | None:
        """The library's picture of an upload: the one an import brought before
        (found by its file, so never twice), else imported now (None in a dry
        run). MissingPicture if it cannot be had."""
        if relative in self._pictures:
            return self._pictures[relative]
        picture = Picture.objects.filter(wordpress_file=relative).first()
        if picture is not None:
            self.counts["images", "unchanged"] += 1
        else:
            content = self.file(relative)
            self.counts["images", "created"] += 1
            if not self.dry_run:
                picture = Picture(
                    image=content,
                    description=description[:250],
                    wordpress_file=relative,
                )
                picture.save()
                self.stored.append((picture.image.name, picture.width))
        self._pictures[relative] = picture
        return picture

    def delete_stored(self) -> None:
        """Remove the files (and renditions) this import stored."""
        for name, width in self.stored:
            images.delete_stored(name, width)
