"""generate_corpus: a consistent, deterministic synthetic corpus that the constraints accept."""

import collections
import statistics

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from documents.models import Citation, Document, text_fingerprint
from presidencies.models import Presidency

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def generated_content(seed: int) -> list:
    """The corpus a run produces, without ids or timestamps; the run is rolled back."""
    content = []
    try:
        with transaction.atomic():
            call_command("generate_corpus", documents=12, presidencies=3, seed=seed, verbosity=0)
            for doc in Document.objects.filter(slug__startswith="gen-").order_by("slug"):
                content.append(
                    (
                        doc.slug,
                        doc.title,
                        doc.date,
                        doc.presidency.slug,
                        doc.text,
                        sorted(doc.speakers.values_list("slug", flat=True)),
                        sorted((c.quote, c.role) for c in doc.citations.all()),
                    )
                )
            raise Rollback
    except Rollback:
        pass
    return content


def test_the_corpus_is_deterministic_from_the_seed(seed):
    first, again, other = generated_content(3), generated_content(3), generated_content(4)
    assert len(first) == 12
    assert first == again
    assert first != other


@pytest.mark.parametrize("vocabulary", ["dense", "zipf"])
def test_the_corpus_is_consistent(seed, vocabulary):
    call_command(
        "generate_corpus", documents=40, presidencies=5, seed=1, vocabulary=vocabulary, verbosity=0
    )
    generated = Document.objects.filter(slug__startswith="gen-")
    assert generated.count() == 40
    for doc in generated:
        words = len(doc.text.split())
        assert 500 <= words <= 2000, (doc.slug, words)
        assert doc.text_hash == text_fingerprint(doc.text)
        assert doc.presidency.start_date <= doc.date <= doc.presidency.end_date
        assert doc.speakers.exists()
        doc.full_clean()
    citations = Citation.objects.filter(document__slug__startswith="gen-")
    assert citations.count() >= 40
    for citation in citations.select_related("document"):
        assert citation.quote in citation.document.text  # verbatim
        assert citation.paragraph is not None
        citation.full_clean()


def test_generated_chairmanships_do_not_overlap_the_seed_or_each_other(seed):
    call_command("generate_corpus", documents=5, presidencies=26, seed=1, verbosity=0)
    assert Presidency.objects.count() == 4 + 26
    for presidency in Presidency.objects.all():
        clash = Presidency.objects.exclude(pk=presidency.pk).overlapping(
            presidency.start_date, presidency.end_date, presidency.concluded
        )
        assert not clash.exists(), presidency
        presidency.full_clean()


def test_a_second_run_and_impossible_sizes_are_refused_clearly(seed):
    call_command("generate_corpus", documents=2, presidencies=2, verbosity=0)
    with pytest.raises(CommandError, match="already exist"):
        call_command("generate_corpus", documents=2, presidencies=2, verbosity=0)
    with pytest.raises(CommandError, match="--presidencies must be between 1 and 26"):
        call_command("generate_corpus", documents=2, presidencies=27, verbosity=0)


def test_search_words_of_the_seed_texts_occur_in_the_corpus(seed):
    call_command("generate_corpus", documents=20, presidencies=2, seed=2, verbosity=0)
    generated = Document.objects.filter(slug__startswith="gen-")
    for word in ["Collective", "security", "terrorism"]:
        assert generated.filter(text__contains=word).exists(), word


def test_a_zipf_corpus_has_rare_words_rare_and_common_words_common(seed):
    call_command(
        "generate_corpus", documents=60, presidencies=2, seed=5, vocabulary="zipf", verbosity=0
    )
    texts = Document.objects.filter(slug__startswith="gen-").values_list("text", flat=True)
    in_documents: collections.Counter = collections.Counter()
    for text in texts:
        in_documents.update({w.strip(".,;:").lower() for w in text.split()})
    ranked = [n for _word, n in in_documents.most_common()]
    assert ranked[0] == 60  # the commonest word is in every document
    assert len(ranked) > 5000
    # Most words are in one or two documents only: the long tail.
    assert statistics.median(ranked) <= 2
