"""coprod-desktop: a card sort for co-production workshops."""

# The one place the version is written: pyproject.toml reads it from here
# ([tool.hatch.version]). A literal, because asking importlib.metadata at import
# cost 30 ms of every start-up.
__version__ = "0.1.0"
