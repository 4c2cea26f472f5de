"""SQLite storage through peewee: one database, numbered migrations."""
