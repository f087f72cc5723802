"""The query parser: web-search syntax, validation messages, and safe FTS5 expressions."""

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.query import MAX_QUERY_LENGTH, QueryError, fts5_expression, parse


def terms(query: str) -> list[tuple[tuple[str, ...], ...]]:
    return [tuple(t.words for t in c.terms) for c in parse(query).positive]


def test_words_are_all_required_and_lowercased():
    assert terms("Peacekeeping Forces") == [(("peacekeeping",),), (("forces",),)]


def test_quoted_phrase_is_one_term_and_an_unterminated_quote_runs_to_the_end():
    assert terms('"information security" threats') == [
        (("information", "security"),),
        (("threats",),),
    ]
    assert terms('"biological security') == [(("biological", "security"),)]


def test_or_joins_its_neighbours_and_binds_tighter_than_and():
    assert terms("drug OR arms trafficking") == [
        (("drug",), ("arms",)),
        (("trafficking",),),
    ]
    # Lower-case "or" is the operator too, as in websearch_to_tsquery; dangling ORs vanish.
    assert terms("OR drug or arms OR") == [(("drug",), ("arms",))]


def test_minus_excludes_a_word_or_a_phrase():
    parsed = parse('security -"information security" -Syria')
    assert [t.words for c in parsed.negative for t in c.terms] == [
        ("information", "security"),
        ("syria",),
    ]
    assert parsed.normalised() == 'security -"information security" -syria'


def test_punctuated_words_become_phrases_like_the_index_sees_them():
    assert terms("anti-drug U.N.") == [(("anti", "drug"),), (("u", "n"),)]


def test_stop_words_are_dropped_outside_phrases():
    assert terms("the security of states") == [(("security",),), (("states",),)]
    assert terms('"security of states"') == [(("security", "of", "states"),)]


def test_non_latin_words_are_kept():
    assert terms("миротворческие силы") == [(("миротворческие",),), (("силы",),)]
    assert terms("集体安全") == [(("集体安全",),)]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", "empty"),
        ("   \t ", "empty"),
        (None, "empty"),
        ('"" OR -', "no_words"),
        ('"', "no_words"),
        ("-- * ^ ()", "no_words"),
        ("-peacekeeping", "only_exclusions"),
        ("the of and", "only_stop_words"),
        ("x" * (MAX_QUERY_LENGTH + 1), "too_long"),
        (" ".join(f"w{n}" for n in range(40)), "too_many_terms"),
    ],
)
def test_unsearchable_queries_raise_a_readable_error(query, code):
    with pytest.raises(QueryError) as error:
        parse(query)
    assert error.value.code == code
    assert error.value.message.endswith(".")
    assert error.value.field == "q"


def test_a_query_of_exactly_the_maximum_length_is_accepted():
    query = ("peace " * 100)[:MAX_QUERY_LENGTH]
    assert len(query) == MAX_QUERY_LENGTH
    # 83 times "peace " and a final "pe"; the repeated word is one term.
    assert terms(query) == [(("peace",),), (("pe",),)]


def test_fts5_expression_quotes_every_word_and_nests_exclusions():
    expression = fts5_expression(parse('drug OR arms "illegal migration" -Syria -NEAR'))
    assert expression == (
        '((("drug" OR "arms") AND ("illegal" + "migration")) NOT ("syria")) NOT ("near")'
    )


def test_fts5_expression_looks_for_a_russian_word_by_the_prefix_of_its_stem():
    expression = fts5_expression(parse('наркотиков "незаконный оборот" ОДКБ'))
    assert expression == '("наркотик" *) AND ("незакон" * + "оборот" *) AND ("одкб" *)'


def _fts5_accepts(expression: str) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61')")
    db.execute("INSERT INTO t VALUES ('peacekeeping', 'AND OR NOT NEAR title body')")
    db.execute("SELECT rowid FROM t WHERE t MATCH ?", [expression]).fetchall()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_input_is_rejected_cleanly_or_becomes_a_valid_fts5_expression(text):
    try:
        parsed = parse(text)
    except QueryError:
        return
    _fts5_accepts(fts5_expression(parsed))


@pytest.mark.parametrize(
    "text",
    [
        'title:peace OR body:"x',
        "NEAR(peace keeping) AND NOT ^start *",
        "peace* + {x} [y] 'z' \\ ; DROP TABLE documents_document; --",
        '"unbalanced "quotes" everywhere',
        "peace\x00keeping",
        "مرحبا بالعالم",
        "🕊️ peace 🕊️",
    ],
)
def test_fts5_operators_and_punctuation_in_input_are_plain_words(text):
    _fts5_accepts(fts5_expression(parse(text)))
