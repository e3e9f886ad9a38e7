"""How well the site search answers patients: the queries of search/relevance.toml,
each with the articles that answer it, scored as the number answered in the first
three results and the mean reciprocal rank (1 for a right first result, 1/2 for a
right second, 0 when none of the first ten is right)."""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

QUERIES = Path(__file__).with_name("relevance.toml")
TOP = 3
DEPTH = 10


@dataclass(frozen=True)
class Outcome:
    text: str
    kind: str
    rank: int | None  # 1-based place of the first right article, None if not found


@dataclass(frozen=True)
class Score:
    outcomes: list[Outcome]

    @property
    def in_top(self) -> int:
        return sum(1 for o in self.outcomes if o.rank and o.rank <= TOP)

    @property
    def mrr(self) -> float:
        return sum(1 / o.rank for o in self.outcomes if o.rank) / len(self.outcomes)

    def summary(self) -> str:
        return (
            f"{self.in_top} of {len(self.outcomes)} in the top {TOP},"
            f" MRR {self.mrr:.2f}"
        )

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.rank or o.rank > TOP]


def load() -> list[dict]:
    with QUERIES.open("rb") as file:
        return tomllib.load(file)["query"]


def score(ranked_slugs: Callable[[str], list[str]]) -> Score:
    """Score a search, given as the slugs of the articles it finds for a query,
    best first."""
    outcomes = []
    for query in load():
        slugs = ranked_slugs(query["text"])[:DEPTH]
        rank = next(
            (place for place, slug in enumerate(slugs, 1) if slug in query["find"]),
            None,
        )
        outcomes.append(Outcome(query["text"], query["kind"], rank))
    return Score(outcomes)
