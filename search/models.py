"""No Django models: the index lives in columns, tables and triggers made by migration 0001.

The module exists so that Django sends this app the post_migrate signal (it skips apps
without a models module), which search.apps uses to check the index after migrations.
"""
