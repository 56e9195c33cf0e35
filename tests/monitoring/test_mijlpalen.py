"""Programme milestones (issue 6 item 1, editable data): loaded from mijlpalen.csv without
overwriting what the project team maintains; the project team edits the dates; the stuurgroep reads."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monitoring import services
from monitoring.models import Programmamijlpaal
from netwerken.management.commands.laad_referentiedata import Teller, laad_programmamijlpalen, lees_csv
from tests.factories import GebruikerFactory, maak_projectteamlid

pytestmark = pytest.mark.django_db

LIJST = "/monitoring/mijlpalen/"


@pytest.fixture
def projectteam(db):
    return maak_projectteamlid(naam="Petra Projectteam")


@pytest.fixture
def stuurgroep(db):
    persoon = GebruikerFactory()
    persoon.groups.add(Group.objects.get(name="Stuurgroep"))
    return persoon


@pytest.fixture
def mijlpalen(db) -> list[Programmamijlpaal]:
    laad_programmamijlpalen(Teller())
    return list(Programmamijlpaal.objects.all())


def _url(mijlpaal: Programmamijlpaal) -> str:
    return reverse("monitoring:mijlpaal_wijzigen", args=[mijlpaal.pk])


# --- Loading --------------------------------------------------------------------------------------


def test_it_loads_the_milestones_of_the_project_plan_once(db) -> None:
    teller = Teller()
    laad_programmamijlpalen(teller)
    rijen = lees_csv("mijlpalen.csv")
    assert Programmamijlpaal.objects.count() == len(rijen) == 7
    menukaart = Programmamijlpaal.objects.get(code="menukaart")
    assert menukaart.gereed_uiterlijk == datetime.date(2015, 9, 30) and menukaart.behaald_op is None
    opnieuw = Teller()
    laad_programmamijlpalen(opnieuw)
    assert opnieuw.totaal() == 0  # a reload writes nothing, not even history rows
    assert menukaart.history.count() == 1


def test_a_reload_keeps_the_dates_the_project_team_maintains(mijlpalen, projectteam) -> None:
    mijlpaal = Programmamijlpaal.objects.get(code="agenda")
    services.wijzig_programmamijlpaal(
        mijlpaal,
        versie=None,
        actor=projectteam,
        gereed_uiterlijk=datetime.date(2016, 6, 30),
        behaald_op=datetime.date(2016, 6, 1),
    )
    Programmamijlpaal.objects.filter(pk=mijlpaal.pk).update(omschrijving="Oude tekst")
    laad_programmamijlpalen(Teller())
    mijlpaal.refresh_from_db()
    assert mijlpaal.gereed_uiterlijk == datetime.date(2016, 6, 30)
    assert mijlpaal.behaald_op == datetime.date(2016, 6, 1)
    assert mijlpaal.omschrijving.startswith("Agenda met samenwerkingsafspraken")  # the text follows the file


# --- Permissions ----------------------------------------------------------------------------------


def test_it_requires_login(client, mijlpalen) -> None:
    for url in (LIJST, _url(mijlpalen[0])):
        for methode in (client.get, client.post):
            antwoord = methode(url)
            assert antwoord.status_code == 302 and "/account/login/" in antwoord["Location"]


def test_the_stuurgroep_reads_and_others_get_a_dutch_403(client, mijlpalen, stuurgroep) -> None:
    client.force_login(stuurgroep)
    html = client.get(LIJST).content.decode()
    assert "Eerste versie van de menukaart gereed" in html and "Wijzigen" not in html
    antwoord = client.post(_url(mijlpalen[0]), {"gereed_uiterlijk": "2020-01-01"})
    assert antwoord.status_code == 403
    assert "Alleen het projectteam wijzigt deze gegevens." in antwoord.content.decode()
    assert client.get(_url(mijlpalen[0])).status_code == 403
    client.force_login(GebruikerFactory())
    antwoord = client.get(LIJST)
    assert antwoord.status_code == 403 and "Geen toegang" in antwoord.content.decode()
    mijlpalen[0].refresh_from_db()
    assert mijlpalen[0].gereed_uiterlijk == datetime.date(2015, 9, 30)


def test_the_list_is_get_only_and_unknown_milestones_are_404(client, mijlpalen, projectteam) -> None:
    client.force_login(projectteam)
    assert client.post(LIJST).status_code == 405
    assert client.get(reverse("monitoring:mijlpaal_wijzigen", args=[999])).status_code == 404


# --- The list -------------------------------------------------------------------------------------


def test_it_shows_the_state_of_each_milestone(client, mijlpalen, projectteam) -> None:
    vandaag = timezone.localdate()
    op_tijd, te_laat_behaald, open_ = mijlpalen[0], mijlpalen[1], mijlpalen[2]
    services.wijzig_programmamijlpaal(
        op_tijd,
        versie=None,
        actor=None,
        gereed_uiterlijk=op_tijd.gereed_uiterlijk,
        behaald_op=op_tijd.gereed_uiterlijk,
    )
    services.wijzig_programmamijlpaal(
        te_laat_behaald,
        versie=None,
        actor=None,
        gereed_uiterlijk=te_laat_behaald.gereed_uiterlijk,
        behaald_op=te_laat_behaald.gereed_uiterlijk + datetime.timedelta(days=10),
    )
    services.wijzig_programmamijlpaal(
        open_,
        versie=None,
        actor=None,
        gereed_uiterlijk=vandaag + datetime.timedelta(days=30),
        behaald_op=None,
    )
    client.force_login(projectteam)
    html = client.get(LIJST).content.decode()
    alle = Programmamijlpaal.objects.all()
    behaald = sum(1 for m in alle if m.behaald_op)
    te_laat = sum(1 for m in alle if not m.behaald_op and m.gereed_uiterlijk < vandaag)
    assert f"<dt>Behaald</dt><dd>{behaald}</dd>" in html
    assert f"<dt>Te laat, nog niet behaald</dt><dd>{te_laat}</dd>" in html
    assert (behaald, te_laat) == (2, 4)
    assert html.count(">te laat behaald</span>") == 1
    assert html.count(">behaald</span>") == 1
    assert html.count(">open</span>") == 1


def test_the_list_runs_a_fixed_number_of_queries(client, mijlpalen, projectteam) -> None:
    client.force_login(projectteam)

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIJST).status_code == 200
        return len(queries)

    Programmamijlpaal.objects.exclude(pk__in=[m.pk for m in mijlpalen[:3]]).delete()
    weinig = tel()
    laad_programmamijlpalen(Teller())
    veel = tel()
    # session, user (with its group membership, or one query for the project-team check), milestones
    assert Programmamijlpaal.objects.count() == 7
    assert weinig == veel <= 4


# --- Editing --------------------------------------------------------------------------------------


def test_the_project_team_moves_a_deadline_and_records_it_reached(client, mijlpalen, projectteam) -> None:
    mijlpaal = mijlpalen[0]
    client.force_login(projectteam)
    versie = services.versie_van(mijlpaal)
    assert f'value="{versie}"' in client.get(_url(mijlpaal)).content.decode()
    antwoord = client.post(
        _url(mijlpaal),
        {"gereed_uiterlijk": "2015-10-31", "behaald_op": "2015-10-15", "versie": versie},
        follow=True,
    )
    assert antwoord.redirect_chain[-1][0] == LIJST
    assert "is opgeslagen" in antwoord.content.decode()
    mijlpaal.refresh_from_db()
    assert (mijlpaal.gereed_uiterlijk, mijlpaal.behaald_op) == (
        datetime.date(2015, 10, 31),
        datetime.date(2015, 10, 15),
    )
    assert mijlpaal.history.first().history_user == projectteam
    html = client.get(_url(mijlpaal)).content.decode()
    assert "Petra Projectteam" in html and "<ins>2015-10-15</ins>" in html


def test_a_stale_edit_is_refused_and_nothing_is_overwritten(client, mijlpalen, projectteam) -> None:
    mijlpaal = mijlpalen[0]
    versie = services.versie_van(mijlpaal)
    services.wijzig_programmamijlpaal(
        mijlpaal,
        versie=versie,
        actor=maak_projectteamlid(naam="Kees Collega"),
        gereed_uiterlijk=mijlpaal.gereed_uiterlijk,
        behaald_op=datetime.date(2015, 9, 1),
    )
    client.force_login(projectteam)
    antwoord = client.post(
        _url(mijlpaal), {"gereed_uiterlijk": "2016-01-01", "behaald_op": "", "versie": versie}
    )
    assert antwoord.status_code == 409
    html = antwoord.content.decode()
    assert "Kees Collega heeft de mijlpaal" in html and "01-09-2015" in html
    mijlpaal.refresh_from_db()
    assert mijlpaal.behaald_op == datetime.date(2015, 9, 1)
    assert mijlpaal.gereed_uiterlijk == datetime.date(2015, 9, 30)


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"gereed_uiterlijk": ""}, "Vul de datum in waarop de mijlpaal uiterlijk gereed moet zijn."),
        ({"gereed_uiterlijk": "31-31-2016"}, "Vul een geldige datum in"),
        ({"gereed_uiterlijk": "2016-01-01", "behaald_op": "2999-01-01"}, "niet in de toekomst behaald"),
        ({"gereed_uiterlijk": "2010-01-01"}, "Het programma begon in 2015"),
    ],
)
def test_bad_input_gets_a_dutch_message(client, mijlpalen, projectteam, data, melding) -> None:
    mijlpaal = mijlpalen[0]
    client.force_login(projectteam)
    antwoord = client.post(_url(mijlpaal), {"versie": services.versie_van(mijlpaal), **data})
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    mijlpaal.refresh_from_db()
    assert mijlpaal.gereed_uiterlijk == datetime.date(2015, 9, 30) and mijlpaal.behaald_op is None
