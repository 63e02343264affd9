"""Headless Chromium driven over the DevTools protocol (the browser tests, `zhkg view
--screenshot` and the load-time measurements of the README).

Chromium is started with `--remote-debugging-pipe`: protocol messages are JSON texts ending in
NUL, written to its file descriptor 3 and read from its descriptor 4, so no port is opened and
no WebSocket client is needed. Every host name fails to resolve: the page must work offline.
"""
from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from pipeline.outputs.atomic import atomic_write

WIDTH, HEIGHT = 1400, 900


def find_chromium() -> str | None:
    """$CHROMIUM, else chromium / chromium-browser / google-chrome on PATH, else None."""
    candidates = [os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"]
    for candidate in filter(None, candidates):
        found = shutil.which(candidate)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    """Chromium could not be started, a command failed or a wait timed out."""


class Browser:
    """One headless Chromium with one page: `open` a file, `evaluate` script in it, `click`,
    `screenshot`. Use as a context manager."""

    def __init__(self, chromium: str | None = None, width: int = WIDTH, height: int = HEIGHT, timeout: float = 60.0):
        chromium = chromium or find_chromium()
        if not chromium:
            raise FileNotFoundError("no Chromium found (install Debian's `chromium` package or set $CHROMIUM)")
        self.width, self.height, self.timeout = width, height, timeout
        self._profile = tempfile.TemporaryDirectory(prefix="zhkg-chromium-")
        to_chromium, self._commands = os.pipe()
        self._replies, from_chromium = os.pipe()

        def pipes_as_3_and_4() -> None:  # in the child: dup first, as a pipe may already be 3 or 4
            reading, writing = os.dup(to_chromium), os.dup(from_chromium)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        command = [chromium, "--headless", "--no-sandbox", "--remote-debugging-pipe", "--enable-unsafe-swiftshader",
                   "--disable-background-networking", "--disable-component-update", "--no-first-run",
                   "--hide-scrollbars", "--mute-audio", f"--user-data-dir={self._profile.name}",
                   "--host-resolver-rules=MAP * ~NOTFOUND", f"--window-size={width},{height}", "about:blank"]
        self._process = subprocess.Popen(command, preexec_fn=pipes_as_3_and_4, stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False)
        os.close(to_chromium)
        os.close(from_chromium)
        self._next_id, self._messages = 0, queue.Queue()
        self._events: list[dict] = []
        threading.Thread(target=self._read, daemon=True).start()
        self._session = self._attach()

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._replies, "rb", buffering=0) as stream:
            while chunk := stream.read(1 << 16):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for message in messages:
                    self._messages.put(json.loads(message))
        self._messages.put(None)

    def send(self, method: str, session: bool = True, **params: Any) -> dict:
        """One protocol command; its result (BrowserError on an error reply or a timeout)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session and getattr(self, "_session", None):
            message["sessionId"] = self._session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                reply = self._messages.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise BrowserError(f"no reply to {method} within {self.timeout:.0f} s") from None
            if reply is None:
                raise BrowserError(f"chromium ended while waiting for {method}")
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._events.append(reply)

    def _attach(self) -> str:
        targets = self.send("Target.getTargets", session=False)["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        session = self.send("Target.attachToTarget", session=False, targetId=page["targetId"], flatten=True)["sessionId"]
        self._session = session
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height, deviceScaleFactor=1,
                  mobile=False)
        return session

    def open(self, page: Path, query: str = "", ready: str = "document.body.dataset.drawn === 'true'") -> None:
        """Load `page` (a file) and wait until the script `ready` is true."""
        url = Path(page).resolve().as_uri() + (f"?{query}" if query else "")
        self.send("Page.navigate", url=url)
        self.wait_for(ready)

    def evaluate(self, expression: str) -> Any:
        """The value of a script expression in the page (promises awaited); BrowserError if it throws."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(f"script error: {details.get('exception', {}).get('description') or details.get('text')}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float | None = None) -> Any:
        """Poll the script `expression` until it is truthy; its value."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline:
            value = self.evaluate(f"(function () {{ try {{ return {expression}; }} catch (e) {{ return null; }} }})()")
            if value:
                return value
            time.sleep(0.05)
        raise BrowserError(f"timed out waiting for {expression}; script errors: {self.errors() or 'none'}")

    def errors(self) -> list[str]:
        """The uncaught script errors the page has reported so far."""
        return [event["params"]["exceptionDetails"].get("exception", {}).get("description", "")
                for event in self._events if event.get("method") == "Runtime.exceptionThrown"]

    def click(self, x: float, y: float) -> None:
        """A left mouse click at viewport pixel (x, y), as a user's: move, press, release."""
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", buttons=1, clickCount=1)

    def type_text(self, text: str) -> None:
        """Type `text` into the focused element, then press Enter."""
        self.send("Input.insertText", text=text)
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13,
                      **({"text": "\r"} if kind == "keyDown" else {}))

    def screenshot(self, png: Path) -> Path:
        """A PNG of the viewport, written atomically to `png`."""
        payload = base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"])
        atomic_write(Path(png), lambda handle: handle.write(payload), mode="wb")
        return Path(png)

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False)
        except (BrowserError, OSError):
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._commands)
        self._profile.cleanup()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def screenshot(page: Path, png: Path, width: int = WIDTH, height: int = HEIGHT) -> Path:
    """A PNG screenshot of `page` once drawn, written atomically to `png`."""
    with Browser(width=width, height=height) as browser:
        browser.open(page)
        return browser.screenshot(png)
