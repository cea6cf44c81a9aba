"""coprod-desktop: a card sort for co-production workshops."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("coprod-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
