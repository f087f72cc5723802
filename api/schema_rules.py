"""The models' rules between fields (their multi-field CheckConstraints), read from
Meta.constraints alone: as JSON Schema on the request bodies, and as the test that tells a
body breaking a rule on its own (a 400) from a change refused only by what is stored (a 409).

A condition is read in three-valued logic. In a create (POST) or replacement (PUT) body a
field left out takes the model's default; in a partial update (PATCH) it keeps its stored
value, which the body does not know: the body breaks the rule only if no stored value could
save it. A leaf comparing two fields (`end_date >= start_date`) has no JSON Schema: the
component names it under `x-field-rules` and its description, and the API still refuses it.

A rule on a label with a version per language (`~Q(name="")`) holds on its unsuffixed column,
which keeps the English: in a body, and in the record, it reads `name_en`.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from cstokb.labels import translated_fields

TRUE: dict = {}
FALSE: dict = {"not": {}}
# DRF trims a CharField and Model.clean() strips the text it requires: a string of spaces
# is blank where a rule asks for "" or for a value.
BLANK = r"^\s*$"
NOT_BLANK = r"\S"
LOOKUPS = {"exact", "isnull", "in", "gt", "gte", "lt", "lte"}


def _leaves(q: Q):
    for child in q.children:
        if isinstance(child, Q):
            yield from _leaves(child)
        else:
            yield child


def _split(key: str) -> tuple[str, str]:
    name, _, lookup = key.partition("__")
    lookup = lookup or "exact"
    if lookup not in LOOKUPS:
        raise ValueError(f"No rule for the lookup {key!r}")
    return name, lookup


def fields_of(q: Q) -> set[str]:
    names = set()
    for key, value in _leaves(q):
        names.add(_split(key)[0])
        if isinstance(value, F):
            names.add(value.name)
    return names


def compares_fields(q: Q) -> bool:
    return any(isinstance(value, F) for _key, value in _leaves(q))


def rules(model) -> list[models.CheckConstraint]:
    """The model's check constraints that span several fields."""
    return [
        c
        for c in model._meta.constraints
        if isinstance(c, models.CheckConstraint) and len(fields_of(c.condition)) > 1
    ]


def api_name(model, name: str) -> str:
    """The body's (and the record's) name of a field a rule names: `name_en` for `name`."""
    if name in translated_fields(model):
        return f"{name}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
    return name


# --- Evaluation in Python: True, False, or None (unknown) --------------------------------


def _blank(value) -> bool:
    return isinstance(value, str) and not value.strip()


def _leaf_value(key: str, value, values: dict):
    name, lookup = _split(key)
    if name not in values or (isinstance(value, F) and value.name not in values):
        return None
    actual = values[name]
    other = values[value.name] if isinstance(value, F) else value
    if lookup == "isnull":
        return (actual is None) == other
    if lookup == "exact":
        return _blank(actual) if other == "" else actual == other
    if lookup == "in":
        return actual in other
    if actual is None or other is None:
        return None  # SQL: a comparison with NULL is unknown, and a check passes on unknown
    return {
        "gt": actual > other,
        "gte": actual >= other,
        "lt": actual < other,
        "lte": actual <= other,
    }[lookup]


def evaluate(q: Q, values: dict) -> bool | None:
    """The condition over `values` (field name to value); a missing field is unknown."""
    results = [
        evaluate(child, values) if isinstance(child, Q) else _leaf_value(*child, values)
        for child in q.children
    ]
    if q.connector == Q.AND:
        result = False if False in results else (None if None in results else True)
    else:
        result = True if True in results else (None if None in results else False)
    if q.negated and result is not None:
        result = not result
    return result


def holds(constraint: models.CheckConstraint, values: dict) -> bool:
    # A check constraint refuses a row only when its condition is false (SQL's CHECK).
    return evaluate(constraint.condition, values) is not False


def values_of(instance, names) -> dict:
    """A row's values for `names`: a relation by its id (only tested for null)."""
    meta = instance._meta
    return {
        name: getattr(instance, meta.get_field(api_name(type(instance), name)).attname)
        for name in names
    }


def body_values(model, attrs: dict, names) -> dict:
    """The validated body's values for `names` it gives; a relation by its pk or None."""
    values = {}
    for name in names:
        if api_name(model, name) in attrs:
            value = attrs[api_name(model, name)]
            values[name] = value.pk if isinstance(value, models.Model) else value
    return values


def refused_by_stored(instance, attrs: dict) -> bool:
    """Whether a partial update breaks a rule only through the stored values it keeps."""
    model = type(instance)
    model_rules = rules(model)
    if all(holds(c, values_of(instance, fields_of(c.condition))) for c in model_rules):
        return False
    return all(holds(c, body_values(model, attrs, fields_of(c.condition))) for c in model_rules)


