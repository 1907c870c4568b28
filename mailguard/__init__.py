"""mailguard: keeps your mail safe through your provider's maintenance windows."""

__version__ = "0.1.0"
