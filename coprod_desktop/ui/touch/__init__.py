"""Many hands on a touch panel (issue 15): several fingers, each with its own card."""
