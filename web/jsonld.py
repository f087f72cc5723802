"""schema.org JSON-LD for detail pages, so search engines and scrapers can reuse the data."""

from django.urls import reverse

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
    data = {
        "@context": "https://schema.org",
        "@type": "Role",
        "roleName": "Chairmanship of the CSTO",
        "name": str(presidency),
        "url": _url(request, presidency.get_absolute_url()),
        "memberOf": CSTO,
        "member": {"@type": "Country", "name": presidency.chair.name},
    }
    if presidency.start_date:
        data["startDate"] = presidency.start_date.isoformat()
    if presidency.end_date:
        data["endDate"] = presidency.end_date.isoformat()
    if presidency.motto:
        data["description"] = presidency.motto
    return data


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


def event(request, summit) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": summit.title,
        "url": _url(request, summit.get_absolute_url()),
        "organizer": CSTO,
        "eventStatus": "https://schema.org/EventScheduled",
        "attendee": [
            {"@type": "Person", "name": p.name, "url": _url(request, p.get_absolute_url())}
            for p in summit.participants.all()
        ],
    }
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


def document(request, document) -> dict:
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
    return data