# --- JSON Schema ----------------------------------------------------------------------------


def _flat(schemas: list[dict], keyword: str) -> list[dict]:
    return [part for s in schemas for part in (s[keyword] if list(s) == [keyword] else [s])]


def _any(schemas: list[dict]) -> dict:
    schemas = [s for s in _flat(schemas, "anyOf") if s != FALSE]
    if not schemas:
        return FALSE
    if TRUE in schemas:
        return TRUE
    return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}


def _all(schemas: list[dict]) -> dict:
    schemas = [s for s in _flat(schemas, "allOf") if s != TRUE]
    if FALSE in schemas:
        return FALSE
    if not schemas:
        return TRUE
    return schemas[0] if len(schemas) == 1 else {"allOf": schemas}


def _value_schema(lookup: str, value, truth: bool, prop: dict) -> dict:
    if lookup == "isnull":
        if value == truth:
            return {"enum": [None]}
        return {"type": prop["type"]} if "type" in prop else {"not": {"enum": [None]}}
    if lookup == "exact" and value == "":
        return {"type": "string", "pattern": BLANK if truth else NOT_BLANK}
    choices = list(value) if lookup == "in" else [value]
    return {"enum": choices} if truth else {"not": {"enum": choices}}


class BodyRules:
    """The JSON Schema of a request component's multi-field rules."""

    def __init__(self, model, properties: dict, partial: bool):
        self.model, self.properties, self.partial = model, properties, partial

    def _absent_may_be(self, key: str, value, truth: bool) -> bool:
        if self.partial:
            return True  # the stored value, unknown to the body
        name, _lookup = _split(key)
        default = self.model._meta.get_field(name).get_default()
        return _leaf_value(key, value, {name: default}) == truth

    def _leaf(self, key: str, value, truth: bool) -> dict:
        name, lookup = _split(key)
        field = api_name(self.model, name)
        absent = {"not": {"required": [field]}} if self._absent_may_be(key, value, truth) else FALSE
        if field not in self.properties:
            return TRUE if absent != FALSE else FALSE
        present = {
            "required": [field],
            "properties": {field: _value_schema(lookup, value, truth, self.properties[field])},
        }
        return _any([absent, present])

    def may_be(self, q: Q, truth: bool) -> dict:
        """A schema for the bodies under which `q` can still come out `truth`."""
        if q.negated:
            truth = not truth
        parts = [
            self.may_be(child, truth) if isinstance(child, Q) else self._leaf(*child, truth)
            for child in q.children
        ]
        # The leaves of one rule name distinct fields, so "can be true" distributes.
        conjunction = (q.connector == Q.AND) == truth
        return _all(parts) if conjunction else _any(parts)


OPERATORS = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}


def comparisons(constraint: models.CheckConstraint) -> list[dict]:
    """The leaves comparing two fields; each holds wherever either field is null."""
    return [
        {
            "constraint": constraint.name,
            "field": _split(key)[0],
            "operator": OPERATORS[_split(key)[1]],
            "other": value.name,
        }
        for key, value in _leaves(constraint.condition)
        if isinstance(value, F)
    ]


def add_body_rules(result, generator, request, public):
    """drf-spectacular postprocessing hook: each request component's multi-field rules."""
    schemas = result.get("components", {}).get("schemas", {})
    for (name, kind), component in generator.registry._components.items():
        serializer = component.object
        model = getattr(getattr(serializer, "Meta", None), "model", None)
        if kind != "schemas" or not name.endswith("Request") or model is None:
            continue
        schema = schemas.get(name)
        if schema is None:
            continue
        body = BodyRules(model, schema.get("properties", {}), name.startswith("Patched"))
        translated, compared = [], []
        for constraint in rules(model):
            named = {api_name(model, f) for f in fields_of(constraint.condition)}
            if not named & body.properties.keys():
                continue
            if compares_fields(constraint.condition):
                compared.extend(comparisons(constraint))
            else:
                translated.append(body.may_be(constraint.condition, truth=True))
        translated = [s for s in translated if s != TRUE]
        if translated:
            schema["allOf"] = [*schema.get("allOf", []), *translated]
        if compared:
            schema["x-field-rules"] = compared
            said = "; ".join(f"`{c['field']}` {c['operator']} `{c['other']}`" for c in compared)
            schema["description"] = (
                f"{schema.get('description', '')}\n\nWhere both are given: {said}; a body "
                "that breaks it is a 400, a change that breaks it with a stored value a 409."
            ).strip()
    return result
