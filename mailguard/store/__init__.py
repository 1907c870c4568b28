"""Everything mailguard keeps on disk: paths, settings, the SQLite state, secrets."""
