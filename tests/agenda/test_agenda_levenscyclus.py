"""The lifecycle of a sector agenda and its refusals (issue 3, items 6, 7 and 12).

concept → voorgelegd → vastgesteld, one current adopted version per sector, ranks that stay 1..n,
and a clear Dutch message for every refused write with nothing stored.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agenda import services
from agenda.models import Agenda, AgendaVaststelling, Besluit, Orgaan, Samenwerkingsafspraak
from tests.factories import SectorFactory, maak_agenda, maak_projectteamlid, maak_themas

pytestmark = pytest.mark.django_db

DATUM = datetime.date(2016, 3, 1)


def _titels(agenda: Agenda) -> list[str]:
    return list(agenda.afspraken.order_by("rang").values_list("titel", flat=True))


def _rangen(agenda: Agenda) -> list[int]:
    return list(agenda.afspraken.order_by("rang").values_list("rang", flat=True))


def _besluit(agenda: Agenda, orgaan: str = Orgaan.CVI, besluit: str = Besluit.VASTGESTELD, **kwargs):
    return services.leg_agendabesluit_vast(
        agenda, orgaan=orgaan, besluit=besluit, datum=kwargs.pop("datum", DATUM), actor=None, **kwargs
    )


# --- The happy path -------------------------------------------------------------------------------


def test_an_agenda_goes_from_concept_via_voorgelegd_to_vastgesteld_and_becomes_current() -> None:
    actor = maak_projectteamlid()
    agenda = maak_agenda(afspraken=3, actor=actor)
    assert (agenda.versie, agenda.status, agenda.huidig, agenda.is_bewerkbaar) == (1, "concept", False, True)

    services.leg_agenda_voor(agenda, actor=actor)
    agenda.refresh_from_db()
    assert (agenda.status, agenda.is_bewerkbaar) == ("voorgelegd", False)

    _besluit(agenda, orgaan=Orgaan.MANAGEMENTRAAD, datum=datetime.date(2016, 2, 10))
    _besluit(agenda, orgaan=Orgaan.CVI, besluit=Besluit.MET_WIJZIGINGEN, datum=DATUM, kenmerk=" CVI-1 ")
    services.stel_agenda_vast(agenda, actor=actor)
    agenda.refresh_from_db()
    assert (agenda.status, agenda.huidig) == ("vastgesteld", True)
    assert agenda.vastgesteld_op == DATUM  # the latest positive decision
    assert agenda.vaststellingen.get(orgaan=Orgaan.CVI).kenmerk == "CVI-1"
    assert agenda.history.first().history_user == actor


def test_a_new_version_is_a_concept_copy_of_the_current_one_with_the_same_keys() -> None:
    v1 = maak_agenda(afspraken=4, status="vastgesteld")
    v2 = services.nieuwe_agendaversie(v1.sector, actor=None)
    assert (v2.versie, v2.status, v2.gebaseerd_op, v2.huidig) == (2, "concept", v1, False)
    assert _titels(v2) == _titels(v1)
    assert set(v2.afspraken.values_list("sleutel", flat=True)) == set(
        v1.afspraken.values_list("sleutel", flat=True)
    )


def test_back_to_concept_keeps_the_recorded_decisions() -> None:
    agenda = maak_agenda(afspraken=2, status="voorgelegd")
    _besluit(agenda)
    services.agenda_terug_naar_concept(agenda, actor=None)
    agenda.refresh_from_db()
    assert agenda.status == "concept"
    assert agenda.vaststellingen.count() == 1


# --- Refusals: a Dutch message, nothing stored ----------------------------------------------------


@pytest.mark.parametrize("status", ["voorgelegd", "vastgesteld"])
def test_it_refuses_to_edit_an_agenda_outside_concept(status: str) -> None:
    agenda = maak_agenda(afspraken=3, status=status)
    afspraak = agenda.afspraken.get(rang=2)
    thema = maak_themas()[0]
    pogingen = [
        lambda: services.voeg_afspraak_toe(agenda, thema=thema, titel="Nieuw", actor=None),
        lambda: services.wijzig_afspraak(
            afspraak, thema=thema, titel="Anders", omschrijving="", beoogd_resultaat="", actor=None
        ),
        lambda: services.zet_rang(afspraak, 1, actor=None),
        lambda: services.verwijder_afspraak(afspraak, actor=None),
    ]
    for poging in pogingen:
        with pytest.raises(ValidationError, match="alleen een concept kan worden gewijzigd"):
            poging()
    assert _titels(agenda) == [
        "Afspraak 1 van drinkwater",
        "Afspraak 2 van drinkwater",
        "Afspraak 3 van drinkwater",
    ]


def test_it_refuses_to_submit_an_empty_agenda() -> None:
    agenda = maak_agenda(afspraken=0)
    with pytest.raises(ValidationError, match="zonder samenwerkingsafspraken kan niet worden voorgelegd"):
        services.leg_agenda_voor(agenda, actor=None)
    agenda.refresh_from_db()
    assert agenda.status == "concept"


def test_it_refuses_to_adopt_without_a_positive_decision() -> None:
    agenda = maak_agenda(afspraken=2, status="voorgelegd")
    with pytest.raises(ValidationError, match="Leg eerst het besluit vast"):
        services.stel_agenda_vast(agenda, actor=None)
    _besluit(agenda, besluit=Besluit.AANGEHOUDEN)
    with pytest.raises(ValidationError, match="Leg eerst het besluit vast"):
        services.stel_agenda_vast(agenda, actor=None)
    agenda.refresh_from_db()
    assert (agenda.status, agenda.huidig) == ("voorgelegd", False)


def test_it_refuses_to_adopt_a_concept() -> None:
    agenda = maak_agenda(afspraken=2)
    with pytest.raises(ValidationError, match="Leg de agenda eerst voor"):
        services.stel_agenda_vast(agenda, actor=None)


def test_it_refuses_a_second_decision_of_the_same_body() -> None:
    agenda = maak_agenda(afspraken=2, status="voorgelegd")
    _besluit(agenda, orgaan=Orgaan.CVI)
    with pytest.raises(
        ValidationError, match="Het besluit van Commissie Vitale Infrastructuur .* is al vastgelegd"
    ):
        _besluit(agenda, orgaan=Orgaan.CVI, besluit=Besluit.AFGEWEZEN)
    assert AgendaVaststelling.objects.filter(agenda=agenda).count() == 1


def test_it_refuses_decisions_on_a_concept_and_in_the_future() -> None:
    agenda = maak_agenda(afspraken=2)
    with pytest.raises(ValidationError, match="een concept heeft nog geen besluiten"):
        _besluit(agenda)
    services.leg_agenda_voor(agenda, actor=None)
    with pytest.raises(ValidationError, match="ligt niet in de toekomst"):
        _besluit(agenda, datum=datetime.date.today() + datetime.timedelta(days=30))
    assert not agenda.vaststellingen.exists()


def test_a_duplicate_rank_on_adding_gives_a_dutch_message_and_stores_nothing() -> None:
    agenda = maak_agenda(afspraken=6)
    with pytest.raises(ValidationError) as fout:
        services.voeg_afspraak_toe(agenda, thema=maak_themas()[0], titel="Dubbel", rang=3, actor=None)
    assert fout.value.messages == [
        "Rang 3 is al bezet door „Afspraak 3 van drinkwater”. Kies een vrije rang "
        "(de eerstvolgende is 7) of verplaats de afspraak na het toevoegen."
    ]
    assert agenda.afspraken.count() == 6
    assert not Samenwerkingsafspraak.objects.filter(titel="Dubbel").exists()


def test_it_refuses_a_second_version_in_progress() -> None:
    v1 = maak_agenda(afspraken=2)
    with pytest.raises(ValidationError, match="Er is al een agenda in bewerking voor Drinkwater: versie 1"):
        services.nieuwe_agendaversie(v1.sector, actor=None)
    assert Agenda.objects.filter(sector=v1.sector).count() == 1


# --- One current version per sector ---------------------------------------------------------------


def test_the_database_refuses_a_second_current_version() -> None:
    v1 = maak_agenda(afspraken=2, status="vastgesteld")
    tweede = Agenda.objects.create(sector=v1.sector, versie=2, status="vastgesteld")
    tweede.huidig = True
    with pytest.raises(IntegrityError), transaction.atomic():
        tweede.save()
    assert list(Agenda.objects.filter(sector=v1.sector, huidig=True)) == [v1]


def test_the_database_refuses_a_current_version_that_is_not_adopted() -> None:
    agenda = maak_agenda(afspraken=1)
    agenda.huidig = True
    with pytest.raises(IntegrityError), transaction.atomic():
        agenda.save()


def test_adopting_version_2_leaves_one_current_version_per_sector() -> None:
    v1 = maak_agenda(afspraken=3, status="vastgesteld")
    ander = maak_agenda("gas", afspraken=2, status="vastgesteld")
    v2 = services.nieuwe_agendaversie(v1.sector, actor=None)
    services.leg_agenda_voor(v2, actor=None)
    _besluit(v2, datum=datetime.date(2017, 5, 1))
    services.stel_agenda_vast(v2, actor=None)

    assert list(Agenda.objects.filter(sector=v1.sector, huidig=True)) == [v2]
    v1.refresh_from_db()
    assert (v1.status, v1.huidig) == ("vastgesteld", False)  # still readable, no longer current
    assert list(Agenda.objects.filter(sector=ander.sector, huidig=True)) == [ander]


def test_adopting_an_already_adopted_version_is_refused() -> None:
    agenda = maak_agenda(afspraken=1, status="vastgesteld")
    with pytest.raises(ValidationError, match="Versie 1 is al vastgesteld"):
        services.stel_agenda_vast(agenda, actor=None)


# --- Ranks ----------------------------------------------------------------------------------------


def test_moving_an_item_up_shifts_the_ones_in_between_down() -> None:
    agenda = maak_agenda(afspraken=8)
    zevende = agenda.afspraken.get(rang=7)
    services.zet_rang(zevende, 2, actor=None)
    assert _titels(agenda) == [f"Afspraak {n} van drinkwater" for n in (1, 7, 2, 3, 4, 5, 6, 8)]
    assert _rangen(agenda) == list(range(1, 9))


def test_moving_an_item_down_shifts_the_ones_in_between_up() -> None:
    agenda = maak_agenda(afspraken=5)
    services.zet_rang(agenda.afspraken.get(rang=1), 4, actor=None)
    assert _titels(agenda) == [f"Afspraak {n} van drinkwater" for n in (2, 3, 4, 1, 5)]


def test_a_rank_outside_the_agenda_is_refused() -> None:
    agenda = maak_agenda(afspraken=4)
    for rang in (0, 5):
        with pytest.raises(ValidationError, match="Kies een rang van 1 tot en met 4"):
            services.zet_rang(agenda.afspraken.get(rang=2), rang, actor=None)
    assert _titels(agenda) == [f"Afspraak {n} van drinkwater" for n in (1, 2, 3, 4)]


def test_deleting_an_item_renumbers_the_rest() -> None:
    agenda = maak_agenda(afspraken=5)
    services.verwijder_afspraak(agenda.afspraken.get(rang=2), actor=None)
    assert _rangen(agenda) == [1, 2, 3, 4]
    assert _titels(agenda) == [f"Afspraak {n} van drinkwater" for n in (1, 3, 4, 5)]


def test_adding_without_a_rank_puts_the_item_last_and_at_a_free_rank_where_asked() -> None:
    agenda = maak_agenda(afspraken=3)
    thema = maak_themas()[2]
    assert services.voeg_afspraak_toe(agenda, thema=thema, titel=" Onderaan ", actor=None).rang == 4
    assert services.voeg_afspraak_toe(agenda, thema=thema, titel="Vrij", rang=9, actor=None).rang == 9
    assert agenda.afspraken.get(rang=4).titel == "Onderaan"


def test_the_top_five_are_the_items_ranked_one_to_five() -> None:
    agenda = maak_agenda(afspraken=7)
    assert [a.is_top_vijf for a in agenda.afspraken.order_by("rang")] == [True] * 5 + [False] * 2
    zevende = agenda.afspraken.get(rang=7)
    services.zet_rang(zevende, 5, actor=None)
    zevende.refresh_from_db()
    assert zevende.is_top_vijf
    assert not agenda.afspraken.get(titel="Afspraak 5 van drinkwater").is_top_vijf


def test_the_rank_history_names_the_actor() -> None:
    actor = maak_projectteamlid()
    agenda = maak_agenda(afspraken=3, actor=actor)
    services.zet_rang(agenda.afspraken.get(rang=3), 1, actor=actor)
    laatste = Samenwerkingsafspraak.history.filter(titel="Afspraak 3 van drinkwater").first()
    assert (laatste.rang, laatste.history_user) == (1, actor)


def test_an_expert_meeting_needs_participants() -> None:
    agenda = maak_agenda(afspraken=1, status="vastgesteld")
    with pytest.raises(ValidationError, match="Noem de deelnemers"):
        services.voeg_expertbijeenkomst_toe(agenda, datum=DATUM, deelnemers="  ", actor=None)
    bijeenkomst = services.voeg_expertbijeenkomst_toe(
        agenda, datum=DATUM, deelnemers="Vitens\nEvides", samenvatting="Prioritering", actor=None
    )
    assert list(agenda.expertbijeenkomsten.all()) == [bijeenkomst]


def test_a_sector_without_any_agenda_starts_with_an_empty_concept() -> None:
    sector = SectorFactory(slug="olie", naam="Olie")
    agenda = services.nieuwe_agendaversie(sector, actor=None)
    assert (agenda.versie, agenda.gebaseerd_op, agenda.afspraken.count()) == (1, None, 0)
