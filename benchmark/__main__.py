"""`python -m benchmark`: the §8 benchmark on its own database (see benchmark/README.md).

It never touches the database it is pointed at: on PostgreSQL (DATABASE_URL) it creates
`<name>_benchmark` on the same server and drops it afterwards; without DATABASE_URL it uses a
temporary SQLite file. It refuses when that benchmark database already exists, unless told
(`--opnieuw` drops it first, `--hergebruik` measures on what is in it and tops it up).
Exit code 0 unless it crashed; with `--streng` 1 when any target fails.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

BASIS = Path(__file__).resolve().parent.parent


def opties(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmark", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--schalen", nargs="+", type=float, default=[1.0, 10.0], help="schaalfactoren (standaard 1 10)"
    )
    parser.add_argument(
        "--snel", action="store_true", help="snelle ronde: minder verzoeken per pagina, één PDF-run telt"
    )
    parser.add_argument(
        "--verzoeken",
        type=int,
        default=None,
        help="verzoeken per gebruiker per pagina (standaard 20, snel 4)",
    )
    parser.add_argument(
        "--json",
        default=str(Path(tempfile.gettempdir()) / "continuiteit-benchmark.json"),
        help="pad van het JSON-verslag (standaard in de tijdelijke map van het systeem)",
    )
    parser.add_argument("--streng", action="store_true", help="exitcode 1 als een doel niet gehaald wordt")
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL", ""), help="server (standaard DATABASE_URL)"
    )
    parser.add_argument(
        "--opnieuw", action="store_true", help="een bestaande benchmarkdatabase eerst weggooien"
    )
    parser.add_argument(
        "--hergebruik", action="store_true", help="een bestaande benchmarkdatabase gebruiken en aanvullen"
    )
    parser.add_argument("--behoud", action="store_true", help="de benchmarkdatabase na afloop laten staan")
    parser.add_argument("--zonder-last", action="store_true", help="alleen queries en PDF, geen gunicorn")
    parser.add_argument("--zonder-pdf", action="store_true", help="geen PDF-meting")
    return parser.parse_args(argv)


class Database:
    """The benchmark's own database: `<name>_benchmark` on the PostgreSQL server, or a temp SQLite file."""

    def __init__(self, url: str, *, opnieuw: bool, hergebruik: bool) -> None:
        self.url_basis = url
        self.map: str | None = None
        self.hergebruikt = False
        if not url or url.startswith("sqlite"):
            self.soort = "sqlite"
            self.map = tempfile.mkdtemp(prefix="continuiteit-benchmark-")
            self.url = f"sqlite:///{self.map}/benchmark.sqlite3"
            return
        self.soort = "postgresql"
        delen = urlsplit(url)
        naam = delen.path.lstrip("/") or "continuiteit"
        self.naam = naam if naam.endswith("_benchmark") else f"{naam}_benchmark"
        self.url = urlunsplit(delen._replace(path=f"/{self.naam}"))
        self.beheer = urlunsplit(delen._replace(path="/postgres"))
        bestaat = self._sql("SELECT 1 FROM pg_database WHERE datname = %s", [self.naam])
        if bestaat and opnieuw:
            self._sql(f'DROP DATABASE "{self.naam}" WITH (FORCE)')
        elif bestaat and hergebruik:
            self.hergebruikt = True
            return
        elif bestaat:
            raise SystemExit(
                f"De benchmarkdatabase {self.naam} bestaat al (een vorige run met --behoud, of een afgebroken run). "
                "Gebruik --opnieuw om haar weg te gooien of --hergebruik om verder te meten."
            )
        self._sql(f'CREATE DATABASE "{self.naam}"')

    def _sql(self, sql: str, parameters: list[Any] | None = None) -> list[tuple[Any, ...]]:
        import psycopg2

        verbinding = psycopg2.connect(self.beheer)
        verbinding.autocommit = True
        try:
            with verbinding.cursor() as cursor:
                cursor.execute(sql, parameters)
                return cursor.fetchall() if cursor.description else []
        finally:
            verbinding.close()

    def analyseer(self) -> None:
        """Fresh planner statistics after a bulk load, as autovacuum would make them before long."""
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def weg(self) -> None:
        from django.db import connections

        connections.close_all()
        if self.soort == "sqlite" and self.map:
            shutil.rmtree(self.map, ignore_errors=True)
        elif self.soort == "postgresql":
            self._sql(f'DROP DATABASE IF EXISTS "{self.naam}" WITH (FORCE)')

    def beschrijving(self) -> str:
        return f"PostgreSQL ({self.naam})" if self.soort == "postgresql" else "SQLite (tijdelijk bestand)"


