"""Monthly snapshots: one per month, never rewritten, never counting TLP:RED (issue 6 items 8, 9)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actieplannen.models import Verbeteractie
from monitoring import tasks
from monitoring.cijfers import trend_uit_momentopnamen
from monitoring.models import Momentopname
from monitoring.momentopnamen import laad_momentopname_demo, maak_momentopname

from .conftest import voeg_actie_toe, voeg_netwerken_toe

pytestmark = pytest.mark.django_db


def test_it_stores_this_months_figures_on_the_first_of_the_month(programma) -> None:
    opname = maak_momentopname()
    assert opname.datum == timezone.localdate().replace(day=1)
    assert opname.cijfers["acties"]["totaal"] == Verbeteractie.objects.exclude(tlp="red").count()


def test_running_twice_keeps_one_row_and_does_not_rewrite_it(programma) -> None:
    eerste = maak_momentopname()
    voeg_actie_toe(programma.netwerken["c"], "Actie C3 later erbij", 3, "niet_gestart", 90)
    tweede = maak_momentopname()
    assert Momentopname.objects.count() == 1
    assert tweede.pk == eerste.pk
    assert Momentopname.objects.get().cijfers == eerste.cijfers  # the month's first figures stay


def test_a_second_run_only_reads(programma) -> None:
    maak_momentopname()
    with CaptureQueriesContext(connection) as queries:
        maak_momentopname()
    assert len(queries) == 1


def test_a_date_in_the_month_means_that_month_and_the_future_is_refused(programma) -> None:
    vandaag = timezone.localdate()
    vorige = (vandaag.replace(day=1) - datetime.timedelta(days=1)).replace(day=15)
    assert maak_momentopname(vorige).datum == vorige.replace(day=1)
    volgende = (vandaag.replace(day=28) + datetime.timedelta(days=10)).replace(day=1)
    with pytest.raises(ValueError, match="toekomstige maand"):
        maak_momentopname(volgende)
    assert Momentopname.objects.count() == 1


def test_the_celery_task_makes_the_snapshot_and_can_run_twice(programma) -> None:
    tasks.maak_momentopname.delay()
    tasks.maak_momentopname.delay()
    assert Momentopname.objects.filter(datum=timezone.localdate().replace(day=1)).count() == 1


def test_computing_a_snapshot_does_not_grow_with_the_data(programma) -> None:
    with CaptureQueriesContext(connection) as weinig:
        maak_momentopname()
    Momentopname.objects.all().delete()
    voeg_netwerken_toe(6)
    with CaptureQueriesContext(connection) as veel:
        maak_momentopname()
    # read the month; sectors, themes, networks, actions grouped, signatures; the insert inside a
    # savepoint (savepoint, insert, release: the test runs in a transaction)
    assert len(weinig) == len(veel) == 9


def test_the_demo_makes_24_earlier_months_and_runs_again_without_change(programma) -> None:
    eerste_keer = laad_momentopname_demo()
    assert "24 aangemaakt" in eerste_keer
    assert Momentopname.objects.count() == 25  # 24 demo months and this month's real one
    voor = {o.datum: o.cijfers for o in Momentopname.objects.all()}
    tweede_keer = laad_momentopname_demo()
    assert "0 aangemaakt, 0 voorbeeldmaanden bijgewerkt" in tweede_keer
    assert {o.datum: o.cijfers for o in Momentopname.objects.all()} == voor
    demo = Momentopname.objects.exclude(datum=timezone.localdate().replace(day=1))
    assert all(o.cijfers["voorbeeld"] for o in demo)
    assert not Momentopname.objects.get(datum=timezone.localdate().replace(day=1)).cijfers.get("voorbeeld")
    # The demo trend builds up to today's figures.
    punten = trend_uit_momentopnamen(Momentopname.objects.order_by("datum"))
    assert punten[0].acties <= punten[-2].acties <= punten[-1].acties


def test_the_demo_leaves_a_real_snapshot_alone(programma) -> None:
    vandaag = timezone.localdate()
    vorige_maand = (vandaag.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    echt = Momentopname.objects.create(datum=vorige_maand, cijfers={"acties": {"per_status": {"gereed": 99}}})
    assert "1 echte maanden ongemoeid" in laad_momentopname_demo()
    echt.refresh_from_db()
    assert echt.cijfers == {"acties": {"per_status": {"gereed": 99}}}


def test_the_trend_of_a_sector_reads_its_part_of_each_snapshot(programma) -> None:
    opname = maak_momentopname()
    [punt] = trend_uit_momentopnamen([opname], programma.sectoren["gas"])
    assert punt.acties == opname.cijfers["per_sector"]["gas"]["acties"]["totaal"] == 2
    assert trend_uit_momentopnamen([opname], programma.sectoren["olie"])[0].acties == 0
    oud = Momentopname(datum=datetime.date(2020, 1, 1), cijfers={"acties": {"per_status": {}}})
    assert trend_uit_momentopnamen([oud], programma.sectoren["gas"]) == []  # a sector it did not know
