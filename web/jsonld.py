"""schema.org JSON-LD for detail pages, so search engines and scrapers can reuse the data."""

import datetime

from django.urls import reverse
from django.utils import timezone

from documents.models import VersionRole

CSTO = {
    "@type": "Organization",
    "name": "Collective Security Treaty Organization",
    "alternateName": "CSTO",
}


def _url(request, path: str) -> str:
    return request.build_absolute_uri(path)


def organisation(request) -> dict:
    return {
        "@context": "https://schema.org",
        **CSTO,
        "subjectOf": {"@type": "WebSite", "name": "CSTO KB", "url": _url(request, "/")},
    }


def presidency(request, presidency) -> dict:
    """The CSTO with the chair state in its role for the period: schema.org's Role pattern.

    A chairmanship is not a thing of its own but a member state holding a role in the
    organisation for a time, which is what an OrganizationRole in `member` states
    (https://schema.org/Role). The chair is typed Country, what it is; `member` expects an
    Organization or Person, and schema.org allows other types where they fit better.
    """
    role = {
        "@type": "OrganizationRole",
        "roleName": "Chair",
        "name": f"{presidency} chairmanship of the CSTO",
        "url": _url(request, presidency.get_absolute_url()),
        "member": {"@type": "Country", "name": presidency.chair.name},
    }
    if presidency.start_date:
        role["startDate"] = presidency.start_date.isoformat()
    if presidency.end_date:
        role["endDate"] = presidency.end_date.isoformat()
    if presidency.motto:
        role["description"] = presidency.motto
    return {"@context": "https://schema.org", **CSTO, "member": role}


def theme(request, theme, priorities) -> dict:
    """A theme page: the collection of the priorities set on one topic, about that topic."""
    term = {
        "@type": "DefinedTerm",
        "name": theme.name,
        "termCode": theme.slug,
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "name": "CSTO KB themes",
            "url": _url(request, reverse("theme-list")),
        },
    }
    if theme.description:
        term["description"] = theme.description
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": f"{theme.name} across CSTO chairmanships",
        "url": _url(request, theme.get_absolute_url()),
        "about": term,
        "isPartOf": {"@type": "WebSite", "name": "CSTO KB", "url": _url(request, "/")},
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": len(priorities),
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": n,
                    "name": f"{p.title} ({p.presidency})",
                    "url": _url(request, p.get_absolute_url()),
                }
                for n, p in enumerate(priorities, start=1)
            ],
        },
    }


def person(request, official) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": official.name,
        "url": _url(request, official.get_absolute_url()),
        "jobTitle": [
            f"{p.title}, {p.member_state.name if p.member_state else p.organisation}"
            for p in official.positions.all()
        ],
    }


def event_status(summit, today: datetime.date) -> tuple[str | None, str]:
    """schema.org eventStatus (None when the data cannot say) and a plain description.

    EventScheduled means "taking place or has taken place on the startDate as scheduled"
    (https://schema.org/EventScheduled): right for a meeting held, and for one planned for a
    date still ahead. A planned meeting whose date has passed without a report, or one only
    proposed, gets no status: none of schema.org's values (Cancelled, Postponed, ...) is known
    to be true of it, and the description says what is.
    """
    day = summit.date.strftime("%-d %B %Y") if summit.date else None
    if summit.status == "held":
        held = f"Held on {day}." if day else "Held; the sources do not give the date."
        return "https://schema.org/EventScheduled", held
    if summit.status == "planned" and summit.date and summit.date >= today:
        return "https://schema.org/EventScheduled", f"Planned for {day}."
    if summit.date and summit.date < today:
        state = summit.get_status_display()
        return None, f"{state} for {day}; no report of it has been recorded yet."
    if summit.status == "planned":
        return None, "Planned; the date is not yet known."
    return None, "Proposed; no date has been set."


def event(request, summit, today: datetime.date | None = None) -> dict:
    status, description = event_status(summit, today or timezone.localdate())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": summit.title,
        "description": description,
        "url": _url(request, summit.get_absolute_url()),
        "organizer": CSTO,
        "attendee": [
            {"@type": "Person", "name": p.name, "url": _url(request, p.get_absolute_url())}
            for p in summit.participants.all()
        ],
    }
    if status:
        data["eventStatus"] = status
    if summit.date:
        data["startDate"] = summit.date.isoformat()
    if summit.attendance == "videoconference":
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "name": "Videoconference"}
    elif summit.city or summit.venue:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {
            "@type": "Place",
            "name": summit.venue or summit.city,
            "address": summit.city,
        }
    return data


KIND_TYPES = {
    "news_report": "NewsArticle",
    "article": "Article",
    "press_release": "Article",
    "transcript": "CreativeWork",
    "decision": "Legislation",
    "declaration": "Legislation",
    "strategy": "Legislation",
    "plan": "Legislation",
    "treaty": "Legislation",
    "adopted_statement": "Legislation",
}


def _version_ref(request, version) -> dict:
    return {
        "@type": KIND_TYPES.get(version.kind, "CreativeWork"),
        "name": version.display_title,
        "url": _url(request, version.get_absolute_url()),
        "inLanguage": version.language,
    }


def _work_ref(request, work) -> dict:
    return {
        "@type": "CreativeWork",
        "name": work.title,
        "url": _url(request, work.get_absolute_url()),
    }


def _versions(data: dict, request, document, siblings) -> None:
    """The document as one version of its work (schema.org exampleOfWork), and which
    versions translate which: translationOfWork names the original (or, when the knowledge
    base lacks it, the work), workTranslation the translations of an original."""
    work = document.work
    data["exampleOfWork"] = _work_ref(request, work)
    if document.version_role == VersionRole.TRANSLATION:
        original = next((v for v in siblings if v.version_role == VersionRole.ORIGINAL), None)
        data["translationOfWork"] = (
            _version_ref(request, original) if original else _work_ref(request, work)
        )
    elif document.version_role == VersionRole.ORIGINAL:
        translations = [v for v in siblings if v.version_role == VersionRole.TRANSLATION]
        if translations:
            data["workTranslation"] = [_version_ref(request, v) for v in translations]
    if document.translator:
        data["translator"] = {"name": document.translator}


def work(request, work, versions) -> dict:
    """A statement as a schema.org CreativeWork: its versions are its workExample, the
    translations among them its workTranslation."""
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": work.title,
        "url": _url(request, work.get_absolute_url()),
        "about": CSTO,
        "workExample": [_version_ref(request, v) for v in versions],
    }
    if work.original_language:
        data["inLanguage"] = work.original_language
    if work.editorial_note:
        data["description"] = work.editorial_note
    translations = [v for v in versions if v.version_role == VersionRole.TRANSLATION]
    if translations:
        data["workTranslation"] = [_version_ref(request, v) for v in translations]
    return data


def document(request, document, siblings=()) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": KIND_TYPES.get(document.kind, "CreativeWork"),
        "name": document.display_title,
        "url": _url(request, document.get_absolute_url()),
        "inLanguage": document.language,
        "about": CSTO,
        "author": [{"@type": "Person", "name": s.name} for s in document.speakers.all()],
    }
    if document.title:
        data["headline"] = document.title[:110]
    if document.date:
        data["datePublished"] = document.date.isoformat()
    if document.publisher:
        data["publisher"] = {"@type": "Organization", "name": document.publisher}
    if document.source_url:
        data["sameAs"] = document.source_url
    if document.text:
        data["isBasedOn"] = _url(request, reverse("document-detail", args=[document.slug]))
    if document.work_id:
        _versions(data, request, document, siblings)
    return data
