"""Break the rules that matter most, one at a time, and check that a test notices.

Each mutation is one exact text replacement in one file. The tracked files, as they
are in the work tree, are copied to a scratch folder; there each mutation is applied
in turn, its named tests run (stopping at the first failure), and the file is put
back. A mutation survives when its tests still pass: the script then exits 1, as it
does when a mutation no longer applies (the code moved: update the mutation) or
when the tests fail before any mutation.

    make mutate                    # all of them: one pytest run each, a few minutes
    make mutate MUTATE="claim"     # those whose name contains a word
"""

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECONDS_PER_RUN = 600  # a bound, not a measurement: a stuck run counts as a failure


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]  # pytest arguments


MUTATIONS = [
    Mutation(
        "a large category lists drafts",
        "blog/views.py",
        "Article.objects.published().filter(categories=category)",
        "Article.objects.filter(categories=category)",
        ("blog/tests/test_views.py", "-k", "group_pages"),
    ),
    Mutation(
        "a large tag lists drafts",
        "blog/views.py",
        "Article.objects.published().filter(tags=tag)",
        "Article.objects.filter(tags=tag)",
        ("blog/tests/test_views.py", "-k", "group_pages"),
    ),
    Mutation(
        "scheduled content is public before its time",
        "clinic/publishing.py",
        "return self.filter(\n"
        "            status=Publishable.Status.PUBLISHED,"
        " published_at__lte=timezone.now()",
        "return self.filter(\n            status=Publishable.Status.PUBLISHED",
        ("blog/tests/test_visibility.py",),
    ),
    Mutation(
        "the related posts' fallback lists drafts",
        "blog/related.py",
        '" WHERE status = %s AND published_at <= %s AND id <> %s AND id NOT IN"',
        '" WHERE (status = %s OR TRUE) AND (published_at <= %s OR TRUE)"\n'
        '        " AND id <> %s AND id NOT IN"',
        ("blog/tests/test_related.py", "blog/tests/test_related_ranking.py"),
    ),
    Mutation(
        "no second page-cache bump after the commit",
        "clinic_site/page_cache.py",
        "    _bump(keys)\n    purging.purge_after_commit(keys)",
        "    purging.purge_after_commit(keys)",
        ("clinic_site/tests/test_page_cache.py", "-k", "commits"),
    ),
    Mutation(
        "a location's change leaves kept pages",
        "clinic_site/page_cache.py",
        '    "clinic.Location",\n',
        "",
        (
            "clinic_site/tests/test_page_cache.py",
            "clinic/tests/test_location_pages.py",
            "-k",
            "shown or change_shows",
        ),
    ),
    Mutation(
        "a related pick leaves kept pages",
        "clinic_site/page_cache.py",
        '    "blog.RelatedPick",\n    "taggit.Tag",',
        '    "taggit.Tag",',
        ("clinic_site/tests/test_page_cache.py", "-k", "shown or related"),
    ),
    Mutation(
        "saves of a shown model are not connected",
        "clinic_site/page_cache.py",
        "        post_save.connect(bump_content_version, sender=model, weak=False)\n",
        "",
        ("clinic_site/tests/test_page_cache.py", "-k", "shown"),
    ),
    Mutation(
        "the staff email carries the reason for the visit",
        "appointments/notifications.py",
        '"reference": appointment.reference,',
        '"reference": f"{appointment.reference} {appointment.reason}",',
        ("appointments/tests/test_notifications.py", "-k", "carries"),
    ),
    Mutation(
        "an article's body is saved unsanitized",
        "blog/models.py",
        "        self.body = rich_text.clean(self.body)\n        self.reading_minutes",
        "        self.reading_minutes",
        ("blog/tests/test_sanitizing.py",),
    ),
    Mutation(
        "a page's body is saved unsanitized",
        "pages/models.py",
        "        self.body = rich_text.clean(self.body)\n        self.path",
        "        self.path",
        ("pages/tests/test_admin.py", "-k", "sanitized"),
    ),
    Mutation(
        "a notification is claimed by reading, then updating by id",
        "appointments/notifications.py",
        "    ).update(\n        state=Notification.State.SENDING,",
        "    ).exists() and Notification.objects.filter(pk=notification_id).update(\n"
        "        state=Notification.State.SENDING,",
        ("appointments/tests/test_notifications.py", "-k", "racing"),
    ),
    Mutation(
        "the appointment rate limit never limits",
        "appointments/throttle.py",
        "return sum(counts.values()) >= allowed",
        "return False",
        ("appointments/tests/test_request_form.py", "-k", "rate_limit or too_many"),
    ),
]


def pytest(scratch: Path, args) -> str:
    """'passed', 'failed', or what else happened to one pytest run."""
    command = [
        sys.executable,
        "-m",
        "pytest",
        *args,
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
    ]
    env = os.environ | {"DJANGO_SECRET_KEY": "mutation-run-not-a-secret"}
    try:
        result = subprocess.run(
            command, cwd=scratch, env=env, capture_output=True, timeout=SECONDS_PER_RUN
        )
    except subprocess.TimeoutExpired:
        return "timed out"
    return {0: "passed", 1: "failed"}.get(
        result.returncode, f"error {result.returncode}"
    )


def scratch_copy(into: Path) -> Path:
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, tracked.split("\0")):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    return into


def main(words: list[str]) -> int:
    chosen = [m for m in MUTATIONS if not words or any(w in m.name for w in words)]
    with tempfile.TemporaryDirectory(prefix="clinic-mutate-") as folder:
        scratch = scratch_copy(Path(folder))
        files = sorted({arg for m in chosen for arg in m.tests if arg.endswith(".py")})
        before = pytest(scratch, files)
        print(f"The tests' files before any mutation: {before}", flush=True)
        if before != "passed":
            return 1
        rows = [run_one(scratch, mutation) for mutation in chosen]
    print("\n| mutation | tests | result |\n| --- | --- | --- |")
    for mutation, result in rows:
        print(f"| {mutation.name} | `{shlex.join(mutation.tests)}` | {result} |")
    survivors = [m for m, result in rows if result != "caught"]
    print(f"\n{len(rows) - len(survivors)} of {len(rows)} mutations caught.")
    return 1 if survivors else 0


def run_one(scratch: Path, mutation: Mutation) -> tuple[Mutation, str]:
    path = scratch / mutation.path
    original = path.read_text()
    found = original.count(mutation.old)
    if found == 1:
        path.write_text(original.replace(mutation.old, mutation.new))
        try:
            outcome = pytest(scratch, mutation.tests)
        finally:
            path.write_text(original)
        result = {"failed": "caught", "passed": "SURVIVED"}.get(
            outcome, outcome.upper()
        )
    else:
        result = f"NOT APPLIED (found {found} times)"
    print(f"{mutation.name}: {result}", flush=True)
    return mutation, result


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
