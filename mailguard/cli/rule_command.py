"""``mailguard rule``: filing rules, run by ``mailguard watch`` through the guard's gate."""

from __future__ import annotations

import argparse

from mailguard.cli.console import Console
from mailguard.core.filing_rules import FilingRule
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.paths import AppPaths
from mailguard.store.rule_store import RuleStore


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("rule", help="filing rules: matching mail goes to a folder")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="add a rule (every condition given must match)",
        description=(
            "Add a filing rule: mail in --folder that matches every condition given is moved "
            "to --to-folder. Unlike mailguard move, where --from and --to name folders, here "
            "--from and --to are conditions on the sender and the recipients."
        ),
    )
    add.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    add.add_argument("name", metavar="NAME", help="a name for the rule (rule remove takes it)")
    add.add_argument(
        "--folder",
        required=True,
        metavar="FOLDER",
        help="the folder whose mail the rule checks",
    )
    add.add_argument(
        "--to-folder",
        required=True,
        metavar="FOLDER",
        help="the folder matching mail is moved to",
    )
    add.add_argument(
        "--from",
        dest="sender",
        metavar="TEXT",
        help="condition: the From header contains TEXT (a sender, not a folder)",
    )
    add.add_argument(
        "--to",
        dest="recipient",
        metavar="TEXT",
        help="condition: the To or Cc header contains TEXT (a recipient, not a folder)",
    )
    add.add_argument("--subject", metavar="TEXT", help="condition: the Subject contains TEXT")
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help="list the rules of one account or of all")
    listing.add_argument("account", nargs="?", metavar="ACCOUNT", help="default: every account")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=run_list, only_reads=True)

    remove = actions.add_parser("remove", help="remove a rule")
    remove.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    remove.add_argument("name", metavar="NAME", help="the rule's name, as rule list shows it")
    remove.set_defaults(run=run_remove)


def run_add(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    account = AccountStore(paths.config_dir).get(args.account)
    rule = FilingRule(
        name=args.name,
        folder=args.folder,
        target=args.to_folder,
        sender_contains=args.sender,
        recipient_contains=args.recipient,
        subject_contains=args.subject,
    )
    with Database(paths.database_file) as db:
        RuleStore(db).add(account.name, rule)
    console.result(f"added rule {rule.name!r} for {account.name}; mailguard watch runs it")
    return 0


def run_list(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    accounts = AccountStore(paths.config_dir)
    chosen = [accounts.get(args.account)] if args.account else accounts.all()
    rows: list[tuple[str, FilingRule]] = []
    if chosen and paths.database_file.exists():  # no database yet: no rules, and none made
        with Database(paths.database_file) as db:
            store = RuleStore(db)
            rows = [
                (account.name, rule) for account in chosen for rule in store.rules(account.name)
            ]
    if args.json:
        console.json([{"account": name, **rule.to_json()} for name, rule in rows])
        return 0
    if not rows:
        console.note("no filing rules yet (add one with: mailguard rule add)")
    for name, rule in rows:
        conditions = [
            f"{label} contains {value!r}"
            for label, value in (
                ("from", rule.sender_contains),
                ("to", rule.recipient_contains),
                ("subject", rule.subject_contains),
            )
            if value
        ]
        console.result(
            f"{name}  {rule.name}: {rule.folder} → {rule.target} when {' and '.join(conditions)}"
        )
    return 0


def run_remove(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    account = AccountStore(paths.config_dir).get(args.account)
    with Database(paths.database_file) as db:
        RuleStore(db).remove(account.name, args.name)
    console.result(f"removed rule {args.name!r} of {account.name}")
    return 0
