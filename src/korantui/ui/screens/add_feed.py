"""The "add a site" dialog: an address in, discovery's steps shown as they run, the find out.

Discovery runs on the app's network loop (core.runner), not on the UI thread: its requests and
the parsing of what they bring back never hold up a key press.

Everything discovery reports (feed titles, error texts) came from the web: it reaches the screen
only through Log lines and Content, never through markup.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Log, Static

from korantui.core.i18n import tr
from korantui.core.models import FeedSpec
from korantui.core.sources.discover import Discovery, DiscoveryError, discover

if TYPE_CHECKING:
    from korantui.core.net.runner import NetworkRunner


@dataclass(slots=True)
class AddFeedResult:
    """What the dialog found, with the name and category the user typed."""

    discovery: Discovery
    name: str = ""
    category: str = ""

    @property
    def spec(self) -> FeedSpec:
        return self.discovery.spec(self.name, self.category)


class AddFeedScreen(ModalScreen[AddFeedResult | None]):
    """Dismisses with an AddFeedResult once discovery found something; None on Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    AddFeedScreen { align: center middle; }
    AddFeedScreen > Vertical {
        width: 80; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; padding: 1 2; background: $panel;
    }
    AddFeedScreen Input { margin-bottom: 1; }
    AddFeedScreen #progress { height: 8; border: tall $background; }
    AddFeedScreen #status { height: auto; margin: 1 0; }
    AddFeedScreen #status.error { color: $error; }
    AddFeedScreen Horizontal { height: auto; align-horizontal: right; }
    AddFeedScreen Button { margin-left: 2; }
    """

    def __init__(
        self,
        runner: NetworkRunner,
        *,
        url: str = "",
        name: str = "",
        category: str = "",
        lang: str | None = None,
    ) -> None:
        super().__init__()
        self._runner = runner
        self._initial = (url, name, category)
        self._lang = lang

    @property
    def ui_lang(self) -> str:
        return str(self._lang or getattr(self.app, "lang", "") or "en")

    def compose(self) -> ComposeResult:
        url, name, category = self._initial
        with Vertical() as box:
            box.border_title = tr("add.title", self.ui_lang)
            yield Input(url, placeholder=tr("add.url", self.ui_lang), id="url")
            yield Input(name, placeholder=tr("add.name", self.ui_lang), id="name")
            yield Input(category, placeholder=tr("add.category", self.ui_lang), id="category")
            yield Log(id="progress", max_lines=200)
            yield Static("", id="status", markup=False)
            with Horizontal():
                yield Button(tr("add.find", self.ui_lang), variant="primary", id="find")
                yield Button(tr("add.cancel", self.ui_lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#url", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#find")
    def _start(self) -> None:
        url = self.query_one("#url", Input).value.strip()
        status = self.query_one("#status", Static)
        if not url:
            self._show(tr("add.no_url", self.ui_lang), error=True)
            self.query_one("#url", Input).focus()
            return
        self._busy(True)
        status.remove_class("error")
        self._show(tr("add.searching", self.ui_lang))
        self.query_one("#progress", Log).clear()
        self._run(url)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "discover")
        self.dismiss(None)

    @work(exclusive=True, group="discover")
    async def _run(self, url: str) -> None:
        log = self.query_one("#progress", Log)
        ui_loop = asyncio.get_running_loop()

        def progress(line: str) -> None:  # called on the network loop
            ui_loop.call_soon_threadsafe(log.write_line, line)

        # Cancelling this worker (Escape) cancels the wrapped future, and with it the discovery.
        future = self._runner.submit(lambda fetcher: discover(fetcher, url, progress))
        try:
            found = await asyncio.wrap_future(future)
        except DiscoveryError as e:
            log.write_line(str(e))
            self._show(tr("add.failed", self.ui_lang, reason=str(e)), error=True)
            self._busy(False)
            self.query_one("#url", Input).focus()
            return
        self._show(found.summary)
        self.dismiss(
            AddFeedResult(
                found,
                self.query_one("#name", Input).value.strip(),
                self.query_one("#category", Input).value.strip(),
            )
        )

    def _show(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.set_class(error, "error")
        status.update(Content(text))

    def _busy(self, busy: bool) -> None:
        for widget in self.query("Input, #find"):
            widget.disabled = busy
