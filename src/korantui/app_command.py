"""`korantui` alone: the app, in the terminal."""

from __future__ import annotations

import argparse
import gc
import sys

from korantui.cli import UsageError
from korantui.cli_store import _usable_data_dir
from korantui.core.config import Config


def app(args: argparse.Namespace, cfg: Config) -> int:
    # Until the first frame, no garbage worth collecting is made, but the collector's passes
    # over the objects of the fresh imports cost ~25 ms of it; the app turns it back on (and
    # sets those objects apart for good) once that frame is painted.
    _usable_data_dir(cfg)
    for stream, name in ((sys.stdout, "output"), (sys.stdin, "input")):
        if not stream.isatty():
            raise UsageError(
                f"the app needs a terminal, and its {name} is not one;"
                " the commands (korantui --help) work without"
            )
    gc.disable()
    from korantui.ui.app import KoranApp
    from korantui.ui.widgets.image_terminal import probe_terminal

    app = KoranApp(cfg, demo=args.demo)
    probe_terminal(cfg.images)  # before Textual reads the keyboard: it would eat the answers
    app.run()
    return app.return_code or 0
