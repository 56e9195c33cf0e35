"""The measurements of DESIGN §8 and their verdicts.

- ``tel_queries``: the queries of each page, in-process through Django's test client (the count
  of the second request: the first warms process-wide caches such as content types).
- ``Server`` and ``belast``: a real gunicorn (DEBUG off) and 10 client threads that fire requests
  at one page at a time with their own session; latency per request (p50/p95) and throughput.
- ``meet_pdf``: the stuurgroep report rendered twice in-process; the second (warm) run is judged.
- ``beoordeel``: a pure function from the numbers to PASS/FAIL lines, ``tabel``: the readable report.
"""

from __future__ import annotations

import datetime
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .paginas import Pagina

# The targets of §8.
MAX_QUERIES = 15
MAX_P95_MS = {"detail": 150.0, "dashboard": 300.0}
MAX_VERTRAGING_PAGINERING = 1.5
MIN_DOORVOER_FRACTIE = 0.5
MAX_PDF_SECONDEN = 5.0
MAX_PDF_MS_PER_PAGINA = 100.0

DRADEN = 10  # concurrent users
WORKERS, THREADS = 2, 5  # gunicorn gthread: 10 requests in flight on 2 cores


# --- Query counts ---------------------------------------------------------------------------------------


def tel_queries(paginas: Iterable[Pagina], max_seconden: float | None = None) -> dict[str, dict[str, Any]]:
    """Per page its HTTP status and query count, for its user, through the test client.

    Logs each user in (`force_login`, not counted); each page is requested twice and the second
    request is counted. With `max_seconden` every page runs in a forked child process that is
    stopped after that time, so one page that does not scale cannot stall the benchmark: it is
    reported as `te_traag`. Without it everything runs in this process (and transaction), as the
    test suite needs.
    """
    if max_seconden is None:
        clients: dict[str, Any] = {}
        return {pagina.naam: _tel_pagina(pagina, clients) for pagina in paginas}

    import multiprocessing

    from django.db import connections

    context = multiprocessing.get_context("fork")
    uitkomst: dict[str, dict[str, Any]] = {}
    for pagina in paginas:
        connections.close_all()  # the child opens its own connection
        ontvanger, zender = context.Pipe(duplex=False)
        kind = context.Process(target=_tel_in_kind, args=(pagina, zender))
        begin = time.perf_counter()
        kind.start()
        zender.close()
        if ontvanger.poll(max_seconden):
            uitkomst[pagina.naam] = ontvanger.recv()
        else:
            kind.kill()
            uitkomst[pagina.naam] = {
                "status": None,
                "queries": None,
                "te_traag": True,
                "seconden": max_seconden,
            }
        kind.join()
        uitkomst[pagina.naam]["seconden"] = round(time.perf_counter() - begin, 2)
    return uitkomst


def _tel_pagina(pagina: Pagina, clients: dict[str, Any]) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from netwerken.models import Gebruiker

    if pagina.gebruiker not in clients:
        client = Client()
        client.force_login(Gebruiker.objects.get(email=pagina.gebruiker))
        clients[pagina.gebruiker] = client
    client = clients[pagina.gebruiker]
    client.get(pagina.pad)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(pagina.pad).status_code
    return {"status": status, "queries": len(queries)}


def _tel_in_kind(pagina: Pagina, zender: Any) -> None:
    from django.db import connections

    try:
        zender.send(_tel_pagina(pagina, {}))
    finally:
        connections.close_all()
        zender.close()


