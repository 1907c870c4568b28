"""Running one filing rule now: the guard's rounds and the tray's "Run now" share this road.

The rule only chooses messages (reading, never changing); the move itself is
a request to the gate like any folder edit, so it waits out windows or is refused.
"""

from __future__ import annotations

from datetime import datetime

from mailguard.core.account import AccountConfig
from mailguard.core.filing_rules import FilingRule
from mailguard.core.model import MaintenanceWindow
from mailguard.imap.filing import plan_filing
from mailguard.service.imap_access import ImapAccess
from mailguard.service.operation_gate import GateResult, OperationGate


def run_filing_rule(
    imap: ImapAccess,
    gate: OperationGate,
    account: AccountConfig,
    rule: FilingRule,
    *,
    queue: bool,
    now: datetime,
    windows: list[MaintenanceWindow] | None = None,
) -> GateResult | None:
    """The move of the mail ``rule`` matches now, through the gate; None when none matches."""
    with imap.connect(account) as client:
        operation = plan_filing(client, rule)
    if not operation.message_keys:
        return None
    return gate.request(account, operation, queue=queue, now=now, windows=windows)
