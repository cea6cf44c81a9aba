"""Files: the session file (schema, migration, atomic write), CSV cards, recovery, built-in
content. No Qt."""
