"""A query term is read in each text-search configuration where the readings can differ."""

import pytest
from django.db import connection

from search.backends import PG_QUERY_CONFIGS, query_configs

pytestmark = pytest.mark.django_db

ASCII_TERMS = ["peacekeeping operations", "anti-terrorist", "CSTO-2026", "the of and", "B2B"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL configurations")
@pytest.mark.parametrize("term", ASCII_TERMS)
def test_an_ascii_term_reads_the_same_in_every_configuration(term):
    assert len(query_configs(term)) == 1
    readings = set()
    with connection.cursor() as cursor:
        for config in PG_QUERY_CONFIGS:
            for text in (term, f'"{term}"'):
                cursor.execute(
                    "SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [config, text]
                )
                readings.add((text, cursor.fetchone()[0]))
    assert len(readings) == 2  # one reading of the words, one of the phrase


def test_a_cyrillic_term_is_read_in_every_configuration():
    assert query_configs("наркотиков") == PG_QUERY_CONFIGS
