"""The presenter view (issue 15): the board on the projector, the controls on the laptop."""
