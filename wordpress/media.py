"""The uploads folder given to the import, checked before anything is written."""

from pathlib import Path

SAMPLE = 20  # files looked for: enough to tell a right folder from a wrong one


class MediaDirError(ValueError):
    """--media-dir is not WordPress's uploads folder (and here is the one to give)."""


def check(media_dir: Path, files: list[str]) -> None:
    """Raise MediaDirError naming the right folder if none of the export's files is
    under media_dir but they are one level off: wp-content/ or the WordPress
    folder given, or a year's folder (uploads/2019) or the uploads' parent."""
    media_dir = media_dir.resolve()
    sample = [file for file in files if file][:SAMPLE]
    if not sample or _holds(media_dir, sample):
        return
    for candidate in (
        media_dir / "uploads",
        media_dir / "wp-content" / "uploads",
        media_dir.parent,
        media_dir.parent.parent,
    ):
        if _holds(candidate, sample):
            raise MediaDirError(
                f"--media-dir {media_dir} holds none of the export's pictures; they "
                f"are in {candidate}: give --media-dir {candidate}"
            )


def _holds(folder: Path, files: list[str]) -> bool:
    return folder.is_dir() and any((folder / file).is_file() for file in files)
