"""The tray app's windows: Settings (and first run), Report, Folders, Upcoming windows."""
