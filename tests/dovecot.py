"""A real Dovecot for tests and benchmarks, in a temp dir of its own, on 127.0.0.1.

Nothing is mocked: the server is Debian's ``/usr/sbin/dovecot`` with a config
written here (TLS with a certificate made by the ``openssl`` CLI, IMAP on a
STARTTLS port and an implicit-TLS port, CONDSTORE/QRESYNC, SPECIAL-USE). Mail
is written straight into the maildirs, which works while the server is stopped:
that is how the tests play "mail delivered late during the maintenance".

Running as root, Dovecot refuses mail processes with UID 0, so mail belongs to
``nobody``; files written here are chowned to it. Run as a normal user, the
server runs "rootless" under that user instead.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header
from email.parser import BytesHeaderParser
from email.utils import format_datetime, formataddr, parseaddr
from pathlib import Path

from imapclient import IMAPClient

from tests.certificates import Certificate, make_certificate

_MESSAGE_ID_ITEM = "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
LDA = "/usr/lib/dovecot/dovecot-lda"

#: Maildir info flags (the ``:2,`` suffix) for the IMAP system flags.
_MAILDIR_FLAGS = {
    "\\Draft": "D",
    "\\Flagged": "F",
    "\\Answered": "R",
    "\\Seen": "S",
    "\\Deleted": "T",
}


@dataclass(frozen=True, slots=True)
class MailUser:
    """A mailbox user of the test server."""

    name: str
    password: str
    home: Path

    @property
    def maildir(self) -> Path:
        return self.home / "Maildir"

    def folder_dir(self, folder: str) -> Path:
        """The maildir directory of ``folder`` (Maildir++ layout, '/' as IMAP separator)."""
        if folder.upper() == "INBOX":
            return self.maildir
        return self.maildir / ("." + encode_maildir_name(folder))


def encode_maildir_name(folder: str) -> str:
    """The on-disk Maildir++ name: modified UTF-7 (RFC 3501 5.1.3), '.' between levels."""
    from imapclient.imap_utf7 import encode

    return str(encode(folder).decode("ascii")).replace("/", ".")


def make_message(
    *,
    subject: str = "Hello",
    sender: str = "Alice <alice@example.org>",
    to: str = "bob@example.org",
    date: datetime | None = None,
    message_id: str | None = "",
    body: str = "Hi there.\n",
    extra_headers: dict[str, str] | None = None,
) -> bytes:
    """RFC 5322 bytes with CRLF line ends; non-ASCII header text is RFC 2047 encoded.

    ``message_id=""`` makes a fresh one, ``None`` leaves the header out;
    ``date=None`` means now. Written by hand: tests deliver thousands of these,
    and the ``email`` package's generator is a hundred times slower.
    """
    name, address = parseaddr(sender)
    headers = {
        "From": formataddr((name, address), charset="utf-8") if name else sender,
        "To": to,
        "Subject": _encode_header(subject),
        "Date": format_datetime(date or datetime.now(UTC)),
    }
    if message_id == "":
        message_id = f"<{uuid.uuid4().hex}@example.org>"
    if message_id is not None:
        headers["Message-ID"] = message_id
    headers.update(extra_headers or {})
    headers.update(
        {
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Transfer-Encoding": "8bit",
        }
    )
    head = "".join(f"{key}: {value}\r\n" for key, value in headers.items())
    return (head + "\r\n" + body.replace("\r\n", "\n").replace("\n", "\r\n")).encode()


def _encode_header(value: str) -> str:
    return value if value.isascii() else Header(value, "utf-8").encode()


class Dovecot:
    """One Dovecot instance: its config, certificate, users and maildirs under ``root``."""

    def __init__(
        self,
        root: Path | None = None,
        *,
        certificate: Certificate | None = None,
        idle_notify_interval_s: int = 1,
        extra_config: str = "",
    ) -> None:
        self.root = (
            Path(root) if root else Path(tempfile.mkdtemp(prefix="mg-dovecot-", dir=fast_tmp_dir()))
        )
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o755)  # the mail user and dovenull must be able to enter it
        self.host = "127.0.0.1"
        self.imap_port, self.imaps_port = _free_ports(2)
        self.certificate = certificate or make_certificate(self.root / "tls")
        self.ca_file = self.certificate.cert_file
        self.config_file = self.root / "dovecot.conf"
        self.log_file = self.root / "dovecot.log"
        self._passwd = self.root / "passwd.d"
        self._homes = self.root / "home"
        self._users: dict[str, MailUser] = {}
        self._idle_interval = idle_notify_interval_s
        self._extra_config = extra_config
        self._process: subprocess.Popen[bytes] | None = None
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            self.mail_uid, self.mail_gid = nobody.pw_uid, nobody.pw_gid
        else:
            self.mail_uid, self.mail_gid = os.getuid(), os.getgid()
        self._homes.mkdir(exist_ok=True)
        self._chown(self._homes)
        self._passwd.mkdir(exist_ok=True)
        self._write_config()
        # A script that forgets cleanup() still leaves no server, nor a temp dir of ours.
        atexit.register(self.cleanup if root is None else self.kill)

    # -- lifecycle ---------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout_s: float = 10.0) -> None:
        """Start the server in the foreground of its own process group and wait for its ports.

        The server dies with the thread that started it (Linux ``PR_SET_PDEATHSIG``), so
        a killed test run leaves nothing behind: start it from a thread that lives on.
        """
        if self.running:
            return
        # A master killed while writing its state leaves a dotlock that the next one
        # would wait 10 s for.
        for lock in (self.root / "state").glob("*.lock"):
            lock.unlink(missing_ok=True)
        self._process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.config_file)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, so kill() reaches every child
            preexec_fn=_die_with_parent,  # noqa: PLW1509 (no threads run at fork time in tests)
        )
        deadline = time.monotonic() + timeout_s
        for port in (self.imap_port, self.imaps_port):
            while not _accepts(self.host, port):
                if self._process.poll() is not None:
                    err = (
                        self._process.stderr.read().decode(errors="replace")
                        if self._process.stderr
                        else ""
                    )
                    raise RuntimeError(f"dovecot exited: {err.strip()}\n{self.log_tail()}")
                if time.monotonic() > deadline:
                    self.kill()
                    raise RuntimeError(f"dovecot did not listen on {port}\n{self.log_tail()}")
                time.sleep(0.01)

    def stop(self, timeout_s: float = 3.0) -> None:
        """A clean shutdown: SIGTERM to the master and its imap processes, then the rest."""
        process = self._process
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            # Dovecot's master leaves the imap processes running for a while (and
            # then lingers to drain its log); SIGTERM makes each one say
            # "* BYE Server shutting down." and leave, as in a real shutdown.
            deadline = time.monotonic() + timeout_s
            while pids := _mail_pids(process.pid):
                for pid in pids:
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.kill(pid, signal.SIGTERM)
                if time.monotonic() > deadline:
                    break
                time.sleep(0.01)
        self._kill_group(process)
        self._reap(process)

    def kill(self) -> None:
        """SIGKILL the master and every child at once: the server vanishes mid-sentence.

        A process killed while syncing a maildir leaves its ``dovecot-uidlist.lock``
        behind, and the next one waits until the lock is stale (two minutes) before
        overriding it. Every server process is dead here, so the harness removes
        such locks at once, as that wait would, minus the two minutes.
        """
        process = self._process
        if process is None:
            return
        self._kill_group(process)
        self._reap(process)
        # os.walk, not rglob: a test may be removing folders meanwhile (walk skips them).
        for directory, _, files in os.walk(self._homes):
            if "dovecot-uidlist.lock" in files:
                Path(directory, "dovecot-uidlist.lock").unlink(missing_ok=True)

    def restart(self) -> None:
        self.stop()
        self.start()

    def _kill_group(self, process: subprocess.Popen[bytes]) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)

    def _reap(self, process: subprocess.Popen[bytes]) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(5)
        if process.stderr:
            process.stderr.close()
        self._process = None
        # Children that lost their master may linger briefly in the group; wait them out
        # so a restart finds the ports and the index files free.
        deadline = time.monotonic() + 5
        while group_alive(process.pid) and time.monotonic() < deadline:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            time.sleep(0.01)

    def cleanup(self) -> None:
        """Kill the server and delete its directory."""
        self.kill()
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return ""

    # -- users and mail ------------------------------------------------------------

    def add_user(self, name: str | None = None, password: str = "secret") -> MailUser:  # noqa: S107
        """A new user; passwd-file is read at every login, so this works while running."""
        name = name or f"user-{uuid.uuid4().hex[:8]}"
        home = self._homes / name
        user = MailUser(name=name, password=password, home=home)
        for folder in ("INBOX", "Sent", "Drafts", "Trash", "Junk"):
            self.ensure_folder(user, folder)
        if "/" in name or name.startswith("."):
            raise ValueError(f"unusable user name {name!r}")
        line = f"{name}:{{PLAIN}}{password}:{self.mail_uid}:{self.mail_gid}::{home}::\n"
        (self._passwd / name).write_text(line)
        self._users[name] = user
        return user

    def ensure_folder(self, user: MailUser, folder: str) -> Path:
        """The folder's maildir with cur/new/tmp (and ``maildirfolder``, as Maildir++ wants)."""
        directory = user.folder_dir(folder)
        if (directory / "tmp").is_dir():
            return directory
        for path in (user.home, user.maildir, directory):
            if not path.exists():
                path.mkdir()
                self._chown(path)
        for sub in ("cur", "new", "tmp"):
            path = directory / sub
            if not path.exists():
                path.mkdir()
                self._chown(path)
        if directory != user.maildir and not (directory / "maildirfolder").exists():
            (directory / "maildirfolder").touch()
            self._chown(directory / "maildirfolder")
        return directory

    def deliver(
        self,
        user: MailUser,
        folder: str,
        raw_message: bytes,
        *,
        flags: str = "",
        internaldate: datetime | None = None,
    ) -> Path:
        """Write a message file straight into the maildir; works while the server is stopped.

        ``flags`` are IMAP system flags separated by spaces (``"\\Seen \\Flagged"``);
        a message without flags goes to ``new/`` as a fresh delivery would. Dovecot
        takes INTERNALDATE from the file's mtime.
        """
        directory = self.ensure_folder(user, folder)
        letters = "".join(sorted(_MAILDIR_FLAGS[f] for f in flags.split()))
        moment = (internaldate or datetime.now(UTC)).timestamp()
        unique = f"M{uuid.uuid4().hex}P{os.getpid()}"
        base = f"{int(moment)}.{unique}.mailguard,S={len(raw_message)}"
        target = (
            directory / ("cur" if letters else "new") / (f"{base}:2,{letters}" if letters else base)
        )
        target.write_bytes(raw_message)
        self._chown(target)
        os.utime(target, (moment, moment))
        return target

    def deliver_by_lda(self, user: MailUser, folder: str, raw_message: bytes) -> None:
        """Deliver as real mail arrives: through Dovecot's LDA, which indexes it on arrival
        (so IDLE and NOTIFY hear of it). Needs the server running."""
        result = subprocess.run(
            [LDA, "-c", str(self.config_file), "-d", user.name, "-m", folder],
            input=raw_message,
            capture_output=True,
            timeout=30,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"dovecot-lda exited {result.returncode}: {result.stderr.decode(errors='replace')}"
            )

    def reset_uidvalidity(self, user: MailUser, folder: str) -> None:
        """Forget the folder's UID bookkeeping (server stopped): Dovecot assigns a new UIDVALIDITY.

        The uidlist and the indexes go; flags survive in the file names, keyword
        names in ``dovecot-keywords``, and the account-wide UIDVALIDITY counter
        (``dovecot.uidvalidity``) stays, so the new value differs from the old.
        """
        if self.running:
            raise RuntimeError("reset_uidvalidity needs the server stopped")
        directory = user.folder_dir(folder)
        for path in directory.iterdir():
            if path.name.startswith(("dovecot-uidlist", "dovecot.index", "dovecot.list.index")):
                path.unlink()

    def client(self, user: MailUser, *, timeout_s: float = 30.0) -> IMAPClient:
        """An imapclient logged in over implicit TLS (trusting ca_file), for test setup."""
        context = ssl.create_default_context(cafile=str(self.ca_file))
        client = IMAPClient(
            self.host, port=self.imaps_port, ssl=True, ssl_context=context, timeout=timeout_s
        )
        client.login(user.name, user.password)
        return client

    def message_ids(self, user: MailUser, folder: str) -> Counter[str]:
        """Message-IDs in ``folder`` and how often each occurs: proves nothing lost or doubled."""
        with self.client(user) as client:
            client.select_folder(folder, readonly=True)
            uids = client.search("ALL")
            fetched = client.fetch(uids, [_MESSAGE_ID_ITEM]) if uids else {}
        parser = BytesHeaderParser()
        return Counter(
            str(parser.parsebytes(item[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"])["Message-ID"])
            for item in fetched.values()
        )

    def folder_names(self, user: MailUser) -> set[str]:
        with self.client(user) as client:
            return {name for _, _, name in client.list_folders()}

    # -- internals -----------------------------------------------------------------

    def _chown(self, path: Path) -> None:
        if os.geteuid() == 0:
            os.chown(path, self.mail_uid, self.mail_gid)

    def _write_config(self) -> None:
        root = self.root
        (root / "run").mkdir(exist_ok=True)
        (root / "state").mkdir(exist_ok=True)
        if os.geteuid() == 0:
            users = "default_internal_user = dovecot\ndefault_login_user = dovenull\n"
        else:
            me = pwd.getpwuid(os.getuid()).pw_name
            users = f"default_internal_user = {me}\ndefault_login_user = {me}\n"
        self.config_file.write_text(
            f"""\
# Written by tests/dovecot.py; nothing here is read from /etc/dovecot.
base_dir = {root / "run"}
state_dir = {root / "state"}
log_path = {self.log_file}
info_log_path = {self.log_file}
instance_name = mailguard-test-{root.name}
{users}
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{self.certificate.cert_file}
ssl_key = <{self.certificate.key_file}
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:~/Maildir
mail_fsync = never
mailbox_list_index = yes
imap_idle_notify_interval = {self._idle_interval} secs
shutdown_clients = yes
verbose_proctitle = yes
login_trusted_networks =
# One passwd-file per user: Dovecot re-reads a passwd-file at most once a second,
# which would hide a user added a moment after the previous login.
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self._passwd}/%u
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {self._passwd}/%u
}}
# Tests fail logins on purpose; Dovecot would delay the next ones from 127.0.0.1.
auth_failure_delay = 0
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
  mailbox Junk {{
    special_use = \\Junk
    auto = subscribe
  }}
}}
{self._extra_config}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.imaps_port}
    ssl = yes
  }}
}}
# No stats: processes would wait for its handshake at shutdown (5 s each).
stats_writer_socket_path =
"""
        )


def _die_with_parent() -> None:
    """Linux: SIGKILL the master when the process that started it dies, even by SIGKILL
    (atexit and fixture teardown cannot run then); its children follow the master.
    """
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def fast_tmp_dir() -> str | None:
    """tmpfs where there is one: creating thousands of mail files on disk is slow."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _free_ports(count: int) -> list[int]:
    """``count`` distinct free ports: held open together, so the system cannot hand out one
    twice (it did: Dovecot then refused its config with "duplicate listener")."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _accepts(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def group_members(pgid: int) -> set[int]:
    """Running processes of the group; zombies (reaped slowly by PID 1 here) do not count."""
    members = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.add(int(stat.parent.name))
    return members


def _mail_pids(pgid: int) -> set[int]:
    """The group's imap processes: the ones that may still be writing a mailbox index."""
    pids = set()
    for pid in group_members(pgid):
        with contextlib.suppress(OSError):
            title = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"/imap" in title and b"/imap-login" not in title:
                pids.add(pid)
    return pids


def group_alive(pgid: int) -> bool:
    return bool(group_members(pgid))


__all__ = [
    "Certificate",
    "Dovecot",
    "MailUser",
    "encode_maildir_name",
    "make_certificate",
    "make_message",
]
