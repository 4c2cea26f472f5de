"""The smaller dialogs: export, backups, carrying a plan over, my units."""
