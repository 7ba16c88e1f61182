"""prep — get ready for a customer meeting in ten focused minutes."""

__version__ = "0.1.0"
