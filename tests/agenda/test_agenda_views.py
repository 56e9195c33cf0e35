"""The sector-agenda and theme screens through the client: happy paths and Dutch refusals (issue 3)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from agenda import services
from agenda.models import Agenda, AgendaVaststelling, Besluit, Expertbijeenkomst, Orgaan, Thema
from tests.factories import GebruikerFactory, SectorFactory, maak_agenda, maak_projectteamlid

pytestmark = pytest.mark.django_db


@pytest.fixture
def projectteam(client):
    persoon = maak_projectteamlid()
    client.force_login(persoon)
    return persoon


@pytest.fixture
def lezer(client):
    persoon = GebruikerFactory()
    client.force_login(persoon)
    return persoon


def _tekst(response) -> str:
    """The page's text without tags and with collapsed whitespace, for readable assertions."""
    tekst = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r" ([.,;:)])", r"\1", tekst)


def _url(naam: str, agenda: Agenda, *extra) -> str:
    return reverse(f"agenda:{naam}", args=[agenda.sector.slug, agenda.versie, *extra])


def _concept_v2() -> tuple[Agenda, Agenda]:
    v1 = maak_agenda(afspraken=8, status="vastgesteld")
    return v1, services.nieuwe_agendaversie(v1.sector, actor=None)


# --- Reading --------------------------------------------------------------------------------------


def test_the_overview_lists_every_sector_with_its_current_agenda(client, lezer) -> None:
    maak_agenda(afspraken=6, status="vastgesteld")
    SectorFactory(slug="olie", naam="Olie")
    tekst = _tekst(client.get(reverse("agenda:overzicht")))
    assert (
        "Drinkwater Versie 1 vastgesteld 1 maart 2016 door Commissie Vitale Infrastructuur (VNO-NCW) 6"
        in tekst
    )
    assert "Olie Nog geen vastgestelde agenda" in tekst
    assert "Nieuwe versie" not in tekst
    assert "In bewerking" not in tekst


