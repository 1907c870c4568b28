"""Reading one of mailguard's small JSON files in the config folder, whatever it holds.

They are hand-editable, so anything may be there: another encoding, binary
garbage, a FIFO (which would block ``open`` forever), gigabytes, or brackets
nested deeper than Python's JSON parser can recurse. Each is one ConfigError.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from mailguard.core.errors import ConfigError

#: Far more than any config of ours (an account takes about 300 bytes).
MAX_CONFIG_BYTES = 1024 * 1024


def read_config_json(path: Path) -> Any:
    """The file's JSON value; FileNotFoundError when there is no file yet."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            raise ConfigError(f"cannot read {path}: not a regular file")
        with path.open("rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from exc
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(
            f"{path} is damaged (larger than {MAX_CONFIG_BYTES // 1024 // 1024} MiB); "
            "fix or remove it"
        )
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path} is damaged (not UTF-8 text); fix or remove it") from exc
    except ValueError as exc:
        raise ConfigError(f"{path} is damaged ({exc}); fix or remove it") from exc
    except RecursionError as exc:
        raise ConfigError(f"{path} is damaged (nested too deeply); fix or remove it") from exc
