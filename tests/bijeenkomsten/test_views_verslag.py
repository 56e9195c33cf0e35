"""The agenda of a meeting, attendance, minutes and decisions through the screens — a decision that
creates or updates an action in one step, with the action's conflict rule — and the calendar
subscription page."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actieplannen import services as actie_services
from actieplannen.models import TLP, Verbeteractie
from bijeenkomsten import services
from bijeenkomsten.models import Agendafeed, Besluit, Bijeenkomst
from menukaart.models import MenukaartItem
from netwerken.models import Lidmaatschap
from tests.factories import maak_lid

pytestmark = pytest.mark.django_db


def _meldingen(response) -> str:
    return " ".join(str(m) for m in response.wsgi_request._messages)


@pytest.fixture
def lopend(kring) -> Bijeenkomst:
    """A network meeting that began an hour ago, the whole network invited."""
    nu = timezone.now()
    bijeenkomst = kring.plan_bijeenkomst(
        titel="Lopend overleg", begin=nu - datetime.timedelta(hours=1), einde=nu + datetime.timedelta(hours=1)
    )
    services.nodig_uit(bijeenkomst, alle_leden=True, actor=kring.coordinator)
    bijeenkomst.refresh_from_db()
    return bijeenkomst


# --- Agenda points --------------------------------------------------------------------------------


def test_adding_agenda_points_with_what_they_are_about(client, kring, bijeenkomst) -> None:
    actie = kring.maak_actie("Nooddrinkwater")
    afspraak = kring.agenda.afspraken.order_by("rang").first()
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:agendapunten", args=[bijeenkomst.pk])
    response = client.post(url, {"titel": "Opening"})
    assert response.status_code == 302
    client.post(
        url,
        {"titel": "Stand", "toelichting": "Door Vitens.", "afspraak": afspraak.pk, "verbeteractie": actie.pk},
    )
    punten = list(bijeenkomst.agendapunten.order_by("volgorde"))
    assert [(p.titel, p.volgorde) for p in punten] == [("Opening", 1), ("Stand", 2)]
    assert (punten[1].afspraak, punten[1].verbeteractie) == (afspraak, actie)


def test_the_agenda_selects_offer_only_what_the_user_may_see(client, kring, bijeenkomst) -> None:
    eigen = kring.maak_actie("Eigen actie")
    geheim = kring.maak_actie("Geheim", tlp=TLP.RED, tlp_ontvangers=[kring.bcm])
    ander_plan = actie_services.zorg_voor_actieplan(kring.ander_netwerk, actor=None)
    vreemd = actie_services.voeg_actie_toe(ander_plan, actor=None, titel="Vreemd", thema=eigen.thema)
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:agendapunten", args=[bijeenkomst.pk])
    form = client.get(url).context["form"]
    assert list(form.fields["verbeteractie"].queryset) == [eigen]
    assert set(form.fields["afspraak"].queryset) == set(kring.agenda.afspraken.all())
    response = client.post(url, {"titel": "X", "verbeteractie": vreemd.pk})
    assert response.status_code == 200 and "Er is een probleem" in response.content.decode()
    response = client.post(url, {"titel": "X", "verbeteractie": geheim.pk})
    assert response.status_code == 200
    assert not bijeenkomst.agendapunten.exists()


def test_only_public_menukaart_items_can_go_on_the_agenda(client, kring, bijeenkomst) -> None:
    openbaar = MenukaartItem.objects.create(titel="Openbaar", status="gepubliceerd", tlp="clear")
    MenukaartItem.objects.create(titel="Concept", status="voorgesteld", tlp="clear")
    client.force_login(kring.coordinator)
    form = client.get(reverse("bijeenkomsten:agendapunten", args=[bijeenkomst.pk])).context["form"]
    assert list(form.fields["menukaartitem"].queryset) == [openbaar]


def test_reordering_and_deleting_agenda_points(client, kring, bijeenkomst) -> None:
    for titel in ("Een", "Twee", "Drie"):
        services.voeg_agendapunt_toe(bijeenkomst, titel=titel, actor=kring.coordinator)
    drie = bijeenkomst.agendapunten.get(titel="Drie")
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:agendapunt_verplaatsen", args=[bijeenkomst.pk, drie.pk])
    assert client.post(url, {"richting": "omhoog"}).status_code == 302
    response = client.post(url, {"richting": "omhoog"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'id="agendapunten-beheer"' in html
    assert "„Drie” is een plaats omhoog gezet." in html
    assert list(bijeenkomst.agendapunten.order_by("volgorde").values_list("titel", flat=True)) == [
        "Drie",
        "Een",
        "Twee",
    ]
    assert client.post(url, {"richting": "opzij"}).status_code == 400
    een = bijeenkomst.agendapunten.get(titel="Een")
    client.post(reverse("bijeenkomsten:agendapunt_verwijderen", args=[bijeenkomst.pk, een.pk]))
    assert list(bijeenkomst.agendapunten.order_by("volgorde").values_list("titel", flat=True)) == [
        "Drie",
        "Twee",
    ]
    assert een.history.first().history_type == "-" and een.history.first().history_user == kring.coordinator


def test_an_agenda_point_of_another_meeting_is_not_found(client, kring, bijeenkomst) -> None:
    ander = kring.plan_bijeenkomst(titel="Ander")
    punt = services.voeg_agendapunt_toe(ander, titel="Elders", actor=kring.coordinator)
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:agendapunt_verwijderen", args=[bijeenkomst.pk, punt.pk])
    assert client.post(url).status_code == 404


# --- Attendance and minutes -----------------------------------------------------------------------


def test_recording_attendance(client, kring, lopend) -> None:
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:aanwezigheid", args=[lopend.pk])
    bcm = lopend.genodigden.get(gebruiker=kring.bcm)
    waarnemer = lopend.genodigden.get(gebruiker=kring.waarnemer)
    response = client.post(url, {f"aanwezig_{bcm.pk}": "ja", f"aanwezig_{waarnemer.pk}": "nee"})
    assert response.status_code == 302
    bcm.refresh_from_db()
    waarnemer.refresh_from_db()
    assert (bcm.aanwezig, waarnemer.aanwezig) == (True, False)
    detail = client.get(lopend.get_absolute_url())
    assert detail.context["aantal_aanwezig"] == lopend.genodigden.filter(aanwezig=True).count() == 1


def _aanwezigheidsdata(lopend, **keuzes) -> dict:
    """The attendance form as the page shows it now (every invitee, value and hidden "shown"
    value), with `keuzes` (genodigde pk as `g<pk>` → "ja"/"nee"/"") changed by the user."""
    waarde = {True: "ja", False: "nee", None: ""}
    data = {}
    for g in lopend.genodigden.all():
        data[f"aanwezig_{g.pk}"] = keuzes.get(f"g{g.pk}", waarde[g.aanwezig])
        data[f"getoond_{g.pk}"] = waarde[g.aanwezig]
    return data


def test_the_attendance_page_carries_the_value_it_showed(client, kring, lopend) -> None:
    bcm = lopend.genodigden.get(gebruiker=kring.bcm)
    services.registreer_aanwezigheid(lopend, {bcm.pk: True}, actor=kring.coordinator)
    client.force_login(kring.coordinator)
    html = client.get(reverse("bijeenkomsten:aanwezigheid", args=[lopend.pk])).content.decode()
    assert f'name="getoond_{bcm.pk}" value="ja"' in html
    andere = lopend.genodigden.exclude(pk=bcm.pk).first()
    assert f'type="hidden" name="getoond_{andere.pk}"' in html


def test_two_coordinators_recording_attendance_do_not_overwrite_each_other(client, kring, lopend) -> None:
    """Issue 4: both opened the page with everyone "onbekend"; each saves only what he changed, and
    a change on top of the other's change is a conflict that saves nothing."""
    tweede = maak_lid(kring.netwerk, Lidmaatschap.Rol.COORDINATOR)
    url = reverse("bijeenkomsten:aanwezigheid", args=[lopend.pk])
    bcm = lopend.genodigden.get(gebruiker=kring.bcm)
    waarnemer = lopend.genodigden.get(gebruiker=kring.waarnemer)
    pagina_a = _aanwezigheidsdata(lopend, **{f"g{bcm.pk}": "ja"})
    pagina_b = _aanwezigheidsdata(lopend, **{f"g{waarnemer.pk}": "nee"})
    conflicterend_b = _aanwezigheidsdata(lopend, **{f"g{bcm.pk}": "nee"})

    client.force_login(kring.coordinator)
    assert client.post(url, pagina_a).status_code == 302
    client.force_login(tweede)
    # B changed another invitee: saved, and A's "aanwezig" for bcm stays (B's page still said onbekend).
    assert client.post(url, pagina_b).status_code == 302
    bcm.refresh_from_db()
    waarnemer.refresh_from_db()
    assert (bcm.aanwezig, waarnemer.aanwezig) == (True, False)

    # B changed bcm, whom A recorded meanwhile: refused, nothing changes, B sees what A did.
    voor = dict(lopend.genodigden.values_list("pk", "aanwezig"))
    response = client.post(url, conflicterend_b)
    assert response.status_code == 409
    html = response.content.decode()
    assert "iemand anders was u voor" in html
    assert f"Aanwezigheid van {kring.bcm.naam}" in html and str(kring.coordinator) in html
    assert dict(lopend.genodigden.values_list("pk", "aanwezig")) == voor
    # B's choice stays in the form and "shown" is now what is stored: saving again is deliberate.
    assert f'name="getoond_{bcm.pk}" value="ja"' in html
    assert client.post(url, response.context["form"].data).status_code == 302
    bcm.refresh_from_db()
    assert bcm.aanwezig is False


