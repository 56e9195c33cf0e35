"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Playwright's own browser download cannot work on these machines, so the launch arguments point at
the system Chromium; without one, every browser test is skipped with the reason printed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import Page

# Playwright's sync API runs an event loop in the test thread; the ORM calls in the tests (creating
# users, reading results) would otherwise raise SynchronousOnlyOperation.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# /usr/lib/chromium/chromium is the real binary and starts faster than the /usr/bin wrapper script.
CHROMIUM_PADEN = (Path("/usr/lib/chromium/chromium"), Path("/usr/bin/chromium"))
CHROMIUM_ARGUMENTEN = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Only these two axe impact levels fail a test; "moderate" and "minor" findings are advisory.
ERNSTIGE_IMPACT = ("serious", "critical")


def chromium_pad() -> Path | None:
    return next((pad for pad in CHROMIUM_PADEN if pad.exists()), None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium headless; skip every browser test when it is not installed."""
    pad = chromium_pad()
    if pad is None:
        pytest.skip(
            "Geen Chromium gevonden ("
            + " of ".join(str(p) for p in CHROMIUM_PADEN)
            + "); installeer het met `apt-get install -y --no-install-recommends chromium fonts-liberation`."
        )
    return {**browser_type_launch_args, "executable_path": str(pad), "args": CHROMIUM_ARGUMENTEN}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A Dutch-speaking desktop browser."""
    return {**browser_context_args, "locale": "nl-NL", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def inloggen(page: Page, live_server: Any) -> Callable[..., Page]:
    """Log in through the real login form: `inloggen(email, wachtwoord, volgende="/netwerken/")`.

    Returns the page after the form was submitted and the next page has loaded; the caller asserts
    where it ended up (a failed login stays on the login page with an error).
    """

    def _inloggen(email: str, wachtwoord: str, *, volgende: str | None = None) -> Page:
        url = f"{live_server.url}{reverse('login')}"
        if volgende:
            url += f"?next={volgende}"
        page.goto(url)
        page.locator("input[name=username]").fill(email)
        page.locator("input[name=password]").fill(wachtwoord)
        with page.expect_navigation():
            page.get_by_role("button", name="Inloggen", exact=True).click()
        return page

    return _inloggen


def beschrijf_overtredingen(overtredingen: list[dict[str, Any]]) -> str:
    """One readable block per axe violation: rule, impact, help text and the offending nodes."""
    regels = []
    for overtreding in overtredingen:
        regels.append(
            f"{overtreding['id']} ({overtreding['impact']}): {overtreding['help']} — {overtreding['helpUrl']}"
        )
        for node in overtreding["nodes"]:
            regels.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:200]}")
            if node.get("failureSummary"):
                regels.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(regels)


@pytest.fixture
def axe_controle(page: Page) -> Callable[..., list[dict[str, Any]]]:
    """Run axe-core on the current page; return the serious and critical violations.

    Use as `assert axe_controle() == []`. On a failure the violations are printed (rule id, nodes,
    failure summary), so the captured output shows what to fix. `context` narrows the check to a part
    of the page, e.g. `axe_controle("main")`.
    """
    axe = Axe()

    def _controle(context: str | dict | None = None) -> list[dict[str, Any]]:
        resultaat = axe.run(page, context=context)
        ernstig = [v for v in resultaat.response["violations"] if v.get("impact") in ERNSTIGE_IMPACT]
        if ernstig:
            print(f"axe-core op {page.url}:\n{beschrijf_overtredingen(ernstig)}")
        return ernstig

    return _controle
