"""Taizhang's window: a Qt view over core's PlanService. main.py needs only these two names."""

from gui.app.launch import run_gui, self_test

__all__ = ["run_gui", "self_test"]