# --- Load on a real server --------------------------------------------------------------------------------


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sessiesleutels(email: str, aantal: int) -> list[str]:
    """`aantal` logged-in sessions of this user, written to the session store as `login()` does."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from netwerken.models import Gebruiker

    gebruiker = Gebruiker.objects.get(email=email)
    sleutels = []
    for _ in range(aantal):
        sessie = SessionStore()
        sessie[SESSION_KEY] = str(gebruiker.pk)
        sessie[BACKEND_SESSION_KEY] = "netwerken.backends.GebruikerBackend"
        sessie[HASH_SESSION_KEY] = gebruiker.get_session_auth_hash()
        sessie.create()
        sleutels.append(sessie.session_key)
    return sleutels


class Server:
    """gunicorn with the portal on a free local port, DEBUG off, as in production.

    The environment is the caller's (database, SECRET_KEY shared with the sessions it created) with
    production settings on top; static files without the manifest (no collectstatic here).
    Requests carry `X-Forwarded-Proto: https`, as behind the reverse proxy, so HTTPS redirects do
    not apply.
    """

    BESCHRIJVING = f"gunicorn continuiteit.wsgi, {WORKERS} workers × {THREADS} threads (gthread), DEBUG uit"

    def __init__(self, basis: Path) -> None:
        self.poort = vrije_poort()
        omgeving = dict(os.environ)
        omgeving.update(
            {
                "DEBUG": "false",
                "ALLOWED_HOSTS": "127.0.0.1",
                "SITE_URL": f"https://127.0.0.1:{self.poort}",
                "STATIC_MANIFEST": "false",
                "DEMO_DATA": "false",
                "LOG_LEVEL": "WARNING",
                "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
                # WhiteNoise warns that STATIC_ROOT is missing: static files are not what is measured.
                "PYTHONWARNINGS": "ignore:No directory at:UserWarning",
            }
        )
        self.proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "continuiteit.wsgi",
                "--bind",
                f"127.0.0.1:{self.poort}",
                "--workers",
                str(WORKERS),
                "--threads",
                str(THREADS),
                "--worker-class",
                "gthread",
                "--timeout",
                "120",
                "--no-control-socket",
                "--log-level",
                "warning",
            ],
            cwd=basis,
            env=omgeving,
        )

    def wacht(self, pad: str, sessie: str, seconden: float = 60) -> None:
        """Until the page answers 200 (both workers booted and the app loaded)."""
        einde = time.monotonic() + seconden
        while time.monotonic() < einde:
            if self.proces.poll() is not None:
                raise RuntimeError(f"gunicorn stopte met code {self.proces.returncode}.")
            try:
                status, _ = verzoek(
                    http.client.HTTPConnection("127.0.0.1", self.poort, timeout=10), pad, sessie
                )
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn antwoordde niet binnen {seconden} s.")

    def stop(self) -> None:
        self.proces.terminate()
        try:
            self.proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proces.kill()
            self.proces.wait()


def verzoek(verbinding: http.client.HTTPConnection, pad: str, sessie: str) -> tuple[int, int]:
    """One GET with the session cookie; the status and the size of the body read in full."""
    from django.conf import settings

    verbinding.request(
        "GET",
        pad,
        headers={
            "Host": f"127.0.0.1:{verbinding.port}",
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={sessie}",
            "X-Forwarded-Proto": "https",
        },
    )
    antwoord = verbinding.getresponse()
    return antwoord.status, len(antwoord.read())


@dataclass
class Belasting:
    verzoeken: int
    fouten: int
    p50_ms: float
    p95_ms: float
    doorvoer: float  # requests per second, all threads together
    seconden: float
    ingekort: bool = False  # too slow for load: one request measured alone


def belast(poort: int, pad: str, sessies: list[str], per_draad: int, max_seconden: float) -> Belasting:
    """`len(sessies)` threads, each with its own session and connection, fire `per_draad` requests
    one after the other (after one untimed warm-up), or stop early after `max_seconden`.

    A probe comes first: a page that takes longer than `max_seconden` / 10 alone is not put under
    load (it would only queue up); its single time is reported, marked `ingekort`.
    """
    begin = time.perf_counter()
    try:
        status, _ = verzoek(http.client.HTTPConnection("127.0.0.1", poort, timeout=180), pad, sessies[0])
    except (OSError, http.client.HTTPException):
        status = 0
    los = time.perf_counter() - begin
    if los > max_seconden / 10:
        ms = round(los * 1000, 1)
        return Belasting(1, int(status != 200), ms, ms, round(1 / los, 2), round(los, 2), ingekort=True)
    tijden: list[float] = []
    fouten = 0
    slot = threading.Lock()
    start = threading.Barrier(len(sessies) + 1)
    deadline = [0.0]

    def draad(sessie: str) -> None:
        nonlocal fouten
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=180)
        eigen, eigen_fouten = [], 0
        try:
            verzoek(verbinding, pad, sessie)
        except (OSError, http.client.HTTPException):
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=180)
        start.wait()
        for _ in range(per_draad):
            if time.monotonic() > deadline[0]:
                break
            begin = time.perf_counter()
            try:
                status, _ = verzoek(verbinding, pad, sessie)
            except (OSError, http.client.HTTPException):
                status = 0
                verbinding.close()
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=180)
            eigen.append((time.perf_counter() - begin) * 1000)
            eigen_fouten += status != 200
        verbinding.close()
        with slot:
            tijden.extend(eigen)
            fouten += eigen_fouten

    draden = [threading.Thread(target=draad, args=(s,)) for s in sessies]
    for d in draden:
        d.start()
    deadline[0] = time.monotonic() + max_seconden + 3600  # set for real once everyone is warm
    start.wait()
    begin = time.perf_counter()
    deadline[0] = time.monotonic() + max_seconden
    for d in draden:
        d.join()
    duur = time.perf_counter() - begin
    tijden.sort()
    return Belasting(
        verzoeken=len(tijden),
        fouten=fouten,
        p50_ms=round(statistics.median(tijden), 1) if tijden else 0.0,
        p95_ms=round(_percentiel(tijden, 95), 1) if tijden else 0.0,
        doorvoer=round(len(tijden) / duur, 1) if duur > 0 else 0.0,
        seconden=round(duur, 2),
    )


def _percentiel(gesorteerd: list[float], p: float) -> float:
    """Nearest-rank percentile of a sorted list."""
    rang = max(1, round(p / 100 * len(gesorteerd) + 0.4999))
    return gesorteerd[min(rang, len(gesorteerd)) - 1]


# --- PDF -------------------------------------------------------------------------------------------------


def meet_pdf() -> dict[str, Any]:
    """The stuurgroep report over last month, as the monthly schedule makes it: two renders."""
    from django.utils import timezone

    from monitoring.reports import render_stuurgroep_pdf

    einde = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    van = einde.replace(day=1)
    runs = []
    for _ in range(2):
        begin = time.perf_counter()
        pdf = render_stuurgroep_pdf(van=van, tot=einde)
        runs.append((time.perf_counter() - begin, pdf.paginas))
    koud, (warm, paginas) = runs[0][0], runs[1]
    return {
        "seconden_koud": round(koud, 2),
        "seconden": round(warm, 2),
        "paginas": paginas,
        "ms_per_pagina": round(warm * 1000 / paginas, 1) if paginas else None,
        "bytes": len(pdf),
    }


# --- Verdicts --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doel:
    doel: str
    onderwerp: str
    gemeten: str
    geslaagd: bool

    def regel(self) -> str:
        return f"{'PASS' if self.geslaagd else 'FAIL'}  {self.doel:<34} {self.onderwerp:<34} {self.gemeten}"


def _schaalnaam(schaal: str) -> str:
    return f"{float(schaal):g}×"


def beoordeel(
    paginas: list[dict[str, Any]], metingen: dict[str, dict[str, dict[str, Any]]], pdf: dict[str, Any] | None
) -> list[Doel]:
    """The §8 targets judged on the numbers (no database, no clock: a pure function).

    `paginas`: dicts with naam, soort, gepagineerd; `metingen`: per scale (a string such as "1"
    or "10") per page name the measured numbers (status, queries, and with load: p50_ms, p95_ms,
    doorvoer, fouten); `pdf`: seconden, paginas, ms_per_pagina. The smallest and the largest
    scale are compared; load targets apply to what was measured.
    """
    doelen: list[Doel] = []
    schalen = sorted(metingen, key=float)
    if not schalen:
        return doelen
    klein, groot = schalen[0], schalen[-1]
    vergelijk = klein != groot
    for pagina in paginas:
        naam = pagina["naam"]
        for schaal in schalen:
            meting = metingen[schaal].get(naam, {})
            status = meting.get("status")
            fouten = meting.get("fouten", 0)
            if meting.get("te_traag"):
                doelen.append(
                    Doel(
                        "antwoordt 200",
                        naam,
                        f"{_schaalnaam(schaal)}: geen antwoord binnen {meting['seconden']:.0f} s",
                        False,
                    )
                )
            elif status != 200 or fouten:
                doelen.append(
                    Doel(
                        "antwoordt 200",
                        naam,
                        f"{_schaalnaam(schaal)}: status {status}, {fouten} fouten onder last",
                        False,
                    )
                )
        q_klein = metingen[klein].get(naam, {}).get("queries")
        q_groot = metingen[groot].get(naam, {}).get("queries")
        if vergelijk and q_klein is not None and q_groot is not None:
            doelen.append(
                Doel(
                    "queries gelijk bij elke schaal",
                    naam,
                    f"{_schaalnaam(klein)}: {q_klein}, {_schaalnaam(groot)}: {q_groot}",
                    q_klein == q_groot,
                )
            )
        if q_groot is not None:
            hoogste = max(q for q in (q_klein, q_groot) if q is not None)
            doelen.append(
                Doel(f"≤ {MAX_QUERIES} queries", naam, f"{hoogste} queries", hoogste <= MAX_QUERIES)
            )
        meting_groot = metingen[groot].get(naam, {})
        grens = MAX_P95_MS.get(pagina["soort"])
        if grens is not None and "p95_ms" in meting_groot:
            doelen.append(
                Doel(
                    f"p95 ≤ {grens:g} ms bij {_schaalnaam(groot)}",
                    naam,
                    f"p95 {meting_groot['p95_ms']:.0f} ms (p50 {meting_groot['p50_ms']:.0f} ms)",
                    meting_groot["p95_ms"] <= grens,
                )
            )
        meting_klein = metingen[klein].get(naam, {})
        if pagina.get("gepagineerd") and vergelijk and "p50_ms" in meting_klein and "p50_ms" in meting_groot:
            factor = (
                meting_groot["p50_ms"] / meting_klein["p50_ms"] if meting_klein["p50_ms"] else float("inf")
            )
            doelen.append(
                Doel(
                    f"gepagineerd ≤ {MAX_VERTRAGING_PAGINERING:g}× trager",
                    naam,
                    f"p50 {meting_klein['p50_ms']:.0f} → {meting_groot['p50_ms']:.0f} ms ({factor:.2f}×)",
                    factor <= MAX_VERTRAGING_PAGINERING,
                )
            )
    basis = [p["naam"] for p in paginas if p["soort"] == "basis"]
    for schaal in schalen:
        basisdoorvoer = [
            metingen[schaal][n]["doorvoer"] for n in basis if "doorvoer" in metingen[schaal].get(n, {})
        ]
        if not basisdoorvoer:
            continue
        referentie = statistics.mean(basisdoorvoer)
        for pagina in paginas:
            meting = metingen[schaal].get(pagina["naam"], {})
            if pagina["soort"] == "basis" or "doorvoer" not in meting:
                continue
            fractie = meting["doorvoer"] / referentie if referentie else 0.0
            doelen.append(
                Doel(
                    f"doorvoer ≥ ½ basis bij {_schaalnaam(schaal)}",
                    pagina["naam"],
                    f"{meting['doorvoer']:.0f}/s van {referentie:.0f}/s ({fractie:.2f})",
                    fractie >= MIN_DOORVOER_FRACTIE,
                )
            )
    if pdf:
        doelen.append(
            Doel(
                f"PDF ≤ {MAX_PDF_SECONDEN:g} s",
                "voortgangsrapportage stuurgroep",
                f"{pdf['seconden']:.2f} s ({pdf['paginas']} pagina's)",
                pdf["seconden"] <= MAX_PDF_SECONDEN,
            )
        )
        if pdf.get("ms_per_pagina") is not None:
            doelen.append(
                Doel(
                    f"PDF ≤ {MAX_PDF_MS_PER_PAGINA:g} ms per pagina",
                    "voortgangsrapportage stuurgroep",
                    f"{pdf['ms_per_pagina']:.0f} ms per pagina",
                    pdf["ms_per_pagina"] <= MAX_PDF_MS_PER_PAGINA,
                )
            )
    return doelen


def tabel(paginas: list[dict[str, Any]], metingen: dict[str, dict[str, dict[str, Any]]]) -> str:
    """Per page and scale: class, status, queries, p50, p95, throughput."""
    schalen = sorted(metingen, key=float)
    kop = f"{'pagina':<34} {'soort':<10}"
    for schaal in schalen:
        kop += f" | {_schaalnaam(schaal):>5} {'st':>3} {'q':>3} {'p50':>6} {'p95':>6} {'req/s':>6}"
    regels = [kop, "-" * len(kop)]
    for pagina in paginas:
        soort = pagina["soort"] + ("+pag" if pagina.get("gepagineerd") else "")
        regel = f"{pagina['naam'][:34]:<34} {soort:<10}"
        for schaal in schalen:
            m = metingen[schaal].get(pagina["naam"], {})

            def getal(sleutel: str, m: dict[str, Any] = m) -> str:
                waarde = m.get(sleutel)
                return (
                    "-" if waarde is None else f"{waarde:.0f}" if isinstance(waarde, float) else str(waarde)
                )

            regel += f" | {'':>5} {getal('status'):>3} {getal('queries'):>3} {getal('p50_ms'):>6} {getal('p95_ms'):>6} {getal('doorvoer'):>6}"
        regels.append(regel)
    return "\n".join(regels)


def als_dict(belasting: Belasting) -> dict[str, Any]:
    return asdict(belasting)
