"""Reads that span several models for the public pages."""

from itertools import groupby

from django.core.cache import cache
from django.db.models import Count, Q

from cstokb.cache import kb_version
from documents.models import Document
from presidencies.models import Presidency, Priority, Theme

MATRIX_CACHE_SECONDS = 600


def group_by_theme(priorities: list[Priority]) -> list[tuple[Theme, list[Priority]]]:
    """Priorities (already ordered by theme name) grouped under their theme."""
    return [(theme, list(items)) for theme, items in groupby(priorities, key=lambda p: p.theme)]


def group_by_presidency(priorities: list[Priority]) -> list[tuple[Presidency, list[Priority]]]:
    return [(p, list(items)) for p, items in groupby(priorities, key=lambda p: p.presidency)]


def presidency_documents(presidency: Presidency):
    """Documents issued during the chairmanship or cited by its priorities."""
    return (
        Document.objects.filter(
            Q(presidency=presidency) | Q(citations__priority__presidency=presidency)
        )
        .distinct()
        .with_related()
        .order_by("-date", "pk")
    )


def theme_matrix() -> dict:
    """Themes by chairmanships: how many priorities each chairmanship set on each theme.

    Counted in SQL; the result is cached and keyed on the knowledge-base version, so any
    editor's change shows at once.
    """
    key = f"web:theme-matrix:{kb_version()}"
    matrix = cache.get(key)
    if matrix is None:
        matrix = _build_theme_matrix()
        cache.set(key, matrix, MATRIX_CACHE_SECONDS)
    return matrix


def _build_theme_matrix() -> dict:
    presidencies = list(Presidency.objects.select_related("chair").with_priority_count())
    themes = list(Theme.objects.all())
    counts = {
        (row["theme_id"], row["presidency_id"]): row["n"]
        for row in Priority.objects.order_by()
        .values("theme_id", "presidency_id")
        .annotate(n=Count("id"))
    }
    # Only chairmanships with priorities on record are compared: one without any (the
    # sources give none) would make every following theme look "new".
    compared = [p for p in presidencies if p.priority_count]
    rows = []
    for theme in themes:
        cells, previous, total = [], False, 0
        for presidency in compared:
            n = counts.get((theme.pk, presidency.pk), 0)
            state = "none" if not n else ("continued" if previous else "new")
            if n and not cells:
                state = "first"
            cells.append({"presidency": presidency, "count": n, "state": state})
            previous = bool(n)
            total += n
        present = sum(1 for c in cells if c["count"])
        rows.append({"theme": theme, "cells": cells, "total": total, "present": present})
    rows.sort(key=lambda r: (-r["present"], -r["total"], r["theme"].name))
    return {"presidencies": compared, "rows": rows, "all_presidencies": presidencies}
