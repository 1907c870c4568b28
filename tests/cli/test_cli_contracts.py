"""What every command promises: help on every word, and listing leaves no trace in the home."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailguard.cli.main import COMMANDS, build_parser
from tests.cli.cli_runner import MailguardCli, error_line
from tests.cli.runner import CliRunner
from tests.dovecot import Dovecot, MailUser


def unexplained(parser: argparse.ArgumentParser, path: str) -> Iterator[str]:
    """Every subcommand, positional argument and option below ``parser`` without help text."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helped = {choice.dest: choice.help for choice in action._choices_actions}
            for name, subparser in action.choices.items():
                if not helped.get(name):
                    yield f"{path} {name}".strip()
                yield from unexplained(subparser, f"{path} {name}".strip())
        elif not isinstance(action, argparse._HelpAction) and not action.help:
            yield f"{path}: {'/'.join(action.option_strings) or action.metavar or action.dest}"


def test_every_subcommand_argument_and_option_has_help_text() -> None:
    parser = build_parser()

    assert list(unexplained(parser, "")) == []
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == set(COMMANDS)  # the walk saw every command


def test_the_walk_would_notice_a_missing_help_text() -> None:
    parser = argparse.ArgumentParser(prog="x")
    actions = parser.add_subparsers()
    sub = actions.add_parser("quiet")
    sub.add_argument("thing")
    sub.add_argument("--flag", help="explained")

    assert list(unexplained(parser, "")) == ["quiet", "quiet: thing"]


@pytest.mark.parametrize(
    "argv",
    [
        ("account", "list"),
        ("account", "list", "--json"),
        ("source", "list"),
        ("rule", "list", "--json"),
        ("window", "list"),
    ],
)
def test_listing_creates_no_folders_in_a_new_home(tmp_path: Path, argv: tuple[str, ...]) -> None:
    home = tmp_path / "home"

    result = CliRunner(home)(*argv)

    assert result.exit_code == 0, result.err
    assert not home.exists()


def test_looking_at_reports_and_rules_of_an_account_creates_no_database(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    assert cli.add_account(dovecot, mail_user).exit_code == 0
    assert list(cli.home.glob("data/*")) == []  # nothing stored yet

    for argv in (("report", "work"), ("report", "work", "--json"), ("rule", "list", "work")):
        assert cli(*argv).exit_code == 0
    assert list(cli.home.glob("data/*")) == []


def test_a_writing_command_still_makes_the_home(tmp_path: Path) -> None:
    home = tmp_path / "home"

    assert CliRunner(home)("status").exit_code == 0

    assert sorted(p.name for p in home.iterdir()) == ["cache", "config", "data", "logs"]


def test_source_list_and_rule_list_take_an_account(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    for name in ("work", "home"):
        assert cli.add_account(dovecot, mail_user, name=name).exit_code == 0
        made_up = f"https://{name}.example/status.ics"  # never read: --anyway
        assert cli("source", "add", name, made_up, "--anyway").exit_code == 0
        added = cli("rule", "add", name, "bills", "--folder", "INBOX", "--to-folder", "Bills",
                    "--subject", "invoice")  # fmt: skip
        assert added.exit_code == 0, added.err

    sources = cli("source", "list", "work", "--json").json()
    rules = cli("rule", "list", "home", "--json").json()

    assert [(s["account"], s["location"]) for s in sources] == [
        ("work", "https://work.example/status.ics")
    ]
    assert [(r["account"], r["name"]) for r in rules] == [("home", "bills")]
    assert cli("source", "list", "home").out.startswith("home  https://home.example/status.ics")
    assert len(cli("rule", "list").out.splitlines()) == 2  # without one: every account
    for argv in (("source", "list", "nobody"), ("rule", "list", "nobody")):
        assert "no account named 'nobody'" in error_line(cli(*argv))
