from django.core.exceptions import ValidationError
from django.db import models

from blog.search import search_terms


class Synonym(models.Model):
    """Words patients use, and the words our articles use for the same thing.

    Applied when someone searches (nothing is re-indexed when the list changes): a
    search for the phrase also finds articles with any of its meanings.
    """

    phrase = models.CharField(
        max_length=80,
        unique=True,
        help_text='What a patient might type, e.g. "charley horse" or "slipped disc".',
    )
    means = models.CharField(
        max_length=200,
        help_text=(
            "The words our articles use for it, separated by commas, e.g. "
            '"muscle cramp, muscle spasm". A search for the phrase finds them too.'
        ),
    )

    class Meta:
        ordering = ["phrase"]

    def __str__(self):
        return f"{self.phrase} → {self.means}"

    def clean(self):
        self.phrase = " ".join(self.phrase.lower().split())
        errors = {}
        if not search_terms(self.phrase):
            errors["phrase"] = ValidationError(
                "Give a word or two that can be searched for, not only words such "
                "as “the” or “and”.",
                code="no_words",
            )
        if not self.meanings():
            errors["means"] = ValidationError(
                "Give at least one word or phrase our articles use.",
                code="no_meanings",
            )
        if errors:
            raise ValidationError(errors)

    def meanings(self) -> list[list[str]]:
        """Each meaning as the words a search looks for."""
        found = [search_terms(meaning) for meaning in self.means.split(",")]
        return [words for words in found if words]
