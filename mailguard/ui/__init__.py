"""The tray app: PySide6 views over the shared services; only this package imports Qt."""
