"""Leerpunten (issue 6 item 1): the project team adds, edits and deletes lessons learned (history
with actor, no lost update); stuurgroep/CVI users read; everybody else gets a Dutch 403."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agenda.models import Thema
from monitoring import services
from monitoring.models import Leerpunt
from netwerken.models import Gebruiker, Netwerk, Sector
from tests.factories import (
    GebruikerFactory,
    RegioFactory,
    SectorFactory,
    maak_netwerk,
    maak_projectteamlid,
    maak_themas,
)

pytestmark = pytest.mark.django_db

LIJST = "/monitoring/leerpunten/"
NIEUW = "/monitoring/leerpunten/nieuw/"


@dataclass
class Mensen:
    projectteam: Gebruiker
    stuurgroep: Gebruiker
    buiten: Gebruiker
    netwerk: Netwerk  # drinkwater
    drinkwater: Sector
    olie: Sector
    themas: list[Thema]


@pytest.fixture
def mensen(db) -> Mensen:
    stuurgroep = GebruikerFactory()
    stuurgroep.groups.add(Group.objects.get(name="Stuurgroep"))
    netwerk = maak_netwerk(slug="drinkwater-vitens", regio=RegioFactory(vr_nummer=4))
    return Mensen(
        projectteam=maak_projectteamlid(),
        stuurgroep=stuurgroep,
        buiten=GebruikerFactory(),
        netwerk=netwerk,
        drinkwater=Sector.objects.get(slug="drinkwater"),
        olie=SectorFactory(slug="olie", naam="Olie"),
        themas=maak_themas(),
    )


def _leerpunt(mensen: Mensen, titel: str = "Vroeg beginnen loont", **velden) -> Leerpunt:
    return services.voeg_leerpunt_toe(actor=mensen.projectteam, titel=titel, **velden)


def _wijzig_url(leerpunt: Leerpunt) -> str:
    return reverse("monitoring:leerpunt_wijzigen", args=[leerpunt.pk])


def _verwijder_url(leerpunt: Leerpunt) -> str:
    return reverse("monitoring:leerpunt_verwijderen", args=[leerpunt.pk])


# --- Permissions ----------------------------------------------------------------------------------


def test_it_requires_login(client, mensen) -> None:
    leerpunt = _leerpunt(mensen)
    for url in (LIJST, NIEUW, _wijzig_url(leerpunt), _verwijder_url(leerpunt)):
        for methode in (client.get, client.post):
            antwoord = methode(url)
            assert antwoord.status_code == 302 and "/account/login/" in antwoord["Location"], url


def test_it_refuses_everybody_but_project_team_and_stuurgroep_in_dutch(client, mensen) -> None:
    leerpunt = _leerpunt(mensen)
    client.force_login(mensen.buiten)
    antwoord = client.get(LIJST)
    assert antwoord.status_code == 403
    assert "alleen voor het projectteam en de stuurgroep" in antwoord.content.decode()
    for url in (NIEUW, _wijzig_url(leerpunt)):
        assert client.get(url).status_code == 403
        assert client.post(url, {"titel": "X", "datum": "2026-01-01"}).status_code == 403
    assert client.post(_verwijder_url(leerpunt)).status_code == 403
    assert Leerpunt.objects.get().titel == "Vroeg beginnen loont"


def test_the_stuurgroep_reads_but_does_not_write(client, mensen) -> None:
    leerpunt = _leerpunt(mensen)
    client.force_login(mensen.stuurgroep)
    html = client.get(LIJST).content.decode()
    assert "Vroeg beginnen loont" in html
    assert "Leerpunt toevoegen" not in html and "Wijzigen" not in html
    assert client.get(NIEUW).status_code == 403
    antwoord = client.post(NIEUW, {"titel": "Nieuw", "datum": "2026-01-01"})
    assert antwoord.status_code == 403
    assert "Alleen het projectteam wijzigt deze gegevens." in antwoord.content.decode()
    assert client.post(_wijzig_url(leerpunt), {"titel": "Anders", "datum": "2026-01-01"}).status_code == 403
    assert client.post(_verwijder_url(leerpunt)).status_code == 403
    assert list(Leerpunt.objects.values_list("titel", flat=True)) == ["Vroeg beginnen loont"]


def test_it_answers_405_where_post_or_get_is_meant(client, mensen) -> None:
    leerpunt = _leerpunt(mensen)
    client.force_login(mensen.projectteam)
    assert client.get(_verwijder_url(leerpunt)).status_code == 405
    assert client.post(LIJST).status_code == 405


def test_an_unknown_lesson_is_404(client, mensen) -> None:
    client.force_login(mensen.projectteam)
    assert client.get(reverse("monitoring:leerpunt_wijzigen", args=[9999])).status_code == 404


# --- Writing --------------------------------------------------------------------------------------


def test_the_project_team_adds_a_lesson_with_history(client, mensen) -> None:
    client.force_login(mensen.projectteam)
    assert client.get(NIEUW).status_code == 200
    antwoord = client.post(
        NIEUW,
        {
            "titel": "  Eén contactpersoon per organisatie  ",
            "toelichting": "Alarmeren ging sneller.",
            "datum": "2026-03-01",
            "sector": mensen.drinkwater.pk,
            "netwerk": mensen.netwerk.pk,
            "thema": mensen.themas[4].pk,
        },
        follow=True,
    )
    assert antwoord.redirect_chain[-1][0] == LIJST
    assert "Het leerpunt „Eén contactpersoon per organisatie” is toegevoegd." in antwoord.content.decode()
    leerpunt = Leerpunt.objects.get()
    assert leerpunt.titel == "Eén contactpersoon per organisatie"
    assert leerpunt.opgesteld_door == mensen.projectteam
    assert (leerpunt.sector, leerpunt.netwerk, leerpunt.thema) == (
        mensen.drinkwater,
        mensen.netwerk,
        mensen.themas[4],
    )
    [rij] = leerpunt.history.all()
    assert rij.history_type == "+" and rij.history_user == mensen.projectteam


def test_it_edits_a_lesson_and_shows_its_history(client, mensen) -> None:
    leerpunt = _leerpunt(mensen)
    client.force_login(mensen.projectteam)
    html = client.get(_wijzig_url(leerpunt)).content.decode()
    versie = services.versie_van(leerpunt)
    assert f'value="{versie}"' in html
    antwoord = client.post(
        _wijzig_url(leerpunt),
        {"titel": "Heel vroeg beginnen loont", "datum": "2026-02-01", "versie": versie},
    )
    assert antwoord.status_code == 302
    leerpunt.refresh_from_db()
    assert leerpunt.titel == "Heel vroeg beginnen loont"
    assert leerpunt.history.first().history_user == mensen.projectteam
    html = client.get(_wijzig_url(leerpunt)).content.decode()
    assert "Heel vroeg beginnen loont" in html and "Wijzigingen" in html
    assert "<del>Vroeg beginnen loont</del>" in html


def test_a_save_on_top_of_someone_elses_save_is_refused_with_what_changed(client, mensen) -> None:
    leerpunt = _leerpunt(mensen)
    client.force_login(mensen.projectteam)
    versie = services.versie_van(leerpunt)
    collega = maak_projectteamlid(naam="Collega Kees")
    services.wijzig_leerpunt(leerpunt, versie=versie, actor=collega, titel="Titel van Kees")
    antwoord = client.post(
        _wijzig_url(leerpunt), {"titel": "Mijn titel", "datum": "2026-02-01", "versie": versie}
    )
    assert antwoord.status_code == 409
    html = antwoord.content.decode()
    assert "Collega Kees heeft het leerpunt" in html and "intussen gewijzigd" in html
    assert "<ins>Titel van Kees</ins>" in html
    assert 'value="Mijn titel"' in html  # the user's input is kept
    leerpunt.refresh_from_db()
    assert leerpunt.titel == "Titel van Kees"
    # Saving again after seeing the conflict is a deliberate choice: it goes through.
    nieuwe_versie = services.versie_van(leerpunt)
    assert f'value="{nieuwe_versie}"' in html
    client.post(
        _wijzig_url(leerpunt), {"titel": "Mijn titel", "datum": "2026-02-01", "versie": nieuwe_versie}
    )
    leerpunt.refresh_from_db()
    assert leerpunt.titel == "Mijn titel"


def test_it_deletes_a_lesson_and_keeps_who_did(client, mensen) -> None:
    leerpunt = _leerpunt(mensen)
    pk = leerpunt.pk
    client.force_login(mensen.projectteam)
    antwoord = client.post(_verwijder_url(leerpunt), {"versie": services.versie_van(leerpunt)}, follow=True)
    assert "Het leerpunt „Vroeg beginnen loont” is verwijderd." in antwoord.content.decode()
    assert not Leerpunt.objects.exists()
    laatste = Leerpunt.history.filter(id=pk).first()
    assert laatste.history_type == "-" and laatste.history_user == mensen.projectteam


def test_it_does_not_delete_a_lesson_changed_meanwhile(client, mensen) -> None:
    leerpunt = _leerpunt(mensen)
    versie = services.versie_van(leerpunt)
    services.wijzig_leerpunt(leerpunt, versie=None, actor=None, titel="Nieuwer")
    client.force_login(mensen.projectteam)
    antwoord = client.post(_verwijder_url(leerpunt), {"versie": versie}, follow=True)
    assert "Het leerpunt is niet verwijderd." in antwoord.content.decode()
    assert Leerpunt.objects.filter(titel="Nieuwer").exists()


@pytest.mark.parametrize(
    ("data", "veld", "melding"),
    [
        ({"titel": "", "datum": "2026-01-01"}, "titel", "Geef het leerpunt een titel."),
        ({"titel": "X", "datum": "morgen"}, "datum", "Vul een geldige datum in"),
        ({"titel": "X", "datum": ""}, "datum", "Vul de datum van het leerpunt in."),
        ({"titel": "X", "datum": "2999-01-01"}, "datum", "Een leerpunt ligt niet in de toekomst."),
        ({"titel": "X", "datum": "2026-01-01", "thema": "abc"}, "thema", "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(client, mensen, data, veld, melding) -> None:
    client.force_login(mensen.projectteam)
    antwoord = client.post(NIEUW, data)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert melding in html
    assert "Er is een probleem" in html and f'href="#id_{veld}"' in html  # the summary links the field
    assert not Leerpunt.objects.exists()


def test_a_network_outside_the_chosen_sector_is_refused(client, mensen) -> None:
    client.force_login(mensen.projectteam)
    antwoord = client.post(
        NIEUW, {"titel": "X", "datum": "2026-01-01", "sector": mensen.olie.pk, "netwerk": mensen.netwerk.pk}
    )
    assert "Het netwerk Netwerk drinkwater-vitens hoort niet bij de sector Olie." in antwoord.content.decode()
    assert not Leerpunt.objects.exists()


# --- The list -------------------------------------------------------------------------------------


def test_it_filters_by_sector_including_lessons_of_its_networks_and_by_theme(client, mensen) -> None:
    via_sector = _leerpunt(mensen, "Via de sector", sector=mensen.drinkwater)
    via_netwerk = _leerpunt(mensen, "Via het netwerk", netwerk=mensen.netwerk, thema=mensen.themas[7])
    _leerpunt(mensen, "Olie", sector=mensen.olie, thema=mensen.themas[7])
    client.force_login(mensen.stuurgroep)

    html = client.get(LIJST, {"sector": "drinkwater"}).content.decode()
    verwacht = Leerpunt.objects.filter(pk__in=[via_sector.pk, via_netwerk.pk]).count()
    assert f"{verwacht} leerpunten met deze filters" in html
    assert "Via de sector" in html and "Via het netwerk" in html and "Olie</h2>" not in html

    html = client.get(LIJST, {"thema": "8"}).content.decode()
    assert f"{Leerpunt.objects.filter(thema__nummer=8).count()} leerpunten met deze filters" in html
    assert "Via de sector" not in html

    html = client.get(LIJST, {"sector": "drinkwater", "thema": "8"}).content.decode()
    assert "1 leerpunt met deze filters" in html


def test_a_bad_filter_gets_a_dutch_message(client, mensen) -> None:
    _leerpunt(mensen)
    client.force_login(mensen.projectteam)
    antwoord = client.get(LIJST, {"sector": "bestaat-niet", "thema": "<b>"})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Kies een sector uit de lijst." in html and "Kies een thema uit de lijst." in html


def test_it_paginates_and_says_so_when_empty(client, mensen) -> None:
    client.force_login(mensen.projectteam)
    assert "Er zijn nog geen leerpunten." in client.get(LIJST).content.decode()
    vandaag = timezone.localdate()
    for i in range(23):
        _leerpunt(mensen, f"Leerpunt {i:02d}", datum=vandaag - datetime.timedelta(days=i))
    html = client.get(LIJST).content.decode()
    assert "23 leerpunten, nieuwste eerst." in html
    assert "Pagina 1 van 2" in html and "Leerpunt 00" in html and "Leerpunt 22" not in html
    html = client.get(LIJST, {"pagina": "2"}).content.decode()
    assert "Leerpunt 22" in html and "Leerpunt 00" not in html
    assert client.get(LIJST, {"pagina": "niets"}).status_code == 200


def test_the_list_runs_a_fixed_number_of_queries(client, mensen) -> None:
    def vul(aantal: int) -> None:
        for i in range(aantal):
            _leerpunt(
                mensen,
                f"Leerpunt {i}",
                sector=mensen.drinkwater,
                netwerk=mensen.netwerk,
                thema=mensen.themas[i % 8],
            )

    def tel(user: Gebruiker) -> int:
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIJST, {"sector": "drinkwater"}).status_code == 200
        return len(queries)

    vul(3)
    weinig = tel(mensen.projectteam)
    vul(30)
    veel = tel(mensen.projectteam)
    # session, user (with its project-team/stuurgroep membership, or one query for each group
    # check), count, page of lessons with sector/network/theme/author, sectors and themes (filters)
    assert weinig == veel <= 8
    assert tel(mensen.stuurgroep) <= veel + 1
