"""``python -m mailguard``: the command line (and, for the demo, its local IMAP server)."""

import sys

if sys.argv[1:2] == ["--run-demo-imap-server"]:  # demo.imap_server.SERVER_FLAG
    from mailguard.demo.imap_server import run_pymap

    sys.exit(run_pymap(sys.argv[2:]))

from mailguard.cli.main import main

sys.exit(main())
