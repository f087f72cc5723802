"""The public page cache: anonymous pages served whole, keyed on the knowledge-base revision."""
