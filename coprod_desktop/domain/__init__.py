"""The domain: cards, decks, boards, groups, placements and the rules they keep. No I/O, no Qt."""
