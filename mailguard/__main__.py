"""`python -m mailguard` is the same as the `mailguard` command."""

from mailguard.cli.main import main

raise SystemExit(main())
