"""Desktop integration without Qt: notifications over D-Bus, start on login."""
