"""Reports in a real browser (issue 6 item 10): the project team starts a stuurgroep report, watches
the progress bar move and downloads the PDF.

To see progress, the request must return before the report is finished, as in production. So this
test runs a real Celery worker, in a thread of this process (`celery.contrib.testing.worker`), on a
queue of its own: the page's POST enqueues the task after the commit and redirects at once; the
worker renders the report and writes each step on the row; the progress page polls it. On the
in-memory SQLite test database the worker shares the live server's connection (as the live server's
own threads do); on PostgreSQL it has its own.

The values the bar showed are read from the page itself, many times a second, until the download
appears: at least one of them lies strictly between 0 and 100.
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
import time

import pytest
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import expect

from monitoring.models import Rapport
from tests.test_celery_worker_rapport import _routeer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "demo-portaal"
URL = "/monitoring/rapporten/"
GEREED_TIMEOUT = 90  # seconds
LEES_BALK = """() => {
    const balk = document.querySelector("#rapport-voortgang progress");
    return balk ? balk.getAttribute("value") : null;
}"""


@pytest.fixture
def demodata(settings, live_server, tmp_path) -> None:
    """Reference and demo data; reports in a private storage of this test."""
    settings.DEMO_DATA_TOEGESTAAN = True
    settings.PRIVE_BESTANDEN = tmp_path / "prive"
    call_command("laad_referentiedata", verbosity=0)
    call_command("laad_demodata", verbosity=0)


@pytest.fixture
def rapportwerker(live_server):
    """A Celery worker thread that takes the report task from a queue of its own."""
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_prerun

    from continuiteit.celery import app

    # The live server's own shared connections (in-memory SQLite only; empty on PostgreSQL).
    gedeeld = dict(live_server.thread.connections_override)
    for verbinding in gedeeld.values():
        verbinding.inc_thread_sharing()

    def deel_verbinding(**kwargs: object) -> None:
        # An in-memory SQLite database exists only on its connection: the live server's.
        for alias, verbinding in gedeeld.items():
            connections[alias] = verbinding

    queue = f"test-rapporten-browser-{secrets.token_hex(4)}"
    eager, routes = app.conf.task_always_eager, app.conf.task_routes
    app.conf.task_always_eager = False
    _routeer(app, {"monitoring.genereer_rapport": {"queue": queue}})
    task_prerun.connect(deel_verbinding, weak=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, queues=[queue], shutdown_timeout=30):
            yield
    finally:
        task_prerun.disconnect(deel_verbinding)
        for verbinding in gedeeld.values():
            verbinding.dec_thread_sharing()
        app.conf.task_always_eager = eager
        _routeer(app, routes)


def test_the_project_team_starts_a_report_watches_its_progress_and_downloads_it(
    demodata, rapportwerker, inloggen, axe_controle
) -> None:
    page = inloggen("projectteam@demo.nl", WACHTWOORD, volgende=URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Rapportages")
    assert axe_controle() == []

    page.get_by_label("Voortgangsrapportage stuurgroep").check()
    page.get_by_label("Vorig kwartaal").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Rapportage maken").click()
    assert "/monitoring/rapporten/" in page.url and page.url.rstrip("/").split("/")[-1].isdigit()

    # What the bar shows, read from the page until the download appears.
    getoond: list[int] = []
    download = page.get_by_role("link", name="PDF downloaden")
    deadline = time.monotonic() + GEREED_TIMEOUT
    while not download.is_visible():
        if time.monotonic() > deadline:
            pytest.fail(f"no download after {GEREED_TIMEOUT} s; the bar showed {getoond}")
        # Read in one step in the page: htmx may swap the bar for the download between two
        # separate Playwright calls (a count, then an attribute that waits for a bar gone for good).
        waarde = page.evaluate(LEES_BALK)
        if waarde is not None and (not getoond or getoond[-1] != int(waarde)):
            getoond.append(int(waarde))
        page.wait_for_timeout(50)

    print(f"de voortgangsbalk toonde: {getoond}")
    assert any(0 < waarde < 100 for waarde in getoond), getoond
    assert getoond == sorted(getoond)  # it only moves forward
    expect(page.get_by_text("De rapportage is klaar")).to_be_visible()
    assert axe_controle() == []

    with page.expect_download() as ontvangen:
        download.click()
    bestand = ontvangen.value
    assert bestand.suggested_filename.startswith("voortgangsrapportage-stuurgroep-")
    pdf = open(bestand.path(), "rb").read()  # noqa: SIM115 - a temporary file of Playwright's
    assert pdf.startswith(b"%PDF-")
    rapport = Rapport.objects.get()
    assert rapport.status == Rapport.Status.GEREED
    if shutil.which("pdftotext"):
        tekst = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        assert "Voortgangsrapportage stuurgroep" in tekst
        assert "TLP:AMBER" in tekst
        assert tekst.count("\f") == rapport.paginas

    # The list shows it too, with its download.
    page.goto(f"{page.url.split('/monitoring/')[0]}{URL}")
    expect(page.get_by_role("link", name=rapport.titel, exact=True)).to_be_visible()
