"""Facets of a search: what a result is counted under, and the counts with filters.

The counts are taken in SQL over every match (search/matches.py, GROUP BY); this module
turns those rows into the ordered facet values shown.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from documents.models import DocumentKind

PRIORITY = "priority"
FACETS = ("kind", "presidency", "year", "speaker")
KIND_LABELS = {**dict(DocumentKind.choices), PRIORITY: _("Priority")}


@dataclass
class Candidate:
    """A result of the page shown, with what the facets count; its object is loaded later."""

    type: str
    id: int
    rank: float
    kind: str
    year: int | None
    presidency: str | None = None
    presidency_label: str = ""
    presidency_year: int | None = None
    speakers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def build_facets(rows: Iterable[tuple], filters: dict) -> dict[str, list[FacetValue]]:
    """Ordered facet values from rows (facet, value, label, order, count).

    Each facet is counted without its own filter, which keeps the alternatives visible:
    after choosing Russia 2026, the other chairmanships still show how many results they have.
    """
    facets: dict[str, list[FacetValue]] = {}
    grouped: dict[str, list[tuple]] = {name: [] for name in FACETS}
    for facet, value, label, order, count in rows:
        if facet in grouped:
            grouped[facet].append((value, label, order, count))
    for name in FACETS:
        counts: dict = {}
        labels: dict = {}
        order: dict = {}
        for value, label, year, count in grouped[name]:
            if name == "year":
                value = int(value)
                labels[value] = str(value)
            elif name == "kind":
                labels[value] = KIND_LABELS.get(value, value)
            elif name == "presidency":
                labels[value] = f"{label} {year}"
                order[value] = year or 0
            else:
                labels[value] = label
            counts[value] = count
        selected = filters.get(name)
        if selected is not None and selected not in counts:
            counts[selected] = 0
            labels.setdefault(selected, KIND_LABELS.get(selected, str(selected)))
        if name == "presidency":
            ordered = sorted(counts, key=lambda v: (-(order.get(v) or 0), v))  # newest first
        elif name == "year":
            ordered = sorted(counts, reverse=True)
        else:
            # Most results first; two officials may share a name: then by slug.
            ordered = sorted(counts, key=lambda v: (-counts[v], labels[v], v))  # noqa: B023
        facets[name] = [FacetValue(str(v), labels[v], counts[v], v == selected) for v in ordered]
    return facets
