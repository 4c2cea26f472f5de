"""The main window and the panels it is made of: detail, dashboard, filter bar, retry bar."""
