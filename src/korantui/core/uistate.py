"""Small interface choices remembered across runs (the theme picked in the palette).

A JSON file in the data dir, not the config: the config is the user's own text, and rewriting it
on every theme change would churn their comments and order. A broken or unreadable file is
treated as empty; writes replace the file atomically so a crash never leaves half a file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

FILE_NAME = "ui-state.json"


def state_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def load_state(data_dir: Path) -> dict[str, Any]:
    try:
        text = state_path(data_dir).read_text(encoding="utf-8")
    except OSError:
        return {}
    import json  # here, not at the top: a first start (no state file) needs none of it

    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def save_state(data_dir: Path, **changes: Any) -> None:
    """Merge changes into the state file; failures (read-only disk) are not the user's problem."""
    state = load_state(data_dir)
    state.update(changes)
    path = state_path(data_dir)
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import json

        from korantui.core.private_files import open_private

        with open_private(tmp) as f:  # never through a link planted at the temp name
            f.write(json.dumps(state, ensure_ascii=False, indent=1))
        os.replace(tmp, path)
    except OSError:
        return
