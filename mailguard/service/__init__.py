"""Application services: the core's rules wired to the adapters, shared by CLI and app."""
