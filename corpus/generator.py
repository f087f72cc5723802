"""A synthetic knowledge base for benchmarks: deterministic from a seed, inserted in bulk.

Sentences come from corpus/sentences.py, in the seed texts' vocabulary, so search finds
realistic matches; every citation quotes a whole sentence of its document's generated text.
Chairmanships take the years before the seed's (LAST_YEAR backwards: the seed's Russia 2020
began in November 2019 and Russia 2026 is open-ended), so nothing overlaps.
"""

import contextlib
import datetime
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import connection, reset_queries, transaction
from django.utils import timezone

from documents.models import Citation, Document, text_fingerprint
from presidencies.models import MemberState, Official, Position, Presidency, Priority, Summit, Theme

from .sentences import SOURCES, load_sentences

LAST_YEAR = 2018
FIRST_POSSIBLE_YEAR = 1993  # the presidency_year_plausible constraint starts at 1992
DEFERRED_TRIGGER_TABLES = (Citation._meta.db_table, Document.speakers.through._meta.db_table)

STATES = [
    ("Armenia", "armenia", "AM", "Yerevan"),
    ("Belarus", "belarus", "BY", "Minsk"),
    ("Kazakhstan", "kazakhstan", "KZ", "Astana"),
    ("Kyrgyzstan", "kyrgyzstan", "KG", "Bishkek"),
    ("Russia", "russia", "RU", "Moscow"),
    ("Tajikistan", "tajikistan", "TJ", "Dushanbe"),
]
FIRST_NAMES = ["Aibek", "Nurlan", "Sergey", "Dmitry", "Rustam", "Askar", "Viktor", "Zarina"]
FIRST_NAMES += ["Timur", "Bakyt", "Elena", "Gulnara", "Anatoly", "Sadyr", "Emomali", "Maxim"]
LAST_NAMES = ["Abdullaev", "Bekov", "Ivanov", "Kasymov", "Nazarov", "Orlov", "Petrov"]
LAST_NAMES += ["Rakhimov", "Sultanov", "Tokaev", "Umarov", "Volkov", "Yusupov", "Zhakupov"]
POSTS = ["Minister of Foreign Affairs", "Minister of Defence", "Secretary of the Security Council"]
SOURCE_KINDS = ["statement", "news_report", "speech", "remarks", "press_release", "interview"]
# The instruments a corpus holds (Document.INSTRUMENT_KINDS says which kinds are instruments).
INSTRUMENT_KINDS = ["decision", "declaration", "plan", "strategy"]
PUBLISHERS = ["TASS", "BelTA", "Kabar", "Kazinform", "Khovar", "Armenpress", "CSTO Secretariat"]
# A quote backing a priority states it two times in three, reports progress on it otherwise.
STATED_ROLES = [Citation.Role.STATES, Citation.Role.STATES, Citation.Role.PROGRESS]
SUMMIT_KINDS = [("csc", 11), ("cfm", 6), ("cdm", 5)]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip


@dataclass
class Plan:
    documents: int
    presidencies: int
    seed: int
    batch_size: int = 1000
    vocabulary: str = "dense"
    counts: dict[str, int] = field(default_factory=dict)


def _day_in(rng: random.Random, year: int) -> datetime.date:
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))


def _dateline(city: str, day: datetime.date, publisher: str) -> str:
    return f"{city.upper()}, {day.day} {MONTHS[day.month - 1]} {day.year}. /{publisher}/."


