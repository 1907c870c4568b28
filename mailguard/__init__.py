"""mailguard: keeps your mail safe through your provider's maintenance windows."""

__version__ = "0.2.0"  # the one place the version is written
