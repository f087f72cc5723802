"""URL text fragments (https://wicg.github.io/scroll-to-text-fragment/) for stored quotes.

`#:~:text=[prefix-,]start[,end][,-suffix]`: a browser scrolls to the first passage that matches
and highlights it. Long quotes are given by their first and last words (textStart,textEnd);
prefix and suffix words are added only when the quote alone would match an earlier passage
of the stored text. Matching against the official page can only be judged on our copy.
"""

import re
from urllib.parse import quote as percent_encode

WORDS = re.compile(r"\S+")
EDGE_WORDS = 4  # words kept at each end of a long quote
CONTEXT_WORDS = 3  # words of prefix or suffix when the quote is ambiguous
LONG_QUOTE_WORDS = 2 * EDGE_WORDS + 2


def _term(text: str) -> str:
    # Every reserved character is percent-encoded, and "-" too: the directive uses "-", ","
    # and "&" as syntax (the spec's list), and "-" is unreserved for urllib.
    return percent_encode(text, safe="").replace("-", "%2D")


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return (0 if before == -1 else before + 2), (len(text) if after == -1 else after)


def text_directive(text: str, start: int, end: int) -> str:
    """The `text=` directive that selects text[start:end], percent-encoded."""
    quote = text[start:end]
    words = WORDS.findall(quote)
    if len(words) >= LONG_QUOTE_WORDS:
        first, last = " ".join(words[:EDGE_WORDS]), " ".join(words[-EDGE_WORDS:])
        terms = [_term(first), _term(last)]
        found = text.find(first)
        ambiguous = found != start or text.find(last, found + len(first)) != end - len(last)
    else:
        terms = [_term(" ".join(words))]
        ambiguous = text.find(quote) != start
    if ambiguous:
        low, high = _paragraph_bounds(text, start, end)
        prefix = WORDS.findall(text[low:start])[-CONTEXT_WORDS:]
        suffix = WORDS.findall(text[end:high])[:CONTEXT_WORDS]
        if prefix:
            terms.insert(0, _term(" ".join(prefix)) + "-")
        if suffix:
            terms.append("-" + _term(" ".join(suffix)))
    return "text=" + ",".join(terms)


def fragment_url(url: str, directive: str) -> str:
    """`url` opened at the passage: any existing fragment is kept before the directive."""
    return f"{url}#:~:{directive}" if "#" not in url else f"{url}:~:{directive}"
