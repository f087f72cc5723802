"""The editorial labels of chairmanships, themes, priorities and meetings, in English and Russian.

Only the knowledge base's own wording is registered: the names of states, people, meetings and
posts as each language writes them, and editorial text; slugs, mottos, keywords and the facts
the sources give stay in one column. Each model's history table carries the versions too.
"""

from cstokb.labels import register_labels

from .models import MemberState, Official, Position, Presidency, Priority, Summit, Theme

LABELS = {
    # A state's name as the organisation writes it in each language (Российская Федерация).
    MemberState: ("name",),
    Presidency: ("summary", "editorial_note"),
    Theme: ("name", "description"),
    Priority: ("title", "summary", "status_note"),
    # A meeting's title, place and format are the knowledge base's own description of it.
    Summit: ("title", "city", "venue", "sitting", "editorial_note"),
    # A person's name as each language's press writes it (Сергей Лавров), and their post.
    Official: ("name",),
    Position: ("title", "organisation"),
}

register_labels(LABELS)
