"""The importer proposes the work a new statement is a version of, measured on labelled
cases (tests/data/versions/cases.json): each imports a text into the fixtures' knowledge
base, after storing the texts it is to be compared with, and names what must be proposed."""

import json
from pathlib import Path

import pytest

from importer.analysis import analyse
from importer.analysis.versions import ANCHORS_SHARED, WORDS_SHARED
from importer.services import import_data_from, store

DATA = Path(__file__).resolve().parent.parent / "data"
CASES = json.loads((DATA / "versions" / "cases.json").read_text(encoding="utf-8"))


def read(path: str) -> str:
    return (DATA / path).read_text(encoding="utf-8")


def run_case(case: dict) -> tuple[str | None, object]:
    """(what was proposed: a work's slug, or a stored text's file stem, or None; the proposal)."""
    stems = {}
    for path in case["stored"]:
        stems[store(import_data_from(analyse(read(path)))).slug] = Path(path).stem
    proposal = analyse(read(case["new"])).proposed_work
    if proposal is None:
        return None, None
    if proposal.work is not None:
        return proposal.work.slug, proposal
    return stems.get(proposal.document.slug, proposal.document.slug), proposal


def params():
    for case in CASES:
        marks = []
        if "known_false_proposal" in case:
            # Strict: the day the signal tells this case apart, the label must be updated.
            marks = [pytest.mark.xfail(strict=True, reason=case["known_false_proposal"])]
        yield pytest.param(case, marks=marks, id=f"{case['new']}<-{'+'.join(case['stored'])}")


@pytest.mark.parametrize("case", list(params()))
def test_each_labelled_case(seed, case):
    got, proposal = run_case(case)
    assert got == case["expect"], f"{case['kind']}: {proposal.reason if proposal else None}"


def test_the_set_is_scored_with_every_version_found(seed, django_db_blocker):
    """Recall on the versions 1.0; at most one case of all proposes what it should not
    (the one labelled known_false_proposal)."""
    right = wrong = missed = 0
    for case in CASES:
        with django_db_blocker.unblock():
            from django.db import transaction

            with transaction.atomic():
                got, _proposal = run_case(case)
                transaction.set_rollback(True)
        if got == case["expect"]:
            right += 1
        elif case["expect"] is not None:
            missed += 1
        else:
            wrong += 1
    versions = sum(1 for c in CASES if c["expect"] is not None)
    assert versions >= 4 and len(CASES) - versions >= 8
    assert missed == 0
    assert wrong <= 1, f"{wrong} false proposals of {len(CASES) - versions}"
    assert right == len(CASES) - wrong


def test_a_russian_version_is_proposed_for_the_2026_work_with_its_reason(seed):
    proposal = analyse(read("versions/tass_2026_lavrov_ru.txt")).proposed_work
    assert proposal.work.slug == "lavrov-message-russia-csto-presidency-2026"
    assert proposal.measure == "anchors" and proposal.score >= ANCHORS_SHARED
    assert proposal.reason.startswith(
        "same speaker (Sergey Lavrov) and date (2026-01-01); in another language (en): "
    )
    assert {"2026", "Sergey Lavrov", "Russia"} <= set(proposal.shared)


def test_a_second_rendering_in_the_same_language_is_proposed_by_shared_words(seed):
    from documents.models import Document

    # The second outlet's text imported anew: the stored copy, without its speaker, is no
    # candidate, and the TASS report is the one left to compare with.
    second = Document.objects.get(slug="news-lavrov-message-russia-2026-csto-presidency")
    second.speakers.clear()
    raw = second.raw_text
    proposal = analyse(raw).proposed_work
    assert proposal.document.slug == "tass-2026-01-01-lavrov-russia-csto-presidency"
    assert proposal.measure == "words" and WORDS_SHARED <= proposal.score < 0.6
    assert proposal.reason.startswith("same speaker (Sergey Lavrov); this text gives no date; ")
    assert proposal.reason.endswith("% of words shared")
