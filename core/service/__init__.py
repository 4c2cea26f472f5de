"""The one door to the data: PlanService (facade.py) and its parts by job."""
