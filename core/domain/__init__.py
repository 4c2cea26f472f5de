"""The plan's rules, each in one function the service, the CLI and the GUI all call.

Plain Python on plain records (no store, no Qt): progress roll-ups, when a task is due,
numbering, unit lists typed by the clerk, what a deadline's wording dates, and settings.
"""
