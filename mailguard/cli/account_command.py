"""``mailguard account add|list|test|remove``: the IMAP accounts mailguard looks after.

The password goes from stdin (or a prompt) straight into the keyring; it is
never echoed, written to the config, logged or put into an error.
"""

from __future__ import annotations

import argparse
import getpass
import ssl
import sys
from pathlib import Path
from typing import Any

from mailguard.cli.console import Console
from mailguard.cli.source_command import add_reading_options, schedule_source
from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import (
    AccountError,
    ConnectionLost,
    ImapError,
    ServerUnreachable,
    TlsFailure,
    UsageError,
)
from mailguard.imap.connection import normalize_fingerprint
from mailguard.imap.session import ImapSession
from mailguard.net.locations import masked_location
from mailguard.service.connection_check import UntrustedCertificate, check_connection, colon_hex
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.paths import AppPaths
from mailguard.store.secrets import PasswordVault


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "account",
        help="add, list, test or remove IMAP accounts",
        description="Manage the IMAP accounts mailguard looks after.",
    )
    actions = parser.add_subparsers(dest="account_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add an account (the password goes to the keyring)")
    add.add_argument("name", metavar="NAME", help="a short name the other commands use")
    add.add_argument("--host", required=True, metavar="HOST", help="the IMAP server")
    add.add_argument("--port", type=int, default=0, metavar="PORT", help="default: 993 / 143")
    add.add_argument("--user", required=True, metavar="USER", help="the IMAP login")
    add.add_argument(
        "--security",
        choices=[s.value for s in Security],
        default=Security.SSL.value,
        help="ssl: implicit TLS (default); starttls; none: only for loopback hosts",
    )
    add.add_argument("--ca-file", metavar="FILE", help="trust this CA (a self-signed server)")
    add.add_argument(
        "--fingerprint", metavar="SHA256", help="pin the server certificate's SHA-256 instead"
    )
    add.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="URL",
        help="the provider's maintenance schedule (URL, file, path or mailbox:FOLDER; "
        "repeatable; read as the options below say)",
    )
    add_reading_options(add)
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from one line of stdin"
    )
    add.add_argument(
        "--no-test",
        action="store_true",
        help="save it without logging in first (by default it logs in once before saving)",
    )
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help="list the accounts")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=run_list, only_reads=True)

    test = actions.add_parser("test", help="connect, log in and show the server's capabilities")
    test.add_argument("name", metavar="NAME", help="the account, as in account list")
    test.add_argument("--json", action="store_true", help="print a JSON object")
    test.set_defaults(run=run_test)

    remove = actions.add_parser(
        "remove",
        help="remove an account and everything mailguard keeps about it",
        description=(
            "Remove the account with its password, snapshots, reports, queued operations, "
            "manual windows, filing rules, what was announced, and the cached copies of "
            "schedule sources no other account reads. Refused while operations are queued."
        ),
    )
    remove.add_argument("name", metavar="NAME", help="the account, as in account list")
    remove.add_argument(
        "--force", action="store_true", help="remove it even with operations still queued"
    )
    remove.set_defaults(run=run_remove)


