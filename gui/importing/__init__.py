"""Bringing a plan in: the import dialog, its source, the worker, the editable preview."""