def test_the_overview_shows_the_project_team_the_versions_in_progress(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    SectorFactory(slug="olie", naam="Olie")
    response = client.get(reverse("agenda:overzicht"))
    assert _url("versie", v2) in response.content.decode()
    assert "Versie 2 van Drinkwater concept (8 afspraken)" in _tekst(response)
    assert reverse("agenda:nieuwe_versie", args=["olie"]) in response.content.decode()
    assert reverse("agenda:nieuwe_versie", args=["drinkwater"]) not in response.content.decode()


def test_the_sector_page_shows_the_top_five_at_a_glance_and_items_per_theme(client, lezer) -> None:
    agenda = maak_agenda(afspraken=10, status="vastgesteld")
    services.voeg_expertbijeenkomst_toe(
        agenda, datum=datetime.date(2015, 11, 12), deelnemers="Vitens\nEvides", actor=None
    )
    response = client.get(reverse("agenda:sector", args=["drinkwater"]))
    inhoud = response.content.decode()
    top = inhoud[
        inhoud.index('id="kop-top-vijf"') : inhoud.index("</section>", inhoud.index('id="kop-top-vijf"'))
    ]
    assert re.findall(r"Afspraak (\d+) van drinkwater", top) == ["1", "2", "3", "4", "5"]
    tekst = _tekst(response)
    # Theme 1 holds items 1 and 9 (the factory spreads ten items over eight themes), in rank order.
    assert "1. Thema 1 Samenwerkingsafspraken in thema 1, Thema 1" in tekst
    groep = tekst[
        tekst.index("1. Thema 1 Samenwerkingsafspraken") : tekst.index("2. Thema 2 Samenwerkingsafspraken")
    ]
    assert re.findall(r"Afspraak (\d+) van drinkwater", groep) == ["1", "9"]
    assert "Commissie Vitale Infrastructuur (VNO-NCW) vastgesteld 1 maart 2016 CVI-2016-01" in tekst
    assert "12 november 2015 Vitens Evides" in tekst
    assert reverse("agenda:versie_pdf", args=["drinkwater", 1]) in inhoud
    assert reverse("agenda:vergelijk", args=["drinkwater"]) in inhoud


def test_the_sector_page_has_a_clear_empty_state(client, lezer) -> None:
    maak_agenda("gas", afspraken=2, status="voorgelegd")
    tekst = _tekst(client.get(reverse("agenda:sector", args=["gas"])))
    assert "Nog geen vastgestelde agenda" in tekst
    assert "Versie 1 is in bewerking" not in tekst  # a reader does not learn about the concept


def test_the_empty_state_points_the_project_team_to_the_concept(client, projectteam) -> None:
    concept = maak_agenda("gas", afspraken=2)
    response = client.get(reverse("agenda:sector", args=["gas"]))
    assert "Nog geen vastgestelde agenda" in _tekst(response)
    assert "Naar het concept (versie 1)" in _tekst(response)
    assert concept.get_absolute_url() in response.content.decode()


def test_example_content_is_marked_as_such(client, lezer) -> None:
    agenda = maak_agenda(afspraken=2, status="vastgesteld")
    Agenda.objects.filter(pk=agenda.pk).update(voorbeeld=True)
    for url in (reverse("agenda:sector", args=["drinkwater"]), agenda.get_absolute_url()):
        assert "Voorbeeldinhoud: deze agenda is demo-inhoud, geen vastgestelde afspraken." in _tekst(
            client.get(url)
        )


def test_an_older_version_points_to_the_current_one(client, lezer) -> None:
    v1, v2 = _concept_v2()
    services.leg_agenda_voor(v2, actor=None)
    services.leg_agendabesluit_vast(
        v2, orgaan=Orgaan.CVI, besluit=Besluit.VASTGESTELD, datum=datetime.date(2017, 1, 1), actor=None
    )
    services.stel_agenda_vast(v2, actor=None)
    tekst = _tekst(client.get(v1.get_absolute_url()))
    assert "Dit is een eerdere versie. De huidige agenda is versie 2." in tekst


def test_the_menu_marks_agenda_as_the_current_section(client, lezer) -> None:
    inhoud = client.get(reverse("agenda:themas")).content.decode()
    assert re.search(r'href="/agenda/" aria-current="page">Agenda<', inhoud)
    assert re.search(r'href="/rolbeschrijving/">Rolbeschrijving<', inhoud)
    assert inhoud.count('aria-current="page"') == 2  # the menu item and the breadcrumb


def test_the_versions_page_lists_versions_with_links_to_their_differences(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    tekst = _tekst(client.get(reverse("agenda:versies", args=["drinkwater"])))
    assert "Versie 2 concept — 8" in tekst
    assert "Versie 1 vastgesteld huidige versie 1 maart 2016 8" in tekst
    assert "Vergelijk met versie 1" in tekst


# --- The comparison -------------------------------------------------------------------------------


def test_the_comparison_compares_the_current_with_the_newest_version_by_default(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    services.zet_rang(v2.afspraken.get(rang=7), 2, actor=None)
    services.verwijder_afspraak(v2.afspraken.get(rang=8), actor=None)
    services.voeg_afspraak_toe(
        v2, thema=Thema.objects.get(nummer=3), titel="Noodwater voor zorginstellingen", actor=None
    )
    eerste = v2.afspraken.get(titel="Afspraak 1 van drinkwater")
    services.wijzig_afspraak(
        eerste,
        thema=eerste.thema,
        titel=eerste.titel,
        omschrijving="Omschrijving van de herziene afspraak 1.",
        beoogd_resultaat=eerste.beoogd_resultaat,
        actor=None,
    )
    response = client.get(reverse("agenda:vergelijk", args=["drinkwater"]))
    inhoud, tekst = response.content.decode(), _tekst(response)
    assert "Van versie 1 naar versie 2" in tekst
    assert (
        "1 toegevoegd, 1 verwijderd, 6 met een andere rang, 1 inhoudelijk gewijzigd; 0 ongewijzigd." in tekst
    )
    assert "Toegevoegd (1)" in tekst and "8 Noodwater voor zorginstellingen 3. Thema 3" in tekst
    assert "Verwijderd (1)" in tekst and "8 Afspraak 8 van drinkwater" in tekst
    assert "Afspraak 7 van drinkwater 7 → 2 nieuw in de top vijf" in tekst
    assert "Afspraak 5 van drinkwater 5 → 6 uit de top vijf" in tekst
    assert '<ins><span class="visueel-verborgen">[toegevoegd: </span>de herziene ' in inhoud
    assert 'name="van"' in inhoud and '<option value="1" selected>' in inhoud


def test_the_comparison_takes_two_versions_from_the_query_string(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    services.verwijder_afspraak(v2.afspraken.get(rang=1), actor=None)
    tekst = _tekst(client.get(reverse("agenda:vergelijk", args=["drinkwater"]), {"van": 2, "met": 1}))
    assert "Van versie 2 naar versie 1" in tekst
    assert "1 toegevoegd, 0 verwijderd, 7 met een andere rang" in tekst


@pytest.mark.parametrize(
    ("params", "melding"),
    [
        ({"van": 1, "met": 1}, "Kies twee verschillende versies."),
        ({"van": 1, "met": 7}, "Kies een van de versies in de lijst."),
        ({"van": "x", "met": 2}, "Kies een van de versies in de lijst."),
    ],
)
def test_the_comparison_explains_a_bad_choice(client, projectteam, params, melding) -> None:
    _concept_v2()
    response = client.get(reverse("agenda:vergelijk", args=["drinkwater"]), params)
    assert response.status_code == 200
    assert melding in _tekst(response)
    assert "Van versie" not in _tekst(response).split("Vergelijken", 2)[-1]


def test_a_single_version_has_nothing_to_compare(client, lezer) -> None:
    maak_agenda(afspraken=2, status="vastgesteld")
    assert "nog maar één versie" in _tekst(client.get(reverse("agenda:vergelijk", args=["drinkwater"])))


# --- Editing a concept ----------------------------------------------------------------------------


def test_the_project_team_adds_an_item(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    response = client.post(
        _url("afspraak_nieuw", v2),
        {"thema": Thema.objects.get(nummer=4).pk, "titel": " Gas voor prioritaire zorglocaties ", "rang": ""},
        follow=True,
    )
    nieuw = v2.afspraken.get(titel="Gas voor prioritaire zorglocaties")
    assert nieuw.rang == 9
    assert "„Gas voor prioritaire zorglocaties” is toegevoegd op rang 9." in _tekst(response)
    assert response.redirect_chain[-1][0] == f"{v2.get_absolute_url()}#afspraak-{nieuw.pk}"
    assert nieuw.history.first().history_user == projectteam


def test_a_duplicate_rank_is_refused_with_a_dutch_message_and_nothing_is_stored(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    response = client.post(
        _url("afspraak_nieuw", v2), {"thema": Thema.objects.get(nummer=1).pk, "titel": "Dubbel", "rang": 3}
    )
    assert response.status_code == 200
    assert (
        "Rang 3 is al bezet door „Afspraak 3 van drinkwater”. Kies een vrije rang (de eerstvolgende is 9)"
        in _tekst(response)
    )
    assert not v2.afspraken.filter(titel="Dubbel").exists()


def test_the_item_form_requires_a_theme_and_title(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    response = client.post(_url("afspraak_nieuw", v2), {"thema": "", "titel": "", "rang": 0})
    tekst = _tekst(response)
    assert "Er is een probleem" in tekst
    assert "Thema: Dit veld is verplicht." in tekst
    assert "Rang: De rang is 1 of hoger." in tekst
    assert v2.afspraken.count() == 8


def test_the_project_team_edits_an_item(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    afspraak = v2.afspraken.get(rang=2)
    formulier = client.get(_url("afspraak_bewerken", v2, afspraak.pk))
    assert 'value="Afspraak 2 van drinkwater"' in formulier.content.decode()
    assert 'name="rang"' not in formulier.content.decode()  # the rank is moved on the version page
    response = client.post(
        _url("afspraak_bewerken", v2, afspraak.pk),
        {
            "thema": afspraak.thema_id,
            "titel": "Alarmering via de meldkamers",
            "omschrijving": "Wie alarmeert wie.",
        },
        follow=True,
    )
    afspraak.refresh_from_db()
    assert (afspraak.titel, afspraak.omschrijving, afspraak.rang) == (
        "Alarmering via de meldkamers",
        "Wie alarmeert wie.",
        2,
    )
    assert "„Alarmering via de meldkamers” is opgeslagen." in _tekst(response)


def test_moving_an_item_into_the_top_five(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    zevende = v2.afspraken.get(rang=7)
    response = client.post(_url("afspraak_rang", v2, zevende.pk), {"rang": 2}, follow=True)
    assert "„Afspraak 7 van drinkwater” staat nu op rang 2 en hoort bij de top vijf." in _tekst(response)
    assert list(v2.afspraken.order_by("rang").values_list("titel", flat=True)[:3]) == [
        "Afspraak 1 van drinkwater",
        "Afspraak 7 van drinkwater",
        "Afspraak 2 van drinkwater",
    ]


def test_the_arrow_buttons_move_an_item_one_place(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    derde = v2.afspraken.get(rang=3)
    # The buttons also send the (unchanged) number field: the direction wins.
    client.post(_url("afspraak_rang", v2, derde.pk), {"rang": 3, "richting": "omhoog"})
    derde.refresh_from_db()
    assert derde.rang == 2
    client.post(_url("afspraak_rang", v2, derde.pk), {"rang": 2, "richting": "omlaag"})
    client.post(_url("afspraak_rang", v2, derde.pk), {"rang": 2, "richting": "omlaag"})
    derde.refresh_from_db()
    assert derde.rang == 4


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"rang": 9}, "Kies een rang van 1 tot en met 8."),
        ({"rang": ""}, "Vul de nieuwe rang in."),
        ({"rang": "twee"}, "Nieuwe rang: Vul een rang in (een getal)."),
        ({"rang": 0}, "Nieuwe rang: De rang is 1 of hoger."),
    ],
)
def test_a_bad_rank_is_refused_with_a_dutch_message(client, projectteam, data, melding) -> None:
    _v1, v2 = _concept_v2()
    voor = list(v2.afspraken.order_by("rang").values_list("pk", flat=True))
    response = client.post(_url("afspraak_rang", v2, v2.afspraken.get(rang=4).pk), data, follow=True)
    assert melding in _tekst(response)
    assert list(v2.afspraken.order_by("rang").values_list("pk", flat=True)) == voor


def test_deleting_an_item_renumbers_the_rest(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    response = client.post(_url("afspraak_verwijderen", v2, v2.afspraken.get(rang=2).pk), follow=True)
    assert "„Afspraak 2 van drinkwater” is verwijderd" in _tekst(response)
    assert list(v2.afspraken.order_by("rang").values_list("rang", flat=True)) == list(range(1, 8))


def test_an_item_of_another_version_is_not_found(client, projectteam) -> None:
    v1, v2 = _concept_v2()
    vreemd = v1.afspraken.get(rang=1)
    assert client.post(_url("afspraak_rang", v2, vreemd.pk), {"rang": 2}).status_code == 404
    assert client.get(_url("afspraak_bewerken", v2, vreemd.pk)).status_code == 404


def test_the_item_form_of_a_submitted_version_explains_why_it_cannot_be_edited(client, projectteam) -> None:
    agenda = maak_agenda(afspraken=2, status="voorgelegd")
    response = client.get(_url("afspraak_nieuw", agenda), follow=True)
    assert "Versie 1 is voorgelegd; alleen een concept kan worden gewijzigd." in _tekst(response)
    response = client.post(
        _url("afspraak_nieuw", agenda), {"thema": Thema.objects.get(nummer=1).pk, "titel": "Te laat"}
    )
    assert "alleen een concept kan worden gewijzigd" in _tekst(response)
    assert agenda.afspraken.count() == 2


def test_the_version_page_offers_the_concept_controls_only_to_the_project_team(client, projectteam) -> None:
    _v1, v2 = _concept_v2()
    tekst = _tekst(client.get(v2.get_absolute_url()))
    assert "Dit is een concept. Alleen het projectteam ziet deze versie." in tekst
    assert "Samenwerkingsafspraken op rang" in tekst
    assert "Verplaats: Afspraak 7 van drinkwater" in tekst
    assert "Een plaats omhoog: Afspraak 7 van drinkwater" in tekst
    assert "Een plaats omhoog: Afspraak 1 van drinkwater" not in tekst
    assert "Voorleggen" in tekst
    lezer = GebruikerFactory()
    client.force_login(lezer)
    tekst = _tekst(client.get(reverse("agenda:versie", args=["drinkwater", 1])))
    assert "Verplaats" not in tekst and "Besluit vastleggen" not in tekst and "Voorleggen" not in tekst


# --- Submitting and adopting ----------------------------------------------------------------------


def test_an_empty_concept_cannot_be_submitted(client, projectteam) -> None:
    agenda = maak_agenda(afspraken=0)
    response = client.post(_url("voorleggen", agenda), follow=True)
    assert "Een agenda zonder samenwerkingsafspraken kan niet worden voorgelegd." in _tekst(response)
    agenda.refresh_from_db()
    assert agenda.status == "concept"


def test_adopting_without_a_decision_is_refused(client, projectteam) -> None:
    agenda = maak_agenda(afspraken=2, status="voorgelegd")
    response = client.post(_url("vaststellen", agenda), follow=True)
    assert "Leg eerst het besluit vast van het orgaan dat de agenda heeft vastgesteld." in _tekst(response)
    agenda.refresh_from_db()
    assert agenda.status == "voorgelegd"


def test_a_duplicate_decision_shows_the_form_again_with_the_reason(client, projectteam) -> None:
    agenda = maak_agenda(afspraken=2, status="voorgelegd")
    data = {"besluit-orgaan": "cvi", "besluit-besluit": "vastgesteld", "besluit-datum": "2016-03-01"}
    client.post(_url("besluit", agenda), data)
    response = client.post(_url("besluit", agenda), {**data, "besluit-besluit": "afgewezen"})
    assert response.status_code == 200
    assert (
        "Het besluit van Commissie Vitale Infrastructuur (VNO-NCW) over deze versie is al vastgelegd."
        in _tekst(response)
    )
    assert list(AgendaVaststelling.objects.values_list("besluit", flat=True)) == ["vastgesteld"]


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        (
            {"besluit-datum": "31-02-2016"},
            "Datum van het besluit: Vul een geldige datum in, bijvoorbeeld 2016-03-01.",
        ),
        ({"besluit-datum": "2999-01-01"}, "De datum van een besluit ligt niet in de toekomst."),
        ({"besluit-orgaan": ""}, "Orgaan: Dit veld is verplicht."),
    ],
)
def test_a_bad_decision_is_refused_with_a_dutch_message(client, projectteam, data, melding) -> None:
    agenda = maak_agenda(afspraken=2, status="voorgelegd")
    geldig = {"besluit-orgaan": "cvi", "besluit-besluit": "vastgesteld", "besluit-datum": "2016-03-01"}
    response = client.post(_url("besluit", agenda), {**geldig, **data})
    assert response.status_code == 200
    assert melding in _tekst(response)
    assert not AgendaVaststelling.objects.exists()


def test_the_project_team_submits_records_a_decision_and_adopts(client, projectteam) -> None:
    v1, v2 = _concept_v2()
    response = client.post(_url("voorleggen", v2), follow=True)
    assert "Versie 2 is voorgelegd." in _tekst(response)
    assert "Deze versie is voorgelegd aan de managementraden" in _tekst(response)

    response = client.post(
        _url("besluit", v2),
        {
            "besluit-orgaan": Orgaan.CVI,
            "besluit-besluit": Besluit.VASTGESTELD,
            "besluit-datum": "2017-05-01",
            "besluit-kenmerk": "CVI-2017-04",
        },
        follow=True,
    )
    assert (
        "Het besluit van Commissie Vitale Infrastructuur (VNO-NCW) (vastgesteld, 01-05-2017) is vastgelegd."
        in _tekst(response)
    )

    response = client.post(_url("vaststellen", v2), follow=True)
    assert response.redirect_chain[-1][0] == reverse("agenda:sector", args=["drinkwater"])
    tekst = _tekst(response)
    assert "Versie 2 is vastgesteld en is nu de huidige agenda van Drinkwater." in tekst
    assert "Versie 2 vastgesteld huidige versie Vastgesteld op 1 mei 2017" in tekst
    v1.refresh_from_db()
    assert not v1.huidig


def test_back_to_concept(client, projectteam) -> None:
    agenda = maak_agenda(afspraken=2, status="voorgelegd")
    response = client.post(_url("terug_naar_concept", agenda), follow=True)
    assert "Versie 1 is weer een concept" in _tekst(response)
    agenda.refresh_from_db()
    assert agenda.status == "concept"


def test_a_second_version_in_progress_is_refused(client, projectteam) -> None:
    _concept_v2()
    response = client.post(reverse("agenda:nieuwe_versie", args=["drinkwater"]), follow=True)
    assert (
        "Er is al een agenda in bewerking voor Drinkwater: versie 2 (concept). Rond die eerst af."
        in _tekst(response)
    )
    assert Agenda.objects.count() == 2


def test_a_new_version_starts_as_a_copy(client, projectteam) -> None:
    maak_agenda(afspraken=3, status="vastgesteld")
    response = client.post(reverse("agenda:nieuwe_versie", args=["drinkwater"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("agenda:versie", args=["drinkwater", 2])
    assert "Versie 2 is aangemaakt als concept, een kopie van versie 1." in _tekst(response)


def test_recording_an_expert_meeting(client, projectteam) -> None:
    agenda = maak_agenda(afspraken=2, status="vastgesteld")
    response = client.post(
        _url("expertbijeenkomst", agenda),
        {
            "bijeenkomst-datum": "2015-11-12",
            "bijeenkomst-deelnemers": "Vitens\nEvides",
            "bijeenkomst-samenvatting": "",
        },
        follow=True,
    )
    assert "De expertbijeenkomst van 12-11-2015 is vastgelegd." in _tekst(response)
    assert Expertbijeenkomst.objects.get().deelnemers == "Vitens\nEvides"
    response = client.post(
        _url("expertbijeenkomst", agenda), {"bijeenkomst-datum": "", "bijeenkomst-deelnemers": ""}
    )
    assert "Datum: Dit veld is verplicht." in _tekst(response)
    assert Expertbijeenkomst.objects.count() == 1


# --- Themes and the PDF ---------------------------------------------------------------------------


def test_the_theme_list_shows_the_eight_themes_and_their_current_items(client, lezer) -> None:
    maak_agenda(afspraken=10, status="vastgesteld")
    tekst = _tekst(client.get(reverse("agenda:themas")))
    assert "1 Thema 1 Over thema 1. 2" in tekst  # items 1 and 9
    assert "8 Thema 8 Over thema 8. 1" in tekst
    assert "Bewerken" not in tekst


def test_the_project_team_edits_a_theme(client, projectteam) -> None:
    maak_agenda(afspraken=1)
    response = client.post(
        reverse("agenda:thema_bewerken", args=[2]),
        {"naam": " Dreigingsanalyse ", "omschrijving": "Samen de risico's in beeld."},
        follow=True,
    )
    assert "Thema 2 „Dreigingsanalyse” is opgeslagen." in _tekst(response)
    thema = Thema.objects.get(nummer=2)
    assert (thema.naam, thema.history.first().history_user) == ("Dreigingsanalyse", projectteam)
    response = client.post(reverse("agenda:thema_bewerken", args=[2]), {"naam": "", "omschrijving": ""})
    assert "Naam: Dit veld is verplicht." in _tekst(response)
    assert client.get(reverse("agenda:thema_bewerken", args=[99])).status_code == 404


def test_the_agenda_downloads_as_a_pdf(client, lezer) -> None:
    maak_agenda(afspraken=3, status="vastgesteld")
    response = client.get(reverse("agenda:versie_pdf", args=["drinkwater", 1]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="agenda-drinkwater-v1.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
