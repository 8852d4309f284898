"""The version of the source tree; installed copies read it from their metadata."""

__version__ = "0.1.0.dev0"
