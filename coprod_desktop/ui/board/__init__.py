"""The board on screen: scene, card and region items, the view, presentation mode."""
