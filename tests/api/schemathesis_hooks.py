"""Schemathesis hooks for the API's fuzzing runs (SCHEMATHESIS_HOOKS names this file).

* Every `text/csv` response is read with the `csv` module: a header of named columns, then
  rows of the header's width (the schema says CSV text, which JSON Schema cannot check).
* Positive cases follow the rules the schema states under `x-field-rules`: a comparison of
  two fields (`end_date >= start_date`), for which JSON Schema has no keyword. A generated
  body that breaks one gets its two values swapped; negative cases are left as drawn.
"""

import csv
import io
import operator

import schemathesis

COMPARE = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}


@schemathesis.check
def csv_responses_are_csv(ctx, response, case):
    if not response.headers.get("content-type", [""])[0].startswith("text/csv"):
        return None
    text = response.content.decode("utf-8")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise AssertionError(f"Not CSV: {exc}") from exc
    if not rows or rows == [[]]:
        return None  # a list without columns to name
    header, *body = rows
    if not all(header):
        raise AssertionError(f"A CSV header names every column: {header!r}")
    widths = {len(row) for row in body}
    if widths - {len(header)}:
        raise AssertionError(f"CSV rows of {sorted(widths)} cells under {len(header)} columns")
    return None


def _field_rules(case) -> list[dict]:
    request = case.operation.definition.raw.get("requestBody", {})
    ref = request.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
    if not ref:
        return []
    name = ref.rsplit("/", 1)[-1]
    components = case.operation.schema.raw_schema.get("components", {}).get("schemas", {})
    return components.get(name, {}).get("x-field-rules", [])


@schemathesis.hook
def map_case(ctx, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or not isinstance(case.body, dict):
        return case
    for rule in _field_rules(case):
        first, second = case.body.get(rule["field"]), case.body.get(rule["other"])
        both = isinstance(first, str) and isinstance(second, str)
        if both and not COMPARE[rule["operator"]](first, second):
            case.body[rule["field"]], case.body[rule["other"]] = second, first
    return case
