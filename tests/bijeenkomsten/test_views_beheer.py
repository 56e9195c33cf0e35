"""Convening, changing, cancelling and inviting through the screens: the kinds a user may convene,
Dutch refusals of bad input with nothing changed, conflicts on stale forms."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten.models import Bijeenkomst, Genodigde
from netwerken.models import Lidmaatschap
from tests.factories import GebruikerFactory, maak_lid

pytestmark = pytest.mark.django_db

NIEUW = reverse("bijeenkomsten:nieuw")


def _dag(dagen: int = 7) -> str:
    return (timezone.localdate() + datetime.timedelta(days=dagen)).isoformat()


def _velden(**extra) -> dict:
    return {
        "soort": "netwerk",
        "netwerk": "drinkwater-vitens",
        "titel": "Netwerkoverleg najaar",
        "datum": _dag(),
        "begintijd": "14:00",
        "eindtijd": "16:00",
        "locatie": "Zwolle",
        **extra,
    }


def _meldingen(response) -> str:
    return " ".join(str(m) for m in response.wsgi_request._messages)


# --- Convening ------------------------------------------------------------------------------------


def test_a_coordinator_convenes_a_meeting_of_his_network(client, kring) -> None:
    client.force_login(kring.coordinator)
    response = client.post(NIEUW, _velden())
    bijeenkomst = Bijeenkomst.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("bijeenkomsten:uitnodigen", args=[bijeenkomst.pk])
    assert (bijeenkomst.soort, bijeenkomst.netwerk, bijeenkomst.georganiseerd_door) == (
        "netwerk",
        kring.netwerk,
        kring.coordinator,
    )
    begin = timezone.localtime(bijeenkomst.begin)
    assert (begin.date().isoformat(), begin.hour, timezone.localtime(bijeenkomst.einde).hour) == (
        _dag(),
        14,
        16,
    )
    assert bijeenkomst.history.first().history_user == kring.coordinator


def test_a_coordinator_is_offered_only_network_meetings_of_his_networks(client, kring) -> None:
    client.force_login(kring.coordinator)
    form = client.get(NIEUW + "?netwerk=drinkwater-vitens").context["form"]
    assert form.fields["soort"].choices == [("netwerk", "netwerkbijeenkomst")]
    assert list(form.fields["netwerk"].queryset) == [kring.netwerk]
    assert form.initial["netwerk"] == "drinkwater-vitens"
    assert "sector" not in form.fields
    response = client.post(NIEUW, _velden(soort="toets", netwerk=""))
    assert response.status_code == 200 and not Bijeenkomst.objects.exists()
    response = client.post(NIEUW, _velden(netwerk="drinkwater-evides"))
    assert response.status_code == 200 and not Bijeenkomst.objects.exists()


def test_the_project_team_convenes_the_kinds_other_than_network_meetings(client, kring) -> None:
    client.force_login(kring.projectteam)
    form = client.get(NIEUW).context["form"]
    assert [w for w, _ in form.fields["soort"].choices] == ["expert", "toets", "stuurgroep"]
    assert "netwerk" not in form.fields
    response = client.post(NIEUW, _velden(soort="netwerk", netwerk="drinkwater-vitens"))
    assert response.status_code == 200 and not Bijeenkomst.objects.exists()
    client.post(
        NIEUW,
        _velden(
            soort="toets",
            netwerk="",
            titel="Toetsbijeenkomst",
            locatie="",
            online_link="https://vergaderen.example/t",
        ),
    )
    client.post(
        NIEUW,
        _velden(
            soort="expert", netwerk="", sector=kring.agenda.sector_id, agenda=kring.agenda.pk, titel="Experts"
        ),
    )
    toets, expert = Bijeenkomst.objects.order_by("pk")
    assert (toets.soort, toets.netwerk, toets.online_link) == ("toets", None, "https://vergaderen.example/t")
    assert (expert.soort, expert.sector, expert.agenda) == ("expert", kring.agenda.sector, kring.agenda)


def test_convening_from_a_sector_agenda_preselects_the_expert_meeting(client, kring) -> None:
    client.force_login(kring.projectteam)
    form = client.get(NIEUW + f"?agenda={kring.agenda.pk}").context["form"]
    assert (form.initial["soort"], form.initial["sector"], form.initial["agenda"]) == (
        "expert",
        kring.agenda.sector_id,
        kring.agenda.pk,
    )


@pytest.mark.parametrize(
    ("extra", "veld", "melding"),
    [
        ({"eindtijd": "13:00"}, "eindtijd", "De eindtijd ligt voor of op de begintijd."),
        ({"eindtijd": "14:00"}, "eindtijd", "De eindtijd ligt voor of op de begintijd."),
        ({"einddatum": _dag(6)}, "einddatum", "De einddatum ligt voor de datum van de bijeenkomst."),
        ({"locatie": ""}, "locatie", "Vul een locatie in, een link voor online deelname, of allebei."),
        ({"titel": ""}, "titel", "Dit veld is verplicht."),
        ({"datum": "31-02-2026"}, "datum", "Voer een geldige datum in."),
        ({"online_link": "geen link"}, "online_link", "Voer een geldige URL in."),
        ({"netwerk": ""}, "netwerk", "Kies het netwerk van deze netwerkbijeenkomst."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_nothing_is_saved(client, kring, extra, veld, melding) -> None:
    client.force_login(kring.coordinator)
    response = client.post(NIEUW, _velden(**extra))
    assert response.status_code == 200
    assert melding in response.context["form"].errors[veld]
    assert "Er is een probleem" in response.content.decode()
    assert not Bijeenkomst.objects.exists()


def test_a_meeting_over_several_days(client, kring) -> None:
    client.force_login(kring.coordinator)
    client.post(NIEUW, _velden(einddatum=_dag(8), eindtijd="12:00"))
    bijeenkomst = Bijeenkomst.objects.get()
    assert timezone.localtime(bijeenkomst.einde).date().isoformat() == _dag(8)


# --- Changing and cancelling ----------------------------------------------------------------------


def _wijzig(bijeenkomst: Bijeenkomst, **extra) -> dict:
    begin = timezone.localtime(bijeenkomst.begin)
    return {
        "titel": bijeenkomst.titel,
        "datum": begin.date().isoformat(),
        "begintijd": "14:00",
        "eindtijd": "16:00",
        "locatie": bijeenkomst.locatie,
        "revisie": bijeenkomst.revisie,
        **extra,
    }


def test_changing_the_time_says_the_invitees_get_an_update(client, kring, bijeenkomst, mailoutbox) -> None:
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:bewerken", args=[bijeenkomst.pk])
    assert client.get(url).context["form"].initial["begintijd"] == datetime.time(14, 0)
    response = client.post(url, _wijzig(bijeenkomst, begintijd="15:00", eindtijd="17:00"))
    assert response.status_code == 302
    assert "krijgen de gewijzigde uitnodiging" in _meldingen(response)
    bijeenkomst.refresh_from_db()
    assert timezone.localtime(bijeenkomst.begin).hour == 15 and bijeenkomst.sequence == 1


def test_a_stale_edit_is_refused_with_a_conflict_and_keeps_the_input(client, kring, bijeenkomst) -> None:
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:bewerken", args=[bijeenkomst.pk])
    oud = _wijzig(bijeenkomst)
    client.post(url, _wijzig(bijeenkomst, titel="Eerst gewijzigd"))
    response = client.post(url, {**oud, "titel": "Mijn titel"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "iemand anders was u voor" in html and 'value="Mijn titel"' in html
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.titel == "Eerst gewijzigd"
    assert response.context["form"]["revisie"].value() == str(bijeenkomst.revisie)


def test_cancelling_asks_for_confirmation_and_then_cancels(client, kring, bijeenkomst) -> None:
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:annuleren", args=[bijeenkomst.pk])
    html = client.get(url).content.decode()
    assert "3 genodigden krijgen bericht" in html
    response = client.post(url, {"reden": "Zaal bezet.", "revisie": bijeenkomst.revisie})
    assert response.status_code == 302
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.is_geannuleerd and bijeenkomst.annuleringsreden == "Zaal bezet."
    # Once cancelled: no second cancellation, no changes, no invitations.
    assert client.get(url).status_code == 302
    assert client.get(reverse("bijeenkomsten:bewerken", args=[bijeenkomst.pk])).status_code == 302
    assert client.get(reverse("bijeenkomsten:uitnodigen", args=[bijeenkomst.pk])).status_code == 302


# --- Inviting -------------------------------------------------------------------------------------


def test_inviting_the_whole_network_in_one_click(client, kring) -> None:
    bijeenkomst = kring.plan_bijeenkomst()
    extra = maak_lid(kring.netwerk, Lidmaatschap.Rol.LID)
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:uitnodigen", args=[bijeenkomst.pk])
    assert "Hele netwerk uitnodigen" in client.get(url).content.decode()
    response = client.post(url, {"alle_leden": "1"})
    assert response.status_code == 302
    leden = set(kring.netwerk.lidmaatschappen.values_list("persoon_id", flat=True))
    assert set(bijeenkomst.genodigden.values_list("gebruiker_id", flat=True)) == leden
    assert extra.pk in leden
    assert f"{len(leden)} personen uitgenodigd" in _meldingen(response)
    response = client.post(url, {"alle_leden": "1"})
    assert "was al uitgenodigd" in _meldingen(response)


def test_inviting_persons_and_the_contacts_of_organisations(client, kring) -> None:
    bijeenkomst = kring.plan_bijeenkomst()
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:uitnodigen", args=[bijeenkomst.pk])
    context = client.get(url).context
    assert set(context["personen"]) == {kring.coordinator, kring.bcm, kring.waarnemer}
    assert kring.regio in context["organisaties"]
    client.post(url, {"personen": [kring.waarnemer.pk], "organisaties": [kring.netwerk.kernpartner.pk]})
    genodigden = {g.gebruiker: g.organisatie for g in bijeenkomst.genodigden.all()}
    assert genodigden == {kring.waarnemer: None, kring.bcm: kring.netwerk.kernpartner}


def test_inviting_someone_outside_the_network_is_refused_and_changes_nothing(client, kring) -> None:
    bijeenkomst = kring.plan_bijeenkomst()
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:uitnodigen", args=[bijeenkomst.pk])
    response = client.post(url, {"personen": [kring.bcm.pk, kring.buiten.pk]})
    assert response.status_code == 200
    assert "Er is een probleem" in response.content.decode()
    assert kring.buiten.pk not in [p.pk for p in response.context["form"].fields["personen"].queryset]
    response = client.post(url, {"organisaties": [kring.ander_netwerk.kernpartner.pk]})
    assert response.status_code == 200 and "Er is een probleem" in response.content.decode()
    assert not bijeenkomst.genodigden.exists()


def test_inviting_nobody_says_so(client, kring) -> None:
    bijeenkomst = kring.plan_bijeenkomst()
    client.force_login(kring.coordinator)
    response = client.post(reverse("bijeenkomsten:uitnodigen", args=[bijeenkomst.pk]), {})
    assert "Kies ten minste één persoon of organisatie." in response.content.decode()


def test_a_national_meeting_invites_by_search_not_by_a_list_of_everybody(client, kring) -> None:
    toets = kring.plan_landelijk()
    GebruikerFactory(naam="Zoekbare Persoon")
    client.force_login(kring.projectteam)
    url = reverse("bijeenkomsten:uitnodigen", args=[toets.pk])
    assert client.get(url).context["personen"] == []
    gevonden = client.get(url + "?zoek=zoekbare").context["personen"]
    assert [p.naam for p in gevonden] == ["Zoekbare Persoon"]
    client.post(url, {"personen": [gevonden[0].pk, kring.buiten.pk]})
    assert toets.genodigden.count() == 2


def test_withdrawing_an_invitation(client, kring, bijeenkomst) -> None:
    genodigde = bijeenkomst.genodigden.get(gebruiker=kring.waarnemer)
    client.force_login(kring.coordinator)
    response = client.post(
        reverse("bijeenkomsten:genodigde_verwijderen", args=[bijeenkomst.pk, genodigde.pk])
    )
    assert response.status_code == 302
    assert not bijeenkomst.genodigden.filter(gebruiker=kring.waarnemer).exists()
    # An invitee of another meeting is not found through this one.
    ander = kring.plan_bijeenkomst(titel="Ander")
    andere = ander.genodigden.create(gebruiker=kring.bcm)
    url = reverse("bijeenkomsten:genodigde_verwijderen", args=[bijeenkomst.pk, andere.pk])
    assert client.post(url).status_code == 404
    assert Genodigde.objects.filter(pk=andere.pk).exists()
