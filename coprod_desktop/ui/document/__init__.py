"""The open document: the session, its undo stack and path, and one undo command per user action."""
