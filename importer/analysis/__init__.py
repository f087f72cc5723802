"""Read a statement as pasted from a web page and propose what the knowledge base needs.

The text functions (clean, extract_title, find_date, …) are pure; `analyse()` adds the
database look-ups (officials, chairmanship, meeting, themes, priorities) and returns an
`Analysis` that the `import_statement` command and the admin's import page both use.

Modules by concern: `base` (the Analysis and input checks), `dates`, `cleaning` (page
furniture, reflow, title), `metadata` (date, publisher, kind), `sentences`, `people`,
`themes`, `places` (place and meeting), `chairmanships`. Only `analyse()` and a few
functions in `chairmanships` and `places` read the database.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from .. import html
from .base import (
    MAX_BYTES,
    Analysis,
    Candidate,
    InputError,
    ThemeHit,
    decode_input,
    detect_language,
)
from .chairmanships import find_presidency, find_presidency_with_note, presidency_named_in
from .cleaning import _normalise, _split, clean, extract_title, reflow
from .dates import full_dates, is_dateline
from .meetings import YESTERDAY, propose_meeting
from .metadata import find_date, find_kind, find_publisher, yearless_date
from .people import (
    NOT_NAMES,
    find_unknown_people,
    is_known,
    match_officials,
    name_spans,
    unknown_speakers,
)
from .places import find_place, find_summit, recorded_cities
from .posts import people_by_post, russian_people_by_post
from .proposals import propose_chairmanship
from .sentences import PRIORITY_MARKERS, sentences
from .themes import best_theme, theme_hits
from .versions import Anchors, VersionProposal, propose_work

__all__ = [
    "MAX_BYTES",
    "Analysis",
    "Candidate",
    "InputError",
    "ThemeHit",
    "VersionProposal",
    "analyse",
    "clean",
    "decode_input",
    "extract_title",
    "find_date",
    "find_kind",
    "find_place",
    "find_presidency",
    "find_presidency_with_note",
    "find_publisher",
    "find_summit",
    "find_unknown_people",
    "full_dates",
    "is_dateline",
    "match_officials",
    "name_spans",
    "presidency_named_in",
    "reflow",
    "sentences",
    "unknown_speakers",
    "yearless_date",
]


def propose_new_meeting(text: str, day, cities: set[str]):
    """The meeting the text states as held, unless the knowledge base has a meeting of that
    kind on that day. `cities`: the recorded meetings' cities (recorded_cities())."""
    from presidencies.models import Summit

    proposal = propose_meeting(text, day, cities)
    if proposal and Summit.objects.filter(kind=proposal.kind, date=proposal.date).exists():
        return None
    return proposal


def _proposed(what: str, proposal) -> list[str]:
    """The note on a proposed chairmanship or meeting, if there is one."""
    if proposal is None:
        return []
    return [
        f"The text states the {what} {proposal}, which the knowledge base lacks "
        f"(“{proposal.quote}”): proposed."
    ]


def analyse(raw: str) -> Analysis:
    from presidencies.models import MemberState, Official, Priority, Theme

    page = html.extract(raw) if html.is_html(raw) else None
    body = page.text if page else raw
    title, paragraphs = _split(body)
    if page and page.title:
        # The page's own title (its <title> or og:title) beats a guess from the text.
        if paragraphs and _normalise(paragraphs[0]) == page.title:
            paragraphs = paragraphs[1:]
        elif title and title != page.title:
            paragraphs = [title, *paragraphs]
        title = page.title
    text = "\n\n".join(paragraphs)
    result = Analysis(raw=raw, title=title, text=text, language=detect_language(text or title))
    result.date = find_date(body)
    if page and page.date and result.date is None:
        result.date = page.date
        result.notes.append(
            _("The date %(date)s is the page's own (its metadata), not the text's.")
            % {"date": page.date.isoformat()}
        )
    result.publisher = find_publisher(body) or (page.sitename if page else "")
    result.kind = find_kind(body, title, text, result.publisher)
    if result.date is None:
        result.date, note = yearless_date(body)
        result.notes += [note] if note else []

    officials = list(Official.objects.all())
    searched = f"{title}\n\n{text}" if title else text
    title_length = len(title)
    transcript = result.kind == "transcript"
    result.officials, result.mentioned, covered = match_officials(
        searched, officials, title_length=title_length, transcript=transcript
    )
    result.unknown_people = find_unknown_people(searched, officials, covered)
    by_post = people_by_post(searched, covered, NOT_NAMES)
    by_post += russian_people_by_post(searched, covered)
    for name, post in by_post:
        if is_known(name, officials):
            continue
        if name not in result.unknown_people:
            result.unknown_people.append(name)
        result.posts.setdefault(name, post)
    result.unknown_speakers = unknown_speakers(
        searched, result.unknown_people, title_length=title_length, transcript=transcript
    )

    place, cities = find_place(raw), recorded_cities()
    result.summit = find_summit(result.date, searched, place, cities)
    if result.summit is None and result.date is not None and YESTERDAY.search(searched):
        # "Yesterday the session of the Council closed in Moscow": the day before the text's.
        day_before = result.date - datetime.timedelta(days=1)
        result.summit = find_summit(day_before, searched, place, cities)
    if result.summit is None:
        result.proposed_summit = propose_new_meeting(searched, result.date, cities)
        result.notes += _proposed("meeting", result.proposed_summit)
    if result.date is not None:
        result.presidency, note = find_presidency_with_note(result.date)
        result.notes += [note] if note else []
    else:
        # Never a guessed date; but the text may state the chairmanship in so many words.
        result.presidency, note = presidency_named_in(searched)
        result.notes += [note] if note else []
        if result.presidency is None and result.summit is not None:
            result.presidency = result.summit.presidency
            if result.presidency:
                result.notes.append(
                    f"The text gives no date; the chairmanship {result.presidency} is that of "
                    f"the meeting it reports on, {result.summit}."
                )

    if result.presidency is None:
        result.proposed_presidency = propose_chairmanship(searched, result.date)
        result.notes += _proposed("chairmanship", result.proposed_presidency)

    themes = list(Theme.objects.all())
    result.themes = theme_hits(searched, themes)
    anchors = Anchors(officials, themes, MemberState.objects.all())
    result.proposed_work = propose_work(
        text, result.language, result.date, result.officials, anchors
    )
    priorities = (
        list(Priority.objects.filter(presidency=result.presidency).order_by("order", "pk"))
        if result.presidency
        else []
    )
    for sentence in sentences(text):
        if not PRIORITY_MARKERS.search(sentence):
            continue
        theme = best_theme(sentence, themes)
        priority = None
        if theme is not None:
            priority = next((p for p in priorities if p.theme_id == theme.pk), None)
        result.priorities.append(Candidate(quote=sentence, theme=theme, priority=priority))
    return result
