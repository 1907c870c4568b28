"""Schedule sources: each module turns one format's bytes into maintenance windows.

Sources parse; they never fetch, store or draw. ``registry`` picks the module.
"""
