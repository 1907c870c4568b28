"""The ``mailguard`` command line: every capability, scriptable, with ``--json``."""
