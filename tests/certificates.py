"""Self-signed TLS certificates for the test servers (Dovecot, HTTPS), made by the openssl CLI."""

from __future__ import annotations

import hashlib
import shutil
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"


@dataclass(frozen=True, slots=True)
class Certificate:
    """A PEM certificate and its key; the certificate doubles as the CA file to trust."""

    cert_file: Path
    key_file: Path

    def sha256(self) -> str:
        """The SHA-256 fingerprint of the DER certificate, lowercase hex."""
        text = self.cert_file.read_text()  # ``openssl ca`` writes a text dump before the PEM
        der = ssl.PEM_cert_to_DER_cert(text[text.index("-----BEGIN CERTIFICATE-----") :])
        return hashlib.sha256(der).hexdigest()


def make_certificate(
    directory: Path,
    *,
    names: tuple[str, ...] = ("localhost", "127.0.0.1"),
    expired: bool = False,
    stem: str = "server",
) -> Certificate:
    """A self-signed certificate for ``names`` (DNS names or IP addresses), via the openssl CLI.

    ``expired`` makes one valid only in January 2020: ``openssl ca`` is the one
    tool of OpenSSL 3.0 that accepts an explicit start and end date.
    """
    directory.mkdir(parents=True, exist_ok=True)
    cert, key = directory / f"{stem}.pem", directory / f"{stem}.key"
    san = ",".join(
        f"IP:{n}" if n.replace(".", "").isdigit() or ":" in n else f"DNS:{n}" for n in names
    )
    subject = f"/CN={names[0]}"
    new_key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
    extensions = [
        "-addext",
        f"subjectAltName={san}",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
    ]
    if not expired:
        _run([OPENSSL, "req", "-x509", *new_key, "-keyout", key, "-out", cert, "-days", "30",
              "-subj", subject, *extensions])  # fmt: skip
        return Certificate(cert, key)
    csr = directory / f"{stem}.csr"
    _run([OPENSSL, "req", "-new", *new_key, "-keyout", key, "-out", csr, "-subj", subject,
          *extensions])  # fmt: skip
    ca_dir = directory / f"{stem}-ca"
    ca_dir.mkdir(exist_ok=True)
    (ca_dir / "index.txt").write_text("")
    (ca_dir / "serial").write_text("01\n")
    (ca_dir / "ca.cnf").write_text(
        "[ca]\ndefault_ca = d\n[d]\n"
        f"database = {ca_dir / 'index.txt'}\nnew_certs_dir = {ca_dir}\n"
        f"serial = {ca_dir / 'serial'}\n"
        "default_md = sha256\npolicy = p\nunique_subject = no\ncopy_extensions = copy\n"
        "[p]\ncommonName = supplied\n"
    )
    _run([OPENSSL, "ca", "-batch", "-config", ca_dir / "ca.cnf", "-selfsign", "-keyfile", key,
          "-in", csr, "-startdate", "20200101000000Z", "-enddate", "20200102000000Z",
          "-out", cert])  # fmt: skip
    return Certificate(cert, key)


def _run(command: list[str | Path]) -> None:
    result = subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, check=False, timeout=60
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stderr.strip()}")
