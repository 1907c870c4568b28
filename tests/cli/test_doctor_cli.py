"""``mailguard doctor``: each check says what it found, and a failing one says how to fix it."""

from __future__ import annotations

from tests.cli.cli_runner import MailguardCli
from tests.dovecot import Dovecot, MailUser
from tests.httpserver import Reply, ScriptedServer


def checks(cli: MailguardCli, *extra: str) -> tuple[int, dict[str, dict[str, object]]]:
    result = cli("doctor", "--no-desktop", "--json", *extra)
    return result.exit_code, {c["name"]: c for c in result.json()["checks"]}


def test_a_healthy_home_passes_every_check_with_exit_0(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    assert cli.add_account(dovecot, mail_user).exit_code == 0
    assert cli("snapshot", "work").exit_code == 0
    code, found = checks(cli)
    assert code == 0, found
    assert found["database"]["detail"].endswith("integrity ok")  # type: ignore[union-attr]
    assert f"as {mail_user.name}" in str(found["account:work"]["detail"])
    assert {"config", "keyring", "database", "account:work", "log"} <= set(found)


def test_a_wrong_password_fails_its_account_check_with_the_fix_and_exit_1(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    # Saved without the login test: as if the password had changed since.
    assert cli.add_account(dovecot, mail_user, "--no-test", password="wrong").exit_code == 0
    code, found = checks(cli)
    assert code == 1
    failed = found["account:work"]
    assert failed["ok"] is False
    assert "user name or password" in str(failed["detail"])
    assert "Settings" in str(failed["fix"])
    assert found["keyring"]["ok"] is True  # one failure hides nothing else


def test_a_source_that_cannot_be_read_is_named_with_its_reason(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    assert cli.add_account(dovecot, mail_user).exit_code == 0
    with ScriptedServer() as server:
        server.reply("/status.json", Reply(503, b"down"))
        url = server.url("/status.json")
        # Down already when added (--anyway): doctor is what must tell.
        assert cli("source", "add", "work", url, "--anyway").exit_code == 0
        code, found = checks(cli)
    assert code == 1
    source = found[f"source:work:{url}"]
    assert source["ok"] is False
    assert "503" in str(source["detail"])


def test_without_an_account_doctor_points_to_the_demo(cli: MailguardCli) -> None:
    code, found = checks(cli)
    assert code == 1
    assert "mailguard demo" in str(found["accounts"]["fix"])


def test_the_text_output_marks_failures_and_gives_the_fix(cli: MailguardCli) -> None:
    result = cli("doctor", "--no-desktop")
    assert result.exit_code == 1
    assert "FAIL  accounts: no account yet" in result.out
    assert "      fix: add one in Settings" in result.out
