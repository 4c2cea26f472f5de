"""Taizhang's core: domain, parsing, storage and export. Never imports Qt."""