def test_attendance_and_minutes_wait_until_the_meeting_begins(client, kring, bijeenkomst) -> None:
    client.force_login(kring.coordinator)
    for naam in ("aanwezigheid", "notulen", "besluit"):
        response = client.get(reverse(f"bijeenkomsten:{naam}", args=[bijeenkomst.pk]))
        assert response.status_code == 302, naam
        assert "nog niet begonnen" in _meldingen(response), naam


def test_recording_minutes_and_a_conflict_on_a_stale_form(client, kring, lopend) -> None:
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:notulen", args=[lopend.pk])
    revisie = lopend.revisie
    assert client.post(url, {"notulen": "Eerste versie.", "revisie": revisie}).status_code == 302
    lopend.refresh_from_db()
    assert lopend.notulen == "Eerste versie." and lopend.notulen_vastgelegd_door == kring.coordinator
    response = client.post(url, {"notulen": "Mijn versie.", "revisie": revisie})
    assert response.status_code == 409
    assert "iemand anders was u voor" in response.content.decode()
    assert "Mijn versie." in response.content.decode()
    lopend.refresh_from_db()
    assert lopend.notulen == "Eerste versie."


# --- Decisions ------------------------------------------------------------------------------------


def test_a_decision_creates_an_action_in_the_network_plan(client, kring, lopend) -> None:
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:besluit", args=[lopend.pk])
    thema = kring.agenda.afspraken.first().thema
    response = client.post(
        url,
        {
            "tekst": "Vitens regelt nooddrinkwater voor zorginstellingen.",
            "gevolg": "nieuw",
            "titel": "Nooddrinkwater zorginstellingen",
            "thema": thema.pk,
            "eigenaar": kring.bcm.pk,
            "einddatum": "2027-03-31",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#besluiten")
    besluit = Besluit.objects.get(bijeenkomst=lopend)
    actie = besluit.verbeteractie
    assert (besluit.gevolg, besluit.vastgelegd_door) == ("nieuw", kring.coordinator)
    assert (actie.actieplan, actie.titel, actie.eigenaar, actie.organisatie) == (
        kring.plan,
        "Nooddrinkwater zorginstellingen",
        kring.bcm,
        kring.bcm.organisatie,
    )
    assert actie.einddatum == datetime.date(2027, 3, 31)
    assert "staat nu in het actieplan" in _meldingen(response)
    plan = client.get(reverse("actieplannen:plan", args=[kring.netwerk.slug])).content.decode()
    assert "Nooddrinkwater zorginstellingen" in plan


def test_the_project_team_cannot_make_or_change_actions_through_a_network_meetings_decision(
    client, kring, lopend
) -> None:
    """Issue 1: the project team reads a network meeting; its decisions are the coordinators'."""
    actie = kring.maak_actie("Oefening")
    url = reverse("bijeenkomsten:besluit", args=[lopend.pk])
    thema = kring.agenda.afspraken.first().thema
    client.force_login(kring.projectteam)
    assert client.get(url).status_code == 403
    nieuw = {
        "tekst": "Het projectteam besluit.",
        "gevolg": "nieuw",
        "titel": "Actie van buiten",
        "thema": thema.pk,
        "eigenaar": kring.bcm.pk,
        "einddatum": "2027-03-31",
    }
    bijwerken = {
        "tekst": "Het projectteam sluit af.",
        "gevolg": "bijwerken",
        "actie": actie.pk,
        "status": "vervallen",
        f"revisie_{actie.pk}": actie.revisie,
    }
    acties = list(Verbeteractie.objects.values_list("pk", "status", "revisie"))
    for data in (nieuw, bijwerken):
        assert client.post(url, data).status_code in (403, 404)
    assert list(Verbeteractie.objects.values_list("pk", "status", "revisie")) == acties
    assert not Verbeteractie.objects.filter(titel="Actie van buiten").exists()
    assert not Besluit.objects.exists()


def test_a_decision_updates_an_existing_action(client, kring, lopend) -> None:
    actie = kring.maak_actie("Oefening")
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:besluit", args=[lopend.pk])
    form = client.get(url).context["form"]
    assert actie in form.fields["actie"].queryset
    assert f'name="revisie_{actie.pk}" value="{actie.revisie}"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "tekst": "De oefening schuift op.",
            "gevolg": "bijwerken",
            "actie": actie.pk,
            "status": "vertraagd",
            "nieuwe_einddatum": "2027-09-30",
            f"revisie_{actie.pk}": actie.revisie,
        },
    )
    assert response.status_code == 302
    actie.refresh_from_db()
    assert (actie.status, actie.einddatum) == ("vertraagd", datetime.date(2027, 9, 30))
    besluit = Besluit.objects.get(bijeenkomst=lopend)
    assert besluit.gevolg == "bijgewerkt" and "vertraagd" in besluit.wijziging
    assert actie.history.first().history_user == kring.coordinator


