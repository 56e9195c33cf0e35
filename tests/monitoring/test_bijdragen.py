"""Programme contributions (issue 6 item 5): per safety region the agreed contribution for a year,
received or not, with totals; the project team maintains the table, concurrent edits never silently
overwrite each other, bad input gets a Dutch message and stores nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Count, Q, Sum
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from monitoring import services
from monitoring.models import Programmabijdrage
from tests.factories import GebruikerFactory, maak_projectteamlid, maak_regios

pytestmark = pytest.mark.django_db

URL = "/monitoring/bijdragen/"
AANMAKEN = "/monitoring/bijdragen/aanmaken/"
JAAR = 2026


@pytest.fixture
def regios(db) -> list:
    return maak_regios()


@pytest.fixture
def projectteam(db):
    return maak_projectteamlid(naam="Petra Projectteam")


@pytest.fixture
def stuurgroep(db):
    persoon = GebruikerFactory()
    persoon.groups.add(Group.objects.get(name="Stuurgroep"))
    return persoon


@pytest.fixture
def rijen(regios, projectteam) -> list[Programmabijdrage]:
    services.maak_bijdragen_aan(JAAR, actor=projectteam)
    return list(
        services.met_versie(Programmabijdrage.objects.filter(jaar=JAAR)).order_by(
            "veiligheidsregio__vr_nummer"
        )
    )


def _tabel(rijen: list[Programmabijdrage], **wijzigingen: dict) -> dict:
    """The POST of the whole table as the page shows it, with changes per region number."""
    data = {"jaar": str(JAAR)}
    for b in rijen:
        waarden = {
            "bedrag": f"{b.bedrag}".replace(".", ","),
            "ontvangen_op": b.ontvangen_op.isoformat() if b.ontvangen_op else "",
            "toelichting": b.toelichting,
            "versie": services.versie_van(b),
        } | wijzigingen.get(f"vr{b.veiligheidsregio.vr_nummer}", {})
        for veld, waarde in waarden.items():
            data[f"b{b.pk}-{veld}"] = waarde
    return data


# --- Creating the rows of a year ------------------------------------------------------------------


def test_the_button_creates_the_25_rows_once(client, regios, projectteam) -> None:
    client.force_login(projectteam)
    html = client.get(URL, {"jaar": JAAR}).content.decode()
    assert f"Nog geen bijdragen voor {JAAR}" in html and f"Rijen voor {JAAR} aanmaken" in html
    antwoord = client.post(AANMAKEN, {"jaar": JAAR}, follow=True)
    assert antwoord.redirect_chain[-1][0] == f"{URL}?jaar={JAAR}"
    assert (
        "25 rijen voor 2026 aangemaakt, elk met de afgesproken bijdrage van € 3.700."
        in antwoord.content.decode()
    )
    assert Programmabijdrage.objects.filter(jaar=JAAR, bedrag=Decimal("3700.00")).count() == 25
    assert {b.history.get().history_user for b in Programmabijdrage.objects.all()} == {projectteam}
    antwoord = client.post(AANMAKEN, {"jaar": JAAR}, follow=True)
    assert "Voor 2026 had elke veiligheidsregio al een rij; niets aangemaakt." in antwoord.content.decode()
    assert Programmabijdrage.objects.count() == 25


def test_only_missing_rows_are_created_and_existing_ones_stay(client, regios, projectteam) -> None:
    services.maak_bijdragen_aan(JAAR, actor=None)
    eerste = Programmabijdrage.objects.get(veiligheidsregio__vr_nummer=1)
    services.werk_bijdragen_bij(
        [services.Bijdragewijziging(eerste, None, Decimal("1000"), datetime.date(2026, 1, 5))], actor=None
    )
    Programmabijdrage.objects.filter(veiligheidsregio__vr_nummer__gt=20).delete()
    client.force_login(projectteam)
    html = unescape(client.get(URL, {"jaar": JAAR}).content.decode())
    assert "5 veiligheidsregio's zonder rij voor 2026" in html
    antwoord = client.post(AANMAKEN, {"jaar": JAAR}, follow=True)
    assert "5 rijen voor 2026 aangemaakt" in antwoord.content.decode()
    eerste.refresh_from_db()
    assert eerste.bedrag == Decimal("1000") and eerste.ontvangen_op == datetime.date(2026, 1, 5)


@pytest.mark.parametrize(
    ("jaar", "melding"), [("1999", "Kies een jaar vanaf 2015"), ("x", "Vul een jaar in cijfers in")]
)
def test_creating_rows_for_a_bad_year_is_refused_in_dutch(client, regios, projectteam, jaar, melding) -> None:
    client.force_login(projectteam)
    antwoord = client.post(AANMAKEN, {"jaar": jaar}, follow=True)
    assert melding in antwoord.content.decode()
    assert not Programmabijdrage.objects.exists()


# --- Permissions ----------------------------------------------------------------------------------


def test_it_requires_login(client, rijen) -> None:
    for url in (URL, AANMAKEN):
        for methode in (client.get, client.post):
            antwoord = methode(url)
            assert antwoord.status_code == 302 and "/account/login/" in antwoord["Location"]


def test_get_on_the_create_button_is_405(client, rijen, projectteam) -> None:
    client.force_login(projectteam)
    assert client.get(AANMAKEN).status_code == 405


def test_the_stuurgroep_reads_the_table_without_inputs_and_may_not_write(client, rijen, stuurgroep) -> None:
    client.force_login(stuurgroep)
    html = client.get(URL).content.decode()
    assert "Programmabijdragen" in html and "€ 92.500" in html
    assert "<input" not in html.split('class="utrecht-table bijdragen"')[1]
    assert "Rijen voor" not in html
    data = _tabel(rijen, vr1={"bedrag": "1"})
    assert client.post(URL, data).status_code == 403
    assert client.post(AANMAKEN, {"jaar": 2030}).status_code == 403
    assert Programmabijdrage.objects.filter(bedrag=Decimal("1")).count() == 0
    assert not Programmabijdrage.objects.filter(jaar=2030).exists()


def test_others_get_a_dutch_403(client, rijen) -> None:
    client.force_login(GebruikerFactory())
    antwoord = client.get(URL)
    assert antwoord.status_code == 403
    assert "alleen voor het projectteam en de stuurgroep" in antwoord.content.decode()
    assert client.post(URL, _tabel(rijen)).status_code == 403


# --- Editing the table ----------------------------------------------------------------------------


def test_the_project_team_records_received_contributions_in_one_save(client, rijen, projectteam) -> None:
    client.force_login(projectteam)
    data = _tabel(
        rijen,
        vr1={"ontvangen_op": "2026-02-01"},
        vr2={"ontvangen_op": "2026-02-03", "toelichting": "Via de gemeenschappelijke regeling"},
        vr3={"bedrag": "1.850,00", "toelichting": "Halve bijdrage afgesproken"},
    )
    antwoord = client.post(URL, data, follow=True)
    assert antwoord.redirect_chain[-1][0] == f"{URL}?jaar={JAAR}"
    assert "3 bijdragen van 2026 opgeslagen." in antwoord.content.decode()
    een, twee, drie = (Programmabijdrage.objects.get(veiligheidsregio__vr_nummer=n) for n in (1, 2, 3))
    assert een.ontvangen_op == datetime.date(2026, 2, 1)
    assert twee.toelichting == "Via de gemeenschappelijke regeling"
    assert drie.bedrag == Decimal("1850.00") and drie.ontvangen_op is None
    assert een.history.count() == 2 and een.history.first().history_user == projectteam
    # Unchanged rows get no history row.
    assert Programmabijdrage.objects.get(veiligheidsregio__vr_nummer=4).history.count() == 1
    antwoord = client.post(
        URL, _tabel(list(services.met_versie(Programmabijdrage.objects.all()))), follow=True
    )
    assert "Er was niets gewijzigd; niets opgeslagen." in antwoord.content.decode()


def test_the_totals_equal_an_independent_count(client, rijen, projectteam) -> None:
    client.force_login(projectteam)
    client.post(
        URL,
        _tabel(
            rijen, vr1={"ontvangen_op": "2026-02-01"}, vr2={"ontvangen_op": "2026-02-03", "bedrag": "5000"}
        ),
    )
    cijfers = Programmabijdrage.objects.filter(jaar=JAAR).aggregate(
        afgesproken=Sum("bedrag"),
        ontvangen=Sum("bedrag", filter=Q(ontvangen_op__isnull=False)),
        aantal_ontvangen=Count("pk", filter=Q(ontvangen_op__isnull=False)),
        aantal=Count("pk"),
    )
    assert cijfers == {
        "afgesproken": Decimal("93800.00"),
        "ontvangen": Decimal("8700.00"),
        "aantal_ontvangen": 2,
        "aantal": 25,
    }
    html = client.get(URL).content.decode()
    assert "<dd>€ 93.800</dd>" in html
    assert f"Ontvangen ({cijfers['aantal_ontvangen']} van {cijfers['aantal']})</dt><dd>€ 8.700</dd>" in html
    assert "Openstaand (23)</dt><dd>€ 85.100</dd>" in html
    assert "ontvangen € 8.700,00 (2 van 25), openstaand € 85.100,00" in html


def test_a_row_changed_meanwhile_is_a_conflict_and_nothing_is_saved(client, rijen, projectteam) -> None:
    client.force_login(projectteam)
    data = _tabel(rijen, vr1={"ontvangen_op": "2026-02-01"}, vr2={"bedrag": "3000"})
    collega = maak_projectteamlid(naam="Kees Collega")
    twee = Programmabijdrage.objects.get(veiligheidsregio__vr_nummer=2)
    services.werk_bijdragen_bij(
        [services.Bijdragewijziging(twee, services.versie_van(twee), Decimal("2500"), None, "Korting")],
        actor=collega,
    )
    antwoord = client.post(URL, data)
    assert antwoord.status_code == 409
    html = antwoord.content.decode()
    assert "1 rij(en) zijn intussen door iemand anders gewijzigd. Er is niets opgeslagen" in html
    assert "Kees Collega heeft de bijdrage van Regio 2 intussen gewijzigd" in html
    assert "<ins>€ 2.500,00</ins>" in html
    # Nothing was saved, not even the row without a conflict; the user's input is still there.
    assert Programmabijdrage.objects.get(veiligheidsregio__vr_nummer=1).ontvangen_op is None
    twee.refresh_from_db()
    assert twee.bedrag == Decimal("2500") and twee.toelichting == "Korting"
    assert 'value="3000"' in html and 'value="2026-02-01"' in html
    # After seeing the conflict, saving again (with the versions now shown) goes through.
    data[f"b{twee.pk}-versie"] = services.versie_van(twee)
    assert client.post(URL, data).status_code == 302
    twee.refresh_from_db()
    assert twee.bedrag == Decimal("3000")


def test_two_editors_changing_different_rows_do_not_conflict(client, rijen, projectteam) -> None:
    client.force_login(projectteam)
    data = _tabel(rijen, vr1={"ontvangen_op": "2026-02-01"})
    vijf = Programmabijdrage.objects.get(veiligheidsregio__vr_nummer=5)
    services.werk_bijdragen_bij(
        [
            services.Bijdragewijziging(
                vijf, services.versie_van(vijf), Decimal("3700"), datetime.date(2026, 3, 1)
            )
        ],
        actor=None,
    )
    # Row 5 was unchanged on this page, so the other editor's save stands and is not reverted.
    assert client.post(URL, data).status_code == 302
    vijf.refresh_from_db()
    assert vijf.ontvangen_op == datetime.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"bedrag": "-5"}, "Het bedrag is nul of meer."),
        ({"bedrag": "drieduizend"}, "Vul een bedrag in euro"),
        ({"bedrag": ""}, "Vul het afgesproken bedrag in"),
        ({"bedrag": "3700,123"}, "hoogstens twee cijfers achter de komma"),
        ({"bedrag": "123456789012"}, "Het bedrag is te groot."),
        ({"ontvangen_op": "2999-01-01"}, "De ontvangstdatum ligt niet in de toekomst."),
        ({"ontvangen_op": "1-13-2026"}, "Vul een geldige datum in"),
        ({"ontvangen_op": "2010-05-01"}, "Het programma begon in 2015"),
        ({"toelichting": "x" * 301}, "De toelichting is hoogstens 300 tekens."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_nothing_is_saved(
    client, rijen, projectteam, wijziging, melding
) -> None:
    client.force_login(projectteam)
    data = _tabel(rijen, vr1=wijziging, vr2={"ontvangen_op": "2026-02-03"})
    antwoord = client.post(URL, data)
    assert antwoord.status_code == 422
    html = antwoord.content.decode()
    assert melding in html
    een = rijen[0]
    # The error summary names the region and links the field; the field points at its message.
    veld = next(iter(wijziging))
    assert f'href="#id_b{een.pk}-{veld}"' in html
    assert f'id="id_b{een.pk}-{veld}_error"' in html
    assert Programmabijdrage.objects.get(veiligheidsregio__vr_nummer=2).ontvangen_op is None


def test_a_bad_year_in_the_address_gets_a_dutch_message_and_this_year(client, rijen, projectteam) -> None:
    client.force_login(projectteam)
    for jaar, melding in (
        ("1999", "Kies een jaar vanaf 2015"),
        ("abc", "Vul een jaar in cijfers in"),
        ("3000", "tot en met 2100"),
    ):
        antwoord = client.get(URL, {"jaar": jaar})
        assert antwoord.status_code == 200
        html = antwoord.content.decode()
        assert melding in html
        assert f"Programmabijdragen {timezone.localdate().year}" in html


def test_another_year_has_its_own_rows(client, rijen, projectteam) -> None:
    client.force_login(projectteam)
    html = client.get(URL, {"jaar": 2027}).content.decode()
    assert "Nog geen bijdragen voor 2027" in html
    assert "€ 0" in html


# --- Queries --------------------------------------------------------------------------------------


def test_the_table_runs_a_fixed_number_of_queries(client, regios, projectteam, stuurgroep) -> None:
    from netwerken.models import Organisatie

    def tel(user) -> int:
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"jaar": JAAR}).status_code == 200
        return len(queries)

    Organisatie.objects.filter(vr_nummer__gt=3).update(actief=False)
    services.maak_bijdragen_aan(JAAR, actor=None)  # 3 rows
    weinig = tel(projectteam)
    Organisatie.objects.update(actief=True)
    services.maak_bijdragen_aan(JAAR, actor=None)  # 25 rows
    assert Programmabijdrage.objects.count() == 25
    veel = tel(projectteam)
    # session, user (with its group membership, or one query per group check), rows with region and
    # version (subquery), number of regions
    assert weinig == veel <= 5
    assert tel(stuurgroep) <= veel + 1


# --- Demo data ------------------------------------------------------------------------------------


def test_the_demo_adds_lessons_contributions_and_reached_milestones_once(regios, projectteam) -> None:
    from monitoring.demo import NOG_NIET_ONTVANGEN, laad_monitoring_demo
    from monitoring.models import Leerpunt, Programmamijlpaal
    from netwerken.management.commands.laad_referentiedata import Teller, laad_programmamijlpalen

    laad_programmamijlpalen(Teller())
    eerste = laad_monitoring_demo(actor=projectteam)
    jaar = timezone.localdate().year
    ontvangen = Programmabijdrage.objects.filter(jaar=jaar, ontvangen_op__isnull=False).count()
    assert ontvangen == 25 - len(NOG_NIET_ONTVANGEN) and ontvangen > 12  # most received
    assert not Programmabijdrage.objects.filter(ontvangen_op__gt=timezone.localdate()).exists()
    assert Leerpunt.objects.count() == 8
    assert Leerpunt.objects.filter(netwerk__isnull=True, sector__isnull=True, thema__isnull=True).exists()
    assert Programmamijlpaal.objects.filter(behaald_op__isnull=False).count() == 4
    assert eerste.startswith("Monitoring-demo: 8 leerpunten, 25 programmabijdragen")
    assert (
        laad_monitoring_demo(actor=projectteam) == "Monitoring-demo: alles was al aanwezig; niets gewijzigd."
    )
