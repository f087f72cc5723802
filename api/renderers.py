"""CSV for every list (`?format=csv`): one row per item, nested values flattened."""

from rest_framework_csv.renderers import CSVRenderer

from api.csv_safety import neutralise


class KnowledgeBaseCSVRenderer(CSVRenderer):
    """Renders a page's `results` (or one item) as CSV.

    Lists of plain values (speakers, participants) go in one cell joined by "; " rather than
    one column per position, so the columns stay the same from row to row.
    """

    format = "csv"

    def render(self, data, media_type=None, renderer_context=None):
        renderer_context = renderer_context or {}
        if isinstance(data, dict) and "results" in data and "count" in data:
            data = data["results"]
        if data == [] and "header" not in renderer_context:
            # An empty page is the header row alone, not an empty body (which DRF would send
            # without a Content-Type).
            view = renderer_context.get("view")
            header = getattr(view, "csv_header", None)  # a view without a model serializer
            if header is None and hasattr(view, "get_serializer"):
                header = list(view.get_serializer().fields)
            if header:
                renderer_context = {**renderer_context, "header": header}
        rendered = super().render(data, media_type, renderer_context)
        # No columns to name: an empty CSV document is still one line break, so the
        # response keeps its text/csv type.
        return rendered if rendered or data is None else b"\r\n"

    def flatten_item(self, item):
        if isinstance(item, list) and all(not isinstance(v, (dict, list)) for v in item):
            return {"": "; ".join("" if v is None else str(v) for v in item)}
        return super().flatten_item(item)

    def tablize(self, data, header=None, labels=None):
        # Columns in the serializer's field order (the base class sorts them).
        if not header and data:
            data = [self.flatten_item(item) for item in data]
            header = list(dict.fromkeys(key for item in data for key in item))
        for row in super().tablize(data, header=header, labels=labels):
            yield [neutralise(cell) for cell in row]
