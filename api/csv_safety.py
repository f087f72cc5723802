"""The one rule for every CSV cell the project writes: no cell is read as a spreadsheet formula.

OWASP's CSV-injection guidance: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
return is prefixed with a single quote, so a spreadsheet shows it as text. defusedcsv misses
the tab and carriage return and rewrites `|` inside the text, which would alter verbatim
quotes; hence this function. Numbers are left alone: `-3` typed as a number is not a formula.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