def test_an_update_on_top_of_someone_elses_change_is_a_conflict_and_saves_nothing(
    client, kring, lopend
) -> None:
    actie = kring.maak_actie("Oefening")
    gezien = actie.revisie
    actie_services.wijzig_actie(actie, revisie=gezien, actor=kring.bcm, voortgang=40)
    client.force_login(kring.coordinator)
    url = reverse("bijeenkomsten:besluit", args=[lopend.pk])
    data = {
        "tekst": "Gereed.",
        "gevolg": "bijwerken",
        "actie": actie.pk,
        "status": "gereed",
        f"revisie_{actie.pk}": gezien,
    }
    response = client.post(url, data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "iemand anders was u voor" in html and "Gereed." in html
    actie.refresh_from_db()
    assert actie.status != "gereed"
    assert not Besluit.objects.filter(bijeenkomst=lopend).exists()
    # The form now carries the revision the user has seen: saving again is a deliberate choice.
    assert f'name="revisie_{actie.pk}" value="{actie.revisie}"' in html
    assert client.post(url, {**data, f"revisie_{actie.pk}": actie.revisie}).status_code == 302
    actie.refresh_from_db()
    assert actie.status == "gereed"


@pytest.mark.parametrize(
    ("data", "fout"),
    [
        ({"tekst": "", "gevolg": "geen"}, "Dit veld is verplicht."),
        ({"tekst": "X", "gevolg": "nieuw", "titel": ""}, "Geef de nieuwe actie een titel."),
        ({"tekst": "X", "gevolg": "bijwerken"}, "Kies de actie die het besluit bijwerkt."),
    ],
)
def test_an_incomplete_decision_is_refused(client, kring, lopend, data, fout) -> None:
    client.force_login(kring.coordinator)
    response = client.post(reverse("bijeenkomsten:besluit", args=[lopend.pk]), data)
    assert response.status_code == 200
    assert fout in response.content.decode()
    assert not Besluit.objects.exists() and not Verbeteractie.objects.exists()


def test_an_update_that_changes_nothing_is_refused(client, kring, lopend) -> None:
    actie = kring.maak_actie("Oefening")
    client.force_login(kring.coordinator)
    response = client.post(
        reverse("bijeenkomsten:besluit", args=[lopend.pk]),
        {"tekst": "X", "gevolg": "bijwerken", "actie": actie.pk, f"revisie_{actie.pk}": actie.revisie},
    )
    assert "Kies wat het besluit aan de actie verandert" in response.content.decode()
    assert not Besluit.objects.exists()


def test_a_new_action_whose_owner_is_not_at_a_participant_is_refused_on_the_owner_field(
    client, kring, lopend
) -> None:
    client.force_login(kring.coordinator)
    response = client.post(
        reverse("bijeenkomsten:besluit", args=[lopend.pk]),
        {"tekst": "X", "gevolg": "nieuw", "titel": "T", "thema": kring.agenda.afspraken.first().thema_id,
         "eigenaar": kring.buiten.pk},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.context["form"].errors["eigenaar"]
    assert not Besluit.objects.exists()


def test_a_national_meeting_records_decisions_without_actions(client, kring) -> None:
    nu = timezone.now()
    toets = kring.plan_landelijk(
        begin=nu - datetime.timedelta(hours=2), einde=nu - datetime.timedelta(hours=1)
    )
    client.force_login(kring.projectteam)
    url = reverse("bijeenkomsten:besluit", args=[toets.pk])
    assert "gevolg" not in client.get(url).context["form"].fields
    assert client.post(url, {"tekst": "De plannen sluiten aan."}).status_code == 302
    assert Besluit.objects.get(bijeenkomst=toets).gevolg == "geen"


# --- Calendar subscription ------------------------------------------------------------------------


def test_the_subscription_page_makes_renews_and_stops_the_feed(client, kring, bijeenkomst) -> None:
    url = reverse("bijeenkomsten:feed_instellingen")
    client.force_login(kring.bcm)
    response = client.get(url)
    assert response.context["feed"] is None and not Agendafeed.objects.exists()  # looking creates nothing
    client.post(url, {"actie": "aanmaken"})
    feed = Agendafeed.objects.get(gebruiker=kring.bcm)
    html = client.get(url).content.decode()
    assert feed.get_absolute_url() in html and "Abonneren vanaf internet" in html
    oud = feed.get_absolute_url()
    response = client.post(url, {"actie": "vernieuwen"})
    assert "De oude link werkt niet meer" in _meldingen(response)
    assert client.get(oud).status_code == 404
    nieuw = Agendafeed.objects.get(gebruiker=kring.bcm).get_absolute_url()
    assert nieuw != oud and client.get(nieuw).status_code == 200
    client.post(url, {"actie": "stoppen"})
    assert client.get(nieuw).status_code == 404
    response = client.post(url, {"actie": "iets"})
    assert "Kies wat u met het agenda-abonnement wilt doen." in _meldingen(response)
