"""The composition root shared by the CLI and the tray app."""
