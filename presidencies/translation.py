"""The editorial labels of chairmanships, themes, priorities and meetings, in English and Russian.

Only the knowledge base's own wording is registered: names, slugs, mottos, keywords and the
facts the sources give stay in one column. Each model's history table carries the versions too.
"""

from cstokb.labels import register_labels

from .models import Presidency, Priority, Summit, Theme

LABELS = {
    Presidency: ("summary", "editorial_note"),
    Theme: ("name", "description"),
    Priority: ("title", "summary", "status_note"),
    Summit: ("editorial_note",),
}

register_labels(LABELS)
