"""Serving the site: the production launcher, its deployment guide, local server helpers."""
