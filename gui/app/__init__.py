"""Start-up: the application object, opening the database, one instance, translations, upkeep."""
