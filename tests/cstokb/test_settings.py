"""The settings' environment helpers: a value they do not understand stops the start."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cstokb.env import env_bool, env_int


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), (" Yes ", True), ("ON", True), ("0", False), ("off", False)],
)
def test_env_bool_reads_the_usual_words(monkeypatch, value, expected):
    monkeypatch.setenv("CSTOKB_TEST_FLAG", value)
    assert env_bool("CSTOKB_TEST_FLAG", not expected) is expected


def test_env_bool_takes_the_default_when_unset_or_empty(monkeypatch):
    monkeypatch.delenv("CSTOKB_TEST_FLAG", raising=False)
    assert env_bool("CSTOKB_TEST_FLAG", True) is True
    monkeypatch.setenv("CSTOKB_TEST_FLAG", "")
    assert env_bool("CSTOKB_TEST_FLAG", True) is True


@pytest.mark.parametrize("value", ["ture", "of", "2", "enabled"])
def test_a_misspelt_boolean_is_refused_with_its_name(monkeypatch, value):
    monkeypatch.setenv("CSTOKB_TEST_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="CSTOKB_TEST_FLAG"):
        env_bool("CSTOKB_TEST_FLAG", False)


def test_env_int_refuses_a_value_that_is_not_a_number(monkeypatch):
    monkeypatch.setenv("CSTOKB_TEST_NUMBER", "60s")
    with pytest.raises(ImproperlyConfigured, match="CSTOKB_TEST_NUMBER"):
        env_int("CSTOKB_TEST_NUMBER", 1)
    monkeypatch.setenv("CSTOKB_TEST_NUMBER", " 42 ")
    assert env_int("CSTOKB_TEST_NUMBER", 1) == 42
