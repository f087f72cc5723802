"""URL text fragments as the WICG specification writes them."""

from urllib.parse import unquote

from documents.fragments import fragment_url, text_directive

TEXT = (
    "The chairmanship will work on peacekeeping.\n\n"
    "Ministers met in Minsk. The chairmanship will work on peacekeeping, they said, "
    "and on drills."
)


def test_a_quote_standing_once_is_its_own_directive():
    start = TEXT.index("Ministers")
    assert text_directive(TEXT, start, start + len("Ministers met in Minsk.")) == (
        "text=Ministers%20met%20in%20Minsk."
    )


def test_an_ambiguous_quote_gets_prefix_and_suffix_from_its_paragraph():
    quote = "The chairmanship will work on peacekeeping"
    start = TEXT.index(quote, 10)  # the second occurrence
    directive = text_directive(TEXT, start, start + len(quote))
    prefix, exact, suffix = directive.removeprefix("text=").split(",")
    assert unquote(prefix) == "met in Minsk.-"
    assert unquote(exact) == quote
    assert unquote(suffix) == "-, they said,"


def test_syntax_characters_are_percent_encoded():
    text = "Security & co-operation, 2026-2030: yes."
    directive = text_directive(text, 0, len(text))
    assert directive == "text=Security%20%26%20co%2Doperation%2C%202026%2D2030%3A%20yes."
    assert unquote(directive) == "text=" + text


def test_a_long_quote_is_given_by_its_first_and_last_words():
    text = "one two three four five six seven eight nine ten eleven twelve"
    assert text_directive(text, 0, len(text)) == (
        "text=one%20two%20three%20four,nine%20ten%20eleven%20twelve"
    )


def test_an_existing_fragment_is_kept():
    assert fragment_url("https://x.org/a", "text=b") == "https://x.org/a#:~:text=b"
    assert fragment_url("https://x.org/a#top", "text=b") == "https://x.org/a#top:~:text=b"
