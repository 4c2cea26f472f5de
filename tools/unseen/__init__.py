"""Synthetic plans written the way other offices write them, with gold readings (tools/make_unseen.py)."""