def run_add(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    if args.ca_file and args.fingerprint:
        raise UsageError(
            "give --ca-file or --fingerprint, not both: a pinned fingerprint replaces "
            "the certificate checks the CA file is for"
        )
    config = AccountConfig(
        name=args.name,
        host=args.host,
        user=args.user,
        security=Security(args.security),
        port=args.port,
        ca_file=_ca_file(args.ca_file),
        fingerprint=normalize_fingerprint(args.fingerprint) if args.fingerprint else None,
        schedule_sources=tuple(schedule_source(s, args) for s in args.source),
    )
    accounts = AccountStore(paths.config_dir)
    if any(a.name == config.name for a in accounts.all()):
        raise AccountError(f"an account named {config.name!r} exists already")
    vault = PasswordVault()
    keyring_name = vault.backend_name  # a keyring that keeps nothing is refused first
    password = _read_password(args.password_stdin, config)
    try:
        logged_in = None if args.no_test else _log_in_once(config, password)
    except (ServerUnreachable, ConnectionLost) as exc:  # the server may be down just now
        raise type(exc)(f"{exc} (nothing added; --no-test adds it without logging in)") from exc
    except ImapError as exc:
        raise type(exc)(f"{exc} (nothing added)") from exc
    vault.store(config.name, password)
    try:
        accounts.add(config)
    except BaseException:
        vault.forget(config.name)
        raise
    console.result(
        f"added {config.name}: {config.user} at {config.host}:{config.effective_port} "
        f"({config.security.value}); password in the keyring ({keyring_name})"
    )
    if logged_in is None:
        console.note(f"not tested (--no-test); check it with: mailguard account test {config.name}")
    else:
        console.note(logged_in)
    return 0


def _log_in_once(config: AccountConfig, password: str) -> str:
    """Log in as the account will; what went wrong is said before anything is saved."""
    try:
        check = check_connection(config, password)
    except UntrustedCertificate as exc:
        if config.fingerprint is not None:  # the pin did not match: the reason says so
            raise TlsFailure(exc.reason) from exc
        pin = f"--fingerprint {colon_hex(exc.fingerprint)}"
        pin += " (its SHA-256; if your provider confirms it)"
        if exc.reason.endswith("fingerprint"):
            raise TlsFailure(f"{exc.reason}: {pin}") from exc
        raise TlsFailure(f"{exc.reason}; to trust this certificate all the same: {pin}") from exc
    incremental = "yes" if check.incremental else "no"
    return f"logged in as {config.user}; incremental refresh (CONDSTORE/QRESYNC): {incremental}"


def run_list(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    accounts = AccountStore(paths.config_dir).all()
    if args.json:
        console.json([account_json(a) for a in accounts])
        return 0
    if not accounts:
        console.note("no accounts yet (add one with: mailguard account add)")
    for a in accounts:
        sources = f"  {len(a.sources)} schedule source(s)" if a.sources else ""
        console.result(
            f"{a.name}  {a.user} at {a.host}:{a.effective_port}  {a.security.value}{sources}"
        )
    return 0


def run_test(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    config = AccountStore(paths.config_dir).get(args.name)
    password = PasswordVault().password(config.name)
    with ImapSession(config, password) as session:
        capabilities = sorted(session.capabilities)
    incremental = {"CONDSTORE", "QRESYNC"} <= set(capabilities)
    idle = "IDLE" in capabilities
    if args.json:
        console.json(
            {
                **account_json(config),
                "ok": True,
                "capabilities": capabilities,
                "incremental": incremental,
                "idle": idle,
            }
        )
        return 0
    console.result(
        f"{config.name}: connected to {config.host}:{config.effective_port} "
        f"({config.security.value}) and logged in as {config.user}"
    )
    console.result("capabilities: " + " ".join(capabilities))
    console.result(f"incremental refresh (CONDSTORE/QRESYNC): {'yes' if incremental else 'no'}")
    console.result(f"instant notice of new mail (IDLE): {'yes' if idle else 'no'}")
    return 0


def run_remove(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    # Only removal needs these; deferred so the other account commands do not load them.
    from mailguard.app.zones import utc_now  # noqa: PLC0415
    from mailguard.net.cache import SourceCache  # noqa: PLC0415
    from mailguard.net.locations import cache_key  # noqa: PLC0415
    from mailguard.store.account_data import delete_account_data  # noqa: PLC0415
    from mailguard.store.journal_store import JournalStore  # noqa: PLC0415

    accounts = AccountStore(paths.config_dir)
    config = accounts.get(args.name)
    with Database(paths.database_file) as db, db.transaction():
        pending = JournalStore(db, utc_now).open_entries(config.name)
        if pending and not args.force:
            listed = "; ".join(f"#{e.id} {e.operation.describe()}" for e in pending)
            console.error(
                f"{config.name} has {len(pending)} queued operation(s) that would be lost: "
                f"{listed}; let them replay, cancel them (mailguard queue {config.name} "
                f"--cancel ID), or remove it anyway with --force"
            )
            return 3
        delete_account_data(db, config.name)
    accounts.remove(config.name)
    try:
        had_password = PasswordVault().forget(config.name)
    except AccountError as exc:
        console.warning(f"{exc} (the keyring entry, if any, stays)")
        had_password = False
    still_read = {cache_key(s) for a in accounts.all() for s in a.sources}
    cache = SourceCache(paths.http_cache_dir)
    cached = [s for s in config.sources if cache_key(s) not in still_read and cache.forget(s)]
    gone = ["its password"] if had_password else []
    gone.append("its snapshots, reports, journal, manual windows, filing rules and window records")
    if cached:
        gone.append(f"{len(cached)} cached schedule(s)")
    dropped = f" ({len(pending)} queued operation(s) dropped)" if pending else ""
    console.result(f"removed {config.name} with {', '.join(gone)}{dropped}")
    return 0


def account_json(account: AccountConfig) -> dict[str, Any]:
    return {
        "name": account.name,
        "host": account.host,
        "port": account.effective_port,
        "user": account.user,
        "security": account.security.value,
        "ca_file": str(account.ca_file) if account.ca_file else None,
        "fingerprint": account.fingerprint,
        "sources": [masked_location(source) for source in account.sources],
    }


def _ca_file(value: str | None) -> Path | None:
    """The CA file, checked now: a file that holds no PEM certificate would fail every login."""
    if value is None:
        return None
    path = Path(value).expanduser().absolute()
    try:
        if not path.is_file():
            raise UsageError(f"no CA file at {path}")
        ssl.create_default_context(cafile=str(path))
    except ssl.SSLError as exc:
        reason = str(exc.reason or "unreadable").replace("_", " ").lower()
        raise UsageError(f"the CA file {path} holds no PEM certificate ({reason})") from exc
    except OSError as exc:
        raise UsageError(f"cannot read the CA file {path}: {exc.strerror or exc}") from exc
    return path


def _read_password(from_stdin: bool, config: AccountConfig) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"password for {config.user} at {config.host}: ")
    else:
        raise UsageError("no terminal to ask for the password; use --password-stdin")
    if not password:
        raise UsageError("the password is empty")
    return password