def _schaal(schaal: float) -> str:
    return f"{schaal:g}"


def main(argv: list[str] | None = None) -> int:
    args = opties(argv)
    verzoeken = args.verzoeken or (4 if args.snel else 20)
    max_seconden = 15.0 if args.snel else 60.0
    database = Database(args.database_url, opnieuw=args.opnieuw, hergebruik=args.hergebruik)
    # In-process work (loading, generating, counting queries, the PDF) runs with DEBUG on; the
    # gunicorn server measured under load runs with DEBUG off. Both share the generated key, so
    # the sessions made here are valid there.
    os.environ.update(
        {
            "DATABASE_URL": database.url,
            "DEBUG": "true",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DEMO_DATA": "true",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "CELERY_TASK_ALWAYS_EAGER": "true",
            "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
        }
    )
    os.environ.pop("REDIS_URL", None)  # no broker: nothing a page does may wait for one
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "continuiteit.settings")
    sys.path.insert(0, str(BASIS))
    import django

    django.setup()
    try:
        return _meet(args, database, verzoeken, max_seconden)
    finally:
        if args.behoud:
            print(f"\nDe benchmarkdatabase blijft staan: {database.beschrijving()}.")
        else:
            database.weg()


def _meet(args: argparse.Namespace, database: Database, verzoeken: int, max_seconden: float) -> int:
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    from . import gegevens, meten
    from .paginas import BASIS as SOORT_BASIS
    from .paginas import paginas as maak_paginas

    setup_test_environment()  # the test client's host name; mail stays in memory
    print(
        f"Benchmark §8 op {database.beschrijving()}, {os.cpu_count()} cores; schalen {', '.join(map(_schaal, args.schalen))}."
    )
    begin = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    if not database.hergebruikt:
        call_command("laad_referentiedata", stdout=StringIO())
        call_command("laad_demodata", stdout=StringIO(), stderr=StringIO())
    print(f"Database, referentie- en demodata: {time.perf_counter() - begin:.1f} s")

    verslag: dict[str, Any] = {
        "database": database.beschrijving(),
        "cores": os.cpu_count(),
        "server": meten.Server.BESCHRIJVING,
        "gelijktijdige_gebruikers": meten.DRADEN,
        "verzoeken_per_gebruiker_per_pagina": verzoeken,
        "generatie": {},
        "metingen": {},
        "pdf": None,
    }
    pagina_lijst: list[Any] = []
    for schaal in sorted(args.schalen):
        naam = _schaal(schaal)
        resultaat = gegevens.genereer(schaal)
        database.analyseer()
        print(f"\nSchaal {naam}×: {resultaat.seconden:.1f} s genereren; synthetisch nu {resultaat.totaal}")
        verslag["generatie"][naam] = {"seconden": round(resultaat.seconden, 2), "totaal": resultaat.totaal}
        pagina_lijst = maak_paginas()
        metingen = meten.tel_queries(pagina_lijst, max_seconden=max_seconden * 2)
        print(f"  queries geteld voor {len(pagina_lijst)} pagina's")
        if not args.zonder_last:
            _last(pagina_lijst, metingen, verzoeken, max_seconden, SOORT_BASIS)
        verslag["metingen"][naam] = metingen
        # Other work on the machine shows in every time measured: keep the load next to the numbers.
        verslag.setdefault("load_average", {})[naam] = [round(x, 2) for x in os.getloadavg()]
        if (
            not args.zonder_pdf
            and verslag["pdf"] is None
            and (schaal == 1.0 or schaal == min(args.schalen) and 1.0 not in args.schalen)
        ):
            verslag["pdf"] = {"schaal": naam, **meten.meet_pdf()}
            print(f"  PDF stuurgroep: {verslag['pdf']['seconden']} s, {verslag['pdf']['paginas']} pagina's")
        verslag["paginas"] = [p.als_dict() for p in pagina_lijst]
        Path(args.json).write_text(json.dumps(verslag, indent=2, ensure_ascii=False), encoding="utf-8")

    paginas = [p.als_dict() for p in pagina_lijst]
    verslag["paginas"] = paginas
    doelen = meten.beoordeel(paginas, verslag["metingen"], verslag["pdf"])
    verslag["doelen"] = [
        {"doel": d.doel, "onderwerp": d.onderwerp, "gemeten": d.gemeten, "geslaagd": d.geslaagd}
        for d in doelen
    ]
    print("\n" + meten.tabel(paginas, verslag["metingen"]))
    print("\nDoelen (DESIGN §8):")
    for doel in doelen:
        print("  " + doel.regel())
    mislukt = sum(not d.geslaagd for d in doelen)
    print(f"\n{len(doelen) - mislukt} PASS, {mislukt} FAIL. Duur {time.perf_counter() - begin:.0f} s.")
    print(f"Load average (1, 5, 15 min) na elke schaal: {verslag.get('load_average', {})}")
    Path(args.json).write_text(json.dumps(verslag, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"JSON-verslag: {args.json}")
    return 1 if args.streng and mislukt else 0


def _last(
    pagina_lijst: list[Any],
    metingen: dict[str, dict[str, Any]],
    verzoeken: int,
    max_seconden: float,
    basis: str,
) -> None:
    """Every page under 10 concurrent users; the baseline first and last, its throughput averaged."""
    from . import meten

    server = meten.Server(BASIS)
    try:
        sessies = {
            email: meten.sessiesleutels(email, meten.DRADEN)
            for email in dict.fromkeys(p.gebruiker for p in pagina_lijst)
        }
        eerste = pagina_lijst[0]
        server.wacht(eerste.pad, sessies[eerste.gebruiker][0])
        basispaginas = [p for p in pagina_lijst if p.soort == basis]
        volgorde = [*basispaginas, *(p for p in pagina_lijst if p.soort != basis), *basispaginas]
        basis_runs: dict[str, list[meten.Belasting]] = {}
        for pagina in volgorde:
            if metingen[pagina.naam].get("te_traag"):
                print(f"  {pagina.naam:<34} overgeslagen: te traag bij het tellen van de queries")
                continue
            belasting = meten.belast(
                server.poort, pagina.pad, sessies[pagina.gebruiker], verzoeken, max_seconden
            )
            if pagina.soort == basis:
                basis_runs.setdefault(pagina.naam, []).append(belasting)
            else:
                metingen[pagina.naam].update(meten.als_dict(belasting))
            print(
                f"  {pagina.naam:<34} p50 {belasting.p50_ms:>7.1f} ms  p95 {belasting.p95_ms:>7.1f} ms  {belasting.doorvoer:>6.1f}/s"
            )
        for naam, runs in basis_runs.items():
            samen = meten.als_dict(runs[0])
            samen["doorvoer"] = round(sum(r.doorvoer for r in runs) / len(runs), 1)
            samen["doorvoer_runs"] = [r.doorvoer for r in runs]
            samen["fouten"] = sum(r.fouten for r in runs)
            metingen[naam].update(samen)
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