class CorpusGenerator:
    def __init__(self, plan: Plan, log=print):
        if not 1 <= plan.presidencies <= LAST_YEAR - FIRST_POSSIBLE_YEAR + 1:
            raise ValueError(
                f"--presidencies must be between 1 and {LAST_YEAR - FIRST_POSSIBLE_YEAR + 1} "
                f"(one a year, {FIRST_POSSIBLE_YEAR}-{LAST_YEAR}, before the seed's)."
            )
        if plan.documents < 0:
            raise ValueError("--documents must not be negative.")
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.log = log
        if plan.vocabulary not in SOURCES:
            raise ValueError(f"--vocabulary must be one of {', '.join(SOURCES)}.")
        self.source = SOURCES[plan.vocabulary](self.rng, load_sentences())
        self.now = timezone.now()

    def check_free(self) -> None:
        years = self.years()
        if Presidency.objects.filter(year__in=years).exists():
            raise ValueError(
                f"Chairmanships for {years[0]}-{years[-1]} already exist: a corpus was "
                "generated here before. Use a fresh database."
            )

    def years(self) -> list[int]:
        return list(range(LAST_YEAR - self.plan.presidencies + 1, LAST_YEAR + 1))

    def run(self) -> dict[str, int]:
        self.check_free()
        # One transaction: an interrupted run leaves nothing half generated.
        with transaction.atomic():
            states = self.member_states()
            themes = list(Theme.objects.order_by("pk")) or self.themes()
            officials = self.officials(states)
            presidencies = self.presidencies(states)
            priorities = self.priorities(presidencies, themes)
            summits = self.summits(presidencies, states, officials)
            with self.row_triggers_deferred():
                self.documents(presidencies, priorities, summits, officials)
        return self.plan.counts

    @contextlib.contextmanager
    def row_triggers_deferred(self):
        """On PostgreSQL, user row triggers on citations and on documents' speakers (a search
        index refreshed per row, which is quadratic in bulk) are off during the inserts, and the
        index is rebuilt once after."""
        if connection.vendor != "postgresql":
            yield
            return
        with connection.cursor() as cursor:
            for table in DEFERRED_TRIGGER_TABLES:
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            try:
                yield
            finally:
                # Deferred foreign-key checks must run before the table can be altered again.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                for table in DEFERRED_TRIGGER_TABLES:
                    cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("SELECT to_regproc('search_priority_rebuild') IS NOT NULL")
            if cursor.fetchone()[0]:
                self.log("  rebuilding the priorities' search index")
                cursor.execute("SELECT search_priority_rebuild()")

    def _stamp(self, obj):
        obj.created_at = obj.updated_at = self.now
        return obj

    def member_states(self) -> dict[str, MemberState]:
        existing = {s.iso_code: s for s in MemberState.objects.all()}
        for name, slug, code, _city in STATES:
            if code not in existing:
                existing[code] = MemberState.objects.create(name=name, slug=slug, iso_code=code)
        return {code: existing[code] for _n, _s, code, _c in STATES}

    def themes(self) -> list[Theme]:
        names = ["Counter-terrorism", "Information security", "Peacekeeping", "Drug trafficking"]
        return [Theme.objects.create(name=n, slug=n.lower().replace(" ", "-")) for n in names]

    def officials(self, states) -> list[Official]:
        rng, people, positions = self.rng, [], []
        codes = list(states)
        for i in range(60):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            people.append(self._stamp(Official(name=name, slug=f"gen-official-{i:03d}")))
        people = Official.objects.bulk_create(people)
        for i, person in enumerate(people):
            state = states[codes[i % len(codes)]]
            positions.append(
                self._stamp(Position(official=person, title=POSTS[i % 3], member_state=state))
            )
        Position.objects.bulk_create(positions)
        self.plan.counts["officials"] = len(people)
        return people

    def presidencies(self, states) -> list[Presidency]:
        rows = []
        codes = list(states)
        for i, year in enumerate(self.years()):
            chair = states[codes[i % len(codes)]]
            rows.append(
                self._stamp(
                    Presidency(
                        chair=chair,
                        year=year,
                        slug=Presidency.slug_for(chair, year),
                        start_date=datetime.date(year, 1, 1),
                        end_date=datetime.date(year, 12, 31),
                        motto=" ".join(self.source.sentences(1)[0].split()[:8]).rstrip(",.;:"),
                        summary=" ".join(self.source.sentences(3)),
                    )
                )
            )
        rows = Presidency.objects.bulk_create(rows)
        self.plan.counts["presidencies"] = len(rows)
        # Fetched again: SQLite's bulk_create does not return ids.
        return list(
            Presidency.objects.filter(year__in=self.years())
            .order_by("year")
            .select_related("chair")
        )

    def priorities(self, presidencies, themes) -> dict[int, list[Priority]]:
        rng, rows = self.rng, []
        statuses = [s.value for s in Priority.Status]
        for presidency in presidencies:
            for order, theme in enumerate(rng.sample(themes, k=min(len(themes), 8)), start=1):
                words = self.source.sentences(1)[0].split()[:6]
                rows.append(
                    self._stamp(
                        Priority(
                            presidency=presidency,
                            theme=theme,
                            title=f"{theme.name}: {' '.join(words).rstrip(',.;:')}"[:200],
                            summary=" ".join(self.source.sentences(2)),
                            order=order,
                            status=rng.choice(statuses),
                        )
                    )
                )
        Priority.objects.bulk_create(rows, batch_size=self.plan.batch_size)
        by_presidency: dict[int, list[Priority]] = defaultdict(list)
        for p in Priority.objects.filter(presidency__in=presidencies).order_by("pk"):
            by_presidency[p.presidency_id].append(p)
        self.plan.counts["priorities"] = len(rows)
        return by_presidency

    def summits(self, presidencies, states, officials) -> dict[int, list[Summit]]:
        rng, rows = self.rng, []
        cities = {code: city for _n, _s, code, city in STATES}
        for presidency in presidencies:
            city = cities[presidency.chair.iso_code]
            for kind, month in SUMMIT_KINDS:
                day = datetime.date(presidency.year, month, rng.randint(1, 28))
                rows.append(
                    self._stamp(
                        Summit(
                            kind=kind,
                            title=f"{Summit.Kind(kind).label}, {city} {presidency.year}",
                            slug=f"gen-{kind}-{presidency.year}",
                            date=day,
                            city=city,
                            presidency=presidency,
                            attendance=Summit.Attendance.IN_PERSON,
                        )
                    )
                )
        Summit.objects.bulk_create(rows, batch_size=self.plan.batch_size)
        by_presidency: dict[int, list[Summit]] = defaultdict(list)
        summits = list(Summit.objects.filter(presidency__in=presidencies).order_by("pk"))
        through = Summit.participants.through
        links = []
        for s in summits:
            by_presidency[s.presidency_id].append(s)
            for person in rng.sample(officials, k=4):
                links.append(through(summit_id=s.pk, official_id=person.pk))
        through.objects.bulk_create(links, batch_size=self.plan.batch_size)
        self.plan.counts["summits"] = len(summits)
        return by_presidency

    def _text(self, dateline: str) -> tuple[str, list[str]]:
        """Paragraphs of 2-5 sentences until 500-2,000 words; also the sentences used."""
        rng = self.rng
        target = rng.randint(500, 1940)  # the last sentence may add up to 60 words
        sentences = [dateline]
        words = len(dateline.split())
        while words < target:
            for sentence in self.source.sentences(8):
                sentences.append(sentence)
                words += len(sentence.split())
                if words >= target:
                    break
        paragraphs, i = [], 0
        while i < len(sentences):
            size = rng.randint(2, 5)
            paragraphs.append(" ".join(sentences[i : i + size]))
            i += size
        return "\n\n".join(paragraphs), sentences[1:]

    def _document_batches(self, presidencies, summits, officials) -> Iterator[list[tuple]]:
        rng, plan = self.rng, self.plan
        cities = {code: city for _n, _s, code, city in STATES}
        batch, seen = [], set()
        for i in range(plan.documents):
            presidency = presidencies[i % len(presidencies)]
            instrument = rng.random() < 0.08
            kind = rng.choice(INSTRUMENT_KINDS if instrument else SOURCE_KINDS)
            summit = rng.choice(summits[presidency.pk]) if rng.random() < 0.25 else None
            day = summit.date if summit else _day_in(rng, presidency.year)
            publisher = rng.choice(PUBLISHERS)
            speakers = rng.sample(officials, k=rng.randint(1, 2))
            text, sentences = self._text(
                _dateline(cities[presidency.chair.iso_code], day, publisher)
            )
            fingerprint = text_fingerprint(text)
            while fingerprint in seen:  # astronomically rare; stays deterministic
                text += " " + self.source.sentences(1)[0]
                fingerprint = text_fingerprint(text)
            seen.add(fingerprint)
            topic = " ".join(rng.choice(sentences).split()[:7]).rstrip(",.;:")
            title = f"{dict(Document.Kind.choices)[kind]} by {speakers[0].name}: {topic}"[:400]
            document = self._stamp(
                Document(
                    slug=f"gen-{presidency.year}-{i:07d}",
                    kind=kind,
                    title=title,
                    date=day,
                    publisher=publisher,
                    language="en",
                    presidency=presidency,
                    summit=summit,
                    text=text,
                    raw_text="",
                    text_hash=fingerprint,
                )
            )
            quotes = rng.sample(sentences, k=rng.randint(1, 2))
            batch.append((document, speakers, quotes, summit))
            if len(batch) == plan.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def documents(self, presidencies, priorities, summits, officials) -> None:
        rng, plan = self.rng, self.plan
        speakers_through = Document.speakers.through
        instruments_through = Priority.instruments.through
        done = citations_count = 0
        for batch in self._document_batches(presidencies, summits, officials):
            docs = Document.objects.bulk_create([b[0] for b in batch])
            if docs[0].pk is None:  # SQLite: no RETURNING for bulk inserts
                ids = dict(
                    Document.objects.filter(slug__in=[d.slug for d in docs]).values_list(
                        "slug", "pk"
                    )
                )
                for d in docs:
                    d.pk = ids[d.slug]
            links, citations, implemented = [], [], []
            for document, speakers, quotes, summit in batch:
                links += [
                    speakers_through(document_id=document.pk, official_id=s.pk) for s in speakers
                ]
                own = priorities[document.presidency_id]
                for n, quote in enumerate(quotes):
                    citation = Citation(document=document, quote=quote, role=Citation.Role.STATES)
                    if summit is not None and n == 1:
                        citation.summit, citation.role = summit, Citation.Role.ATTESTS
                    elif rng.random() < 0.4:
                        citation.priority = rng.choice(own)
                        citation.role = rng.choice(STATED_ROLES)
                    else:
                        citation.presidency_id, citation.role = (
                            document.presidency_id,
                            Citation.Role.ATTESTS,
                        )
                    citation.anchor()  # bulk_create skips save()
                    citations.append(self._stamp(citation))
                if document.is_instrument:
                    implemented.append(
                        instruments_through(priority_id=rng.choice(own).pk, document_id=document.pk)
                    )
            speakers_through.objects.bulk_create(links)
            Citation.objects.bulk_create(citations)
            instruments_through.objects.bulk_create(implemented, ignore_conflicts=True)
            done += len(docs)
            citations_count += len(citations)
            reset_queries()  # with DEBUG on, Django would keep every INSERT's text in memory
            self.log(f"  {done}/{plan.documents} documents")
        plan.counts["documents"] = done
        plan.counts["citations"] = citations_count
