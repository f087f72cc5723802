"""Facets of a search: what each match is counted under, and the counts with filters.

Counts are taken in Python over the matches of one query (hundreds at most in this
knowledge base), which keeps them identical on PostgreSQL and SQLite.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from documents.models import DocumentKind

PRIORITY = "priority"
FACETS = ("kind", "presidency", "year", "speaker")
KIND_LABELS = {**dict(DocumentKind.choices), PRIORITY: "Priority"}


@dataclass
class Candidate:
    """A match with what the facets count; the page's objects are loaded only later."""

    type: str
    id: int
    rank: float
    kind: str
    year: int | None
    presidency: str | None = None
    presidency_label: str = ""
    presidency_year: int | None = None
    speakers: dict[str, str] = field(default_factory=dict)

    def value(self, facet: str):
        return {
            "kind": self.kind,
            "presidency": self.presidency,
            "year": self.year,
            "speaker": None,
        }[facet]

    def passes(self, filters: Mapping, skip: str | None = None) -> bool:
        for name, wanted in filters.items():
            if wanted is None or name == skip:
                continue
            if name == "speaker":
                if wanted not in self.speakers:
                    return False
            elif self.value(name) != wanted:
                return False
        return True


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def count_facets(candidates: list[Candidate], filters: dict) -> dict[str, list[FacetValue]]:
    """Counts per facet value over the matches that pass the *other* filters.

    Counting each facet without its own filter keeps the alternatives visible: after
    choosing Russia 2026, the other chairmanships still show how many results they have.
    """
    facets: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        counts: Counter = Counter()
        labels: dict = {}
        order: dict = {}
        for c in candidates:
            if not c.passes(filters, skip=name):
                continue
            if name == "speaker":
                for slug, label in c.speakers.items():
                    counts[slug] += 1
                    labels[slug] = label
                continue
            value = c.value(name)
            if value is None:
                continue
            counts[value] += 1
            if name == "kind":
                labels[value] = KIND_LABELS.get(value, value)
            elif name == "presidency":
                labels[value] = c.presidency_label
                order[value] = c.presidency_year or 0
            else:
                labels[value] = str(value)
        selected = filters.get(name)
        if selected is not None and selected not in counts:
            counts[selected] = 0
            labels.setdefault(selected, KIND_LABELS.get(selected, str(selected)))
        if name == "presidency":
            ordered = sorted(counts, key=lambda v: -(order.get(v) or 0))  # newest first
        elif name == "year":
            ordered = sorted(counts, reverse=True)
        else:
            ordered = sorted(counts, key=lambda v: (-counts[v], labels[v]))  # noqa: B023
        facets[name] = [FacetValue(str(v), labels[v], counts[v], v == selected) for v in ordered]
    return facets
