"""The fuzzing runs' hooks: the CSV check fails on a broken CSV, and positive bodies are put
within the schema's `x-field-rules` while negative ones are left as drawn."""

from types import SimpleNamespace

import pytest

from tests.api import schemathesis_hooks as hooks

RULES = [{"constraint": "c", "field": "end_date", "operator": ">=", "other": "start_date"}]


def csv_response(content: bytes):
    return SimpleNamespace(headers={"content-type": ["text/csv; charset=utf-8"]}, content=content)


def test_a_well_formed_csv_passes_and_a_broken_one_fails():
    assert hooks.csv_responses_are_csv(None, csv_response(b"a,b\r\n1,2\r\n"), None) is None
    assert hooks.csv_responses_are_csv(None, csv_response(b"\r\n"), None) is None
    for broken in (b"a,b\r\n1,2,3\r\n", b'a,b\r\n"1,2\r\n', b"a,\r\n1,2\r\n"):
        with pytest.raises(AssertionError):
            hooks.csv_responses_are_csv(None, csv_response(broken), None)


def case(body: dict, positive: bool):
    schema = SimpleNamespace(
        raw_schema={"components": {"schemas": {"PresidencyRequest": {"x-field-rules": RULES}}}}
    )
    ref = {"$ref": "#/components/schemas/PresidencyRequest"}
    definition = SimpleNamespace(
        raw={"requestBody": {"content": {"application/json": {"schema": ref}}}}
    )
    mode = SimpleNamespace(is_positive=positive)
    return SimpleNamespace(
        body=body,
        meta=SimpleNamespace(generation=SimpleNamespace(mode=mode)),
        operation=SimpleNamespace(definition=definition, schema=schema),
    )


def test_a_positive_body_keeps_the_field_rules_and_a_negative_one_is_left():
    reversed_dates = {"start_date": "2026-02-01", "end_date": "2026-01-01"}
    fixed = hooks.map_case(None, case(dict(reversed_dates), positive=True)).body
    assert fixed == {"start_date": "2026-01-01", "end_date": "2026-02-01"}
    left = hooks.map_case(None, case(dict(reversed_dates), positive=False)).body
    assert left == reversed_dates
    one = {"end_date": "2026-01-01"}
    assert hooks.map_case(None, case(dict(one), positive=True)).body == one
