"""The user's filing rules per account, in SQLite next to the journal they feed."""

from __future__ import annotations

import json
from dataclasses import replace

from mailguard.core.errors import UsageError
from mailguard.core.filing_rules import FilingRule
from mailguard.store.database import Database


class RuleStore:
    """Adds, lists and removes filing rules; a rule's name is unique per account."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, account: str, rule: FilingRule) -> None:
        with self._db.transaction() as conn:
            exists = conn.execute(
                "SELECT 1 FROM filing_rule WHERE account = ? AND name = ?", (account, rule.name)
            ).fetchone()
            if exists:
                raise UsageError(f"account {account!r} has a filing rule {rule.name!r} already")
            conn.execute(
                "INSERT INTO filing_rule (account, name, body) VALUES (?, ?, ?)",
                (account, rule.name, json.dumps(rule.to_json(), ensure_ascii=False)),
            )

    def remove(self, account: str, name: str) -> None:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM filing_rule WHERE account = ? AND name = ?", (account, name)
            )
        if cursor.rowcount == 0:
            raise UsageError(f"account {account!r} has no filing rule {name!r}")

    def retarget(self, account: str, old: str, new: str) -> list[str]:
        """Rules reading from or filing into folder ``old`` now name ``new``; their names."""
        changed: list[str] = []
        with self._db.transaction() as conn:
            for rule in self.rules(account):
                if old not in (rule.folder, rule.target):
                    continue
                moved = replace(
                    rule,
                    folder=new if rule.folder == old else rule.folder,
                    target=new if rule.target == old else rule.target,
                )
                conn.execute(
                    "UPDATE filing_rule SET body = ? WHERE account = ? AND name = ?",
                    (json.dumps(moved.to_json(), ensure_ascii=False), account, rule.name),
                )
                changed.append(rule.name)
        return changed

    def rules(self, account: str) -> list[FilingRule]:
        rows = self._db.connection.execute(
            "SELECT body FROM filing_rule WHERE account = ? ORDER BY name", (account,)
        ).fetchall()
        return [FilingRule.from_json(json.loads(body)) for (body,) in rows]
