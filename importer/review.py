"""The review form filled in from an analysis: what `services.import_data_from` would store,
for the editor to correct."""

from django.utils.translation import gettext as _

from .forms import MAX_PEOPLE, MAX_QUOTES, ReviewForm, sign_raw


def initial_from(analysis, slug: str, source_url: str = "") -> dict:
    """The review form's initial values: what `services.import_data_from` would store."""
    initial = {
        "title": analysis.title,
        "slug": slug,
        "source_url": source_url,
        "language": analysis.language,
        "date": analysis.date,
        "kind": analysis.kind,
        "publisher": analysis.publisher,
        "text": analysis.text,
        "raw_token": sign_raw(analysis.raw),
        "officials": [o.pk for o in analysis.officials],
        "mentioned": [],
        "presidency": analysis.presidency.pk if analysis.presidency else None,
        "summit": analysis.summit.pk if analysis.summit else None,
        "themes": [h.theme.pk for h in analysis.themes],
        "editorial_note": " ".join(analysis.notes),
        "create_presidency": False,
        "people_count": len(analysis.unknown_people),
        "quote_count": len(analysis.priorities),
    }
    if analysis.proposed_presidency:
        proposal = analysis.proposed_presidency
        initial.update(
            proposal_chair=proposal.state.pk,
            proposal_year=proposal.year,
            proposal_start=proposal.start_date,
            proposal_quote=proposal.quote,
        )
    if analysis.proposed_summit:
        meeting = analysis.proposed_summit
        initial.update(
            meeting_proposed=True,
            create_summit=False,
            new_summit_title=meeting.title,
            new_summit_kind=meeting.kind,
            new_summit_city=meeting.city,
            new_summit_date=meeting.date,
            new_summit_quote=meeting.quote,
            new_summit_instruments="\n".join(meeting.instruments),
            new_summit_participants=[o.pk for o in [*analysis.officials, *analysis.mentioned]],
        )
    if analysis.proposed_work:
        initial.update(
            version_of=analysis.proposed_work.document.pk,
            work_reason=analysis.proposed_work.reason,
            attach_work=False,
        )
    for i, name in enumerate(analysis.unknown_people):
        initial[f"person_{i}_name"] = name
        initial[f"person_{i}_post"] = analysis.posts.get(name, "")
        initial[f"person_{i}_create"] = False
        initial[f"person_{i}_speaker"] = name in analysis.unknown_speakers
    for i, candidate in enumerate(analysis.priorities):
        initial[f"quote_{i}_text"] = candidate.quote
        initial[f"quote_{i}_use"] = False
        initial[f"quote_{i}_priority"] = candidate.priority.pk if candidate.priority else None
    return initial


def review_form_for(analysis, slug: str, source_url: str = "") -> ReviewForm:
    """The review form for `analysis`, with at most MAX_PEOPLE new people and MAX_QUOTES
    candidate quotes (`form.limits` says what was left out)."""
    limits = []
    if len(analysis.unknown_people) > MAX_PEOPLE:
        limits.append(
            _("Only the first %(shown)s of %(count)s people not in the knowledge base are offered.")
            % {"shown": MAX_PEOPLE, "count": len(analysis.unknown_people)}
        )
        analysis.unknown_people = analysis.unknown_people[:MAX_PEOPLE]
    if len(analysis.priorities) > MAX_QUOTES:
        limits.append(
            _("Only the first %(shown)s of %(count)s candidate quotes are offered.")
            % {"shown": MAX_QUOTES, "count": len(analysis.priorities)}
        )
        analysis.priorities = analysis.priorities[:MAX_QUOTES]
    form = ReviewForm(
        initial=initial_from(analysis, slug, source_url),
        people_count=len(analysis.unknown_people),
        quote_count=len(analysis.priorities),
        mentioned=analysis.mentioned,
    )
    form.limits = limits
    return form
