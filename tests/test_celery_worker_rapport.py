"""A real Celery worker generates a stuurgroep report end to end (issue 6 item 9).

The project team requests the report through the service, exactly as the page does; after the
commit the task goes to Redis, on a queue of its own, and a separate worker process (solo pool)
picks it up, renders the PDF against the same PostgreSQL test database and stores it. The test
waits until the row says *gereed* and reads the PDF back.

Needs Redis (REDIS_URL) and PostgreSQL (DATABASE_URL): SQLite's test database lives in this
process's memory, where no other process can reach it. Skipped, with the reason, otherwise.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.pdftekst import paginas
from tests.test_celery_worker import _delete_queue, _wait_until_ready

BASE_DIR = Path(__file__).resolve().parent.parent
RAPPORT_TIMEOUT = 120  # seconds; the report takes a few seconds, a cold worker a few more


def _database_url() -> str:
    """The test database (pytest-django's `test_<name>`), as a URL for the worker process."""
    instellingen = connection.settings_dict
    gebruiker = instellingen["USER"] or "postgres"
    wachtwoord = f":{instellingen['PASSWORD']}" if instellingen["PASSWORD"] else ""
    host = instellingen["HOST"] or "127.0.0.1"
    poort = instellingen["PORT"] or "5432"
    return f"postgres://{gebruiker}{wachtwoord}@{host}:{poort}/{instellingen['NAME']}"


def _routeer(app, routes) -> None:
    """Set the task routes; the app builds its router once, so build it again from them."""
    app.conf.task_routes = routes
    app.amqp.flush_routes()
    app.amqp.router = app.amqp.Router()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)  # the worker must see committed rows
def test_a_real_worker_generates_a_stuurgroep_report(tmp_path: Path, settings) -> None:
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("REDIS_URL is not set: the real-worker report test needs Redis (CI sets it)")
    if connection.vendor != "postgresql":
        pytest.skip(
            "the real-worker report test needs PostgreSQL (DATABASE_URL): a worker process cannot reach "
            "the in-memory SQLite test database"
        )

    from continuiteit.celery import app
    from monitoring import rapporten
    from monitoring.models import Rapport
    from netwerken.groepen import zorg_voor_groepen
    from tests.monitoring.rapportwereld import PERIODE, maak_wereld

    zorg_voor_groepen()  # a transactional test starts from emptied tables
    wereld = maak_wereld()
    media = tmp_path / "media"
    settings.PRIVE_BESTANDEN = media / "prive"  # where the worker writes (MEDIA_ROOT below)

    suffix = secrets.token_hex(4)
    queue = f"test-rapporten-{suffix}"
    nodename = f"test-rapporten-{suffix}@localhost"
    log_path = tmp_path / "worker.log"
    with log_path.open("w") as log:
        worker = subprocess.Popen(
            [
                *[sys.executable, "-m", "celery", "-A", "continuiteit", "worker", "-l", "info"],
                *["-P", "solo", "--concurrency=1", "-Q", queue, "-n", nodename],
                *["--without-mingle", "--without-gossip"],
            ],
            cwd=BASE_DIR,
            env={
                **os.environ,
                "REDIS_URL": redis_url,
                "DATABASE_URL": _database_url(),
                "MEDIA_ROOT": str(media),
                "CELERY_TASK_ALWAYS_EAGER": "false",
                "DEBUG": "true",
            },
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    # This process sends the task for real (the suite runs tasks in-process otherwise), to our queue.
    eager, routes = app.conf.task_always_eager, app.conf.task_routes
    app.conf.task_always_eager = False
    _routeer(app, {"monitoring.genereer_rapport": {"queue": queue}})
    try:
        _wait_until_ready(app, nodename, worker, log_path)

        van, tot = PERIODE
        rapport = rapporten.vraag_aan(actor=wereld.projectteam, soort="stuurgroep", van=van, tot=tot)

        deadline = time.monotonic() + RAPPORT_TIMEOUT
        gezien = set()
        while time.monotonic() < deadline:
            rapport.refresh_from_db()
            gezien.add(rapport.voortgang)
            if rapport.status in (Rapport.Status.GEREED, Rapport.Status.MISLUKT):
                break
            if worker.poll() is not None:
                pytest.fail(f"the worker exited with {worker.returncode}:\n{log_path.read_text()}")
            time.sleep(0.05)
        else:
            pytest.fail(f"the report was not ready within {RAPPORT_TIMEOUT} s:\n{log_path.read_text()}")

        assert rapport.status == Rapport.Status.GEREED, rapport.fout
        assert rapport.paginas and rapport.duur_ms
        with rapport.bestand.open("rb") as bestand:
            pdf = bestand.read()
        assert pdf.startswith(b"%PDF-")
        gelezen = paginas(pdf)
        assert "Voortgangsrapportage stuurgroep" in "\n".join(gelezen)
        assert len(gelezen) == rapport.paginas
        assert f"rapport {rapport.pk} gereed" in log_path.read_text()
        print(f"voortgang gezien tijdens het maken: {sorted(gezien)}")
    finally:
        app.conf.task_always_eager = eager
        _routeer(app, routes)
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=5)
        _delete_queue(app, queue)
