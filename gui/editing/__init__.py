"""Changing the plan in the window: undo commands, structure actions, tracking actions."""
