"""Reading the public pages in tests: the text of a response, its JSON-LD, the seed's motto."""

import json
import re

MOTTO = "Collective Security in a Multipolar World: Common Goal, Shared Responsibility"


def text_of(response) -> str:
    return response.content.decode()


def jsonld_of(response) -> dict:
    scripts = re.findall(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', text_of(response), re.S
    )
    assert len(scripts) == 1
    return json.loads(scripts[0])
