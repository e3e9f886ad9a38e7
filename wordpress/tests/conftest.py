from pathlib import Path

import pytest

from wordpress.tests.exports import channel, photo


@pytest.fixture
def export(tmp_path):
    """Write an export file of these items; returns its path."""

    def write(*items: str, version="1.2", text=None) -> Path:
        path = tmp_path / "export.xml"
        path.write_text(text if text is not None else channel(*items, version=version))
        return path

    return write


@pytest.fixture
def uploads(tmp_path):
    """WordPress's uploads folder, with one photo at 2019/04/knee.jpg."""
    folder = tmp_path / "uploads"
    (folder / "2019/04").mkdir(parents=True)
    (folder / "2019/04/knee.jpg").write_bytes(photo())
    return folder
