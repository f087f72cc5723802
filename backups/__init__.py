"""Backups of the knowledge base: export_kb, import_kb and what a backup holds."""
