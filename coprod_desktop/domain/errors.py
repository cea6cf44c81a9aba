"""The domain's one error type, with the path of the field that breaks the rule."""

from __future__ import annotations


class DomainError(ValueError):
    """An operation or a value that would break a rule of the arrangement.

    field is where, in the session's own terms ("groups[1].placements[3].region", "rect"),
    relative to the object that was checked; the file loader prefixes its own path and
    so reports the field path of the file without checking anything itself.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.reason = message
        self.field = field

    def within(self, prefix: str) -> DomainError:
        """The same error, its field seen from the object that holds this one."""
        return DomainError(self.reason, join_path(prefix, self.field))


def join_path(prefix: str, field: str) -> str:
    if not prefix:
        return field
    if not field:
        return prefix
    return prefix + field if field.startswith("[") else f"{prefix}.{field}"
