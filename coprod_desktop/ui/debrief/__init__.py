"""The debrief on the projector: every group's places for one card at once, the contested
cards per lens, the agreement figures, and the facilitator's key once revealed."""
