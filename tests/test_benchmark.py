"""The §8 benchmark (benchmark/): its generator at a tiny scale and at double that scale, every measured
page at both, and the verdicts it prints. Speed itself is measured by `make benchmark`, not here."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from benchmark import gegevens, meten
from benchmark.paginas import paginas

pytestmark = pytest.mark.django_db

KLEIN, GROOT = 0.05, 0.1


@pytest.fixture(scope="module")
def gemeten(django_db_setup, django_db_blocker) -> Iterator[dict[str, Any]]:
    """Reference and demo data, then the generator at KLEIN and at GROOT with every page counted after each.

    Loaded once for the module in a transaction that is rolled back at the end (as in
    tests/netwerken/test_demodata.py).
    """
    from continuiteit.celery import app

    app.conf.task_always_eager = True
    with (
        django_db_blocker.unblock(),
        override_settings(
            DEMO_DATA_TOEGESTAAN=True,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ),
    ):
        module_transactie = transaction.atomic()
        module_transactie.__enter__()
        call_command("laad_referentiedata", stdout=StringIO())
        call_command("laad_demodata", stdout=StringIO(), stderr=StringIO())
        uitkomst: dict[str, Any] = {}
        for schaal in (KLEIN, GROOT):
            gegevens.genereer(schaal)
            lijst = paginas()
            uitkomst[schaal] = {
                "telling": gegevens.tel(),
                "paginas": lijst,
                "queries": meten.tel_queries(lijst),
            }
    yield uitkomst
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transactie.__exit__(None, None, None)


def test_the_generator_makes_what_the_scale_asks_for(gemeten) -> None:
    for schaal in (KLEIN, GROOT):
        telling = gemeten[schaal]["telling"]
        assert {soort: telling[soort] for soort in gegevens.AANTALLEN_1X} == gegevens.aantallen(schaal)
        assert telling["bijeenkomsten"] == gegevens.BIJEENKOMSTEN_PER_NETWERK * telling["netwerken"]
    assert gegevens.aantallen(GROOT)["acties"] > gegevens.aantallen(KLEIN)["acties"] > 0


def test_every_page_answers_200_at_both_scales(gemeten) -> None:
    for schaal in (KLEIN, GROOT):
        fout = {naam: m["status"] for naam, m in gemeten[schaal]["queries"].items() if m["status"] != 200}
        assert not fout, f"schaal {schaal}: {fout}"


def test_the_pages_are_the_same_at_both_scales(gemeten) -> None:
    assert gemeten[KLEIN]["paginas"] == gemeten[GROOT]["paginas"]
    assert len(gemeten[KLEIN]["paginas"]) >= 25


def test_every_page_has_the_same_query_count_at_both_scales(gemeten) -> None:
    klein, groot = gemeten[KLEIN]["queries"], gemeten[GROOT]["queries"]

    verschil = {
        naam: (klein[naam]["queries"], groot[naam]["queries"])
        for naam in klein
        if klein[naam]["queries"] != groot[naam]["queries"]
    }

    assert not verschil, f"queries groeien met de gegevens (klein, groot): {verschil}"


def test_every_page_stays_within_15_queries(gemeten) -> None:
    te_veel = {
        naam: m["queries"]
        for naam, m in gemeten[GROOT]["queries"].items()
        if m["queries"] > meten.MAX_QUERIES
    }

    assert not te_veel, f"meer dan {meten.MAX_QUERIES} queries: {te_veel}"


def test_the_generator_refuses_to_shrink_the_data(gemeten) -> None:
    with pytest.raises(ValueError, match="meer synthetische gegevens"):
        gegevens.genereer(KLEIN)


def test_a_scale_asks_for_rounded_counts_and_refuses_negative_ones() -> None:
    assert gegevens.aantallen(1) == gegevens.AANTALLEN_1X
    assert gegevens.aantallen(0.1)["netwerken"] == 5  # 4.5 rounds half up
    assert gegevens.aantallen(0) == dict.fromkeys(gegevens.AANTALLEN_1X, 0)
    with pytest.raises(ValueError):
        gegevens.aantallen(-1)


# --- The verdicts (a pure function of the numbers) -------------------------------------------------------

PAGINAS = [
    {"naam": "basis", "soort": "basis", "gepagineerd": False},
    {"naam": "plan", "soort": "detail", "gepagineerd": False},
    {"naam": "lijst", "soort": "detail", "gepagineerd": True},
    {"naam": "dashboard", "soort": "dashboard", "gepagineerd": False},
]


def _meting(queries: int, p50: float, p95: float, doorvoer: float, status: int = 200) -> dict[str, Any]:
    return {
        "status": status,
        "queries": queries,
        "p50_ms": p50,
        "p95_ms": p95,
        "doorvoer": doorvoer,
        "fouten": 0,
    }


def _uitslag(doelen: list[meten.Doel]) -> dict[tuple[str, str], bool]:
    return {(d.doel, d.onderwerp): d.geslaagd for d in doelen}


def test_the_verdicts_pass_numbers_within_every_target() -> None:
    metingen = {
        "1": {
            "basis": _meting(2, 10, 15, 200),
            "plan": _meting(12, 40, 80, 150),
            "lijst": _meting(10, 30, 60, 150),
            "dashboard": _meting(15, 100, 200, 120),
        },
        "10": {
            "basis": _meting(2, 10, 15, 200),
            "plan": _meting(12, 45, 150, 140),
            "lijst": _meting(10, 45, 90, 100),
            "dashboard": _meting(15, 120, 300, 100),
        },
    }
    pdf = {"seconden": 2.0, "paginas": 20, "ms_per_pagina": 100.0}

    doelen = meten.beoordeel(PAGINAS, metingen, pdf)

    assert all(d.geslaagd for d in doelen), [d.regel() for d in doelen if not d.geslaagd]
    uitslag = _uitslag(doelen)
    assert uitslag[("p95 ≤ 150 ms bij 10×", "plan")]
    assert uitslag[("p95 ≤ 300 ms bij 10×", "dashboard")]
    assert uitslag[("gepagineerd ≤ 1.5× trager", "lijst")]
    assert uitslag[("doorvoer ≥ ½ basis bij 10×", "lijst")]
    assert uitslag[("PDF ≤ 100 ms per pagina", "voortgangsrapportage stuurgroep")]
    assert not any(d.onderwerp == "basis" and d.doel.startswith(("p95", "doorvoer")) for d in doelen)


def test_the_verdicts_fail_each_target_that_is_missed() -> None:
    metingen = {
        "1": {
            "basis": _meting(2, 10, 15, 200),
            "plan": _meting(16, 40, 80, 150),
            "lijst": _meting(10, 30, 60, 150),
            "dashboard": _meting(15, 100, 200, 120),
        },
        "10": {
            "basis": _meting(2, 10, 15, 200),
            "plan": _meting(17, 45, 151, 140),
            "lijst": _meting(10, 46, 90, 99),
            "dashboard": _meting(15, 120, 301, 100, status=500),
        },
    }
    pdf = {"seconden": 5.5, "paginas": 50, "ms_per_pagina": 110.0}

    uitslag = _uitslag(meten.beoordeel(PAGINAS, metingen, pdf))

    assert uitslag[("queries gelijk bij elke schaal", "plan")] is False
    assert uitslag[("≤ 15 queries", "plan")] is False
    assert uitslag[("p95 ≤ 150 ms bij 10×", "plan")] is False
    assert uitslag[("p95 ≤ 300 ms bij 10×", "dashboard")] is False
    assert uitslag[("antwoordt 200", "dashboard")] is False
    assert uitslag[("gepagineerd ≤ 1.5× trager", "lijst")] is False  # 46 / 30 = 1.53
    assert uitslag[("doorvoer ≥ ½ basis bij 10×", "lijst")] is False  # 99 of 200
    assert uitslag[("doorvoer ≥ ½ basis bij 1×", "lijst")] is True
    assert uitslag[("PDF ≤ 5 s", "voortgangsrapportage stuurgroep")] is False
    assert uitslag[("PDF ≤ 100 ms per pagina", "voortgangsrapportage stuurgroep")] is False
    assert uitslag[("queries gelijk bij elke schaal", "lijst")] is True


def test_one_scale_without_load_judges_only_what_was_measured() -> None:
    metingen = {"1": {"basis": {"status": 200, "queries": 2}, "plan": {"status": 200, "queries": 9}}}

    doelen = meten.beoordeel(PAGINAS[:2], metingen, None)

    assert [(d.doel, d.onderwerp, d.geslaagd) for d in doelen] == [
        ("≤ 15 queries", "basis", True),
        ("≤ 15 queries", "plan", True),
    ]
