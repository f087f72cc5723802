"""The texts of the error pages: 400.html, 403.html, 404.html and 500.html each show theirs
through one template, errors/page.html (Django's handlers render them with no view context)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ErrorPage:
    title: str
    description: str
    lead: str
    # (URL name, text): where to go from here, after the home page.
    links: tuple[tuple[str, str], ...] = ()
    # The h1, where it is not the title.
    heading: str = ""


BROWSE_CHAIRMANSHIPS = ("presidency-list", _("Browse the chairmanships"))

ERROR_PAGES = {
    400: ErrorPage(
        _("Bad request"),
        _("The CSTO knowledge base could not read this request."),
        _(
            "The address or the form sent could not be read. Check the address, "
            "or go back and try again."
        ),
        links=(("search", _("Search the knowledge base")),),
    ),
    403: ErrorPage(
        _("Access denied"),
        _("This page of the CSTO knowledge base is not open to you."),
        _(
            "You do not have permission to open this page. The public pages of the "
            "knowledge base need no account."
        ),
        links=(BROWSE_CHAIRMANSHIPS,),
    ),
    404: ErrorPage(
        _("Page not found"),
        _("This page does not exist in the CSTO knowledge base."),
        _("There is no page at this address. It may have moved, or the address may be mistyped."),
        links=(BROWSE_CHAIRMANSHIPS, ("document-list", _("Browse the documents"))),
    ),
    500: ErrorPage(
        _("Server error"),
        _("Something went wrong on the server."),
        _(
            "The server could not complete your request. The error has been logged; "
            "please try again in a moment."
        ),
        heading=_("Something went wrong"),
    ),
}
