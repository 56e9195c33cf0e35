"""Lifecycle of the role description and its refusals (services; issue 3, items 2–5 and 12)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from agenda import services
from agenda.models import Besluit, Consultatiereactie, Ondertekening, Orgaan, Rolbeschrijving, RolSectie
from tests.factories import BedrijfFactory, GebruikerFactory, RegioFactory, maak_rolbeschrijving

pytestmark = pytest.mark.django_db

DATUM_BESLUIT = datetime.date(2015, 12, 1)


def _regios(aantal: int = 25) -> list:
    return [RegioFactory(vr_nummer=n) for n in range(1, aantal + 1)]


def _stel_vast(rol: Rolbeschrijving, datum: datetime.date = DATUM_BESLUIT) -> Rolbeschrijving:
    for orgaan in Rolbeschrijving.VASTSTELLENDE_ORGANEN:
        services.leg_rolbesluit_vast(rol, orgaan=orgaan, besluit=Besluit.VASTGESTELD, datum=datum, actor=None)
    return services.zet_rolstatus(rol, Rolbeschrijving.Status.VASTGESTELD, actor=None)


def test_a_first_version_starts_in_verkenning_with_an_introduction_a_section_per_theme_and_citizen_participation() -> (
    None
):
    rol = maak_rolbeschrijving()
    assert rol.versie == 1
    assert rol.status == Rolbeschrijving.Status.VERKENNING
    soorten = list(rol.secties.values_list("soort", flat=True))
    assert soorten == ["inleiding"] + ["thema"] * 8 + ["burgerparticipatie"]
    assert rol.secties.get(thema__nummer=3).definitie == "Over thema 3."


def test_it_moves_forward_one_step_at_a_time_and_never_back() -> None:
    rol = maak_rolbeschrijving()
    with pytest.raises(ValidationError, match="alleen naar concept"):
        services.zet_rolstatus(rol, Rolbeschrijving.Status.CONSULTATIE, actor=None)
    rol = services.zet_rolstatus(rol, Rolbeschrijving.Status.CONCEPT, actor=None)
    with pytest.raises(ValidationError, match="alleen naar consultatie"):
        services.zet_rolstatus(rol, Rolbeschrijving.Status.VERKENNING, actor=None)
    with pytest.raises(ValidationError):
        services.zet_rolstatus(rol, "onzin", actor=None)
    rol.refresh_from_db()
    assert rol.status == Rolbeschrijving.Status.CONCEPT


def test_consultation_requires_invited_organisations() -> None:
    rol = maak_rolbeschrijving(status="concept")
    with pytest.raises(ValidationError, match="Nodig eerst de organisaties uit"):
        services.zet_rolstatus(rol, Rolbeschrijving.Status.CONSULTATIE, actor=None)
    services.nodig_uit_voor_consultatie(rol, [RegioFactory(vr_nummer=1)], actor=None)
    assert services.zet_rolstatus(rol, Rolbeschrijving.Status.CONSULTATIE, actor=None).status == "consultatie"


def test_inviting_is_refused_outside_concept_and_consultation() -> None:
    rol = maak_rolbeschrijving()
    with pytest.raises(ValidationError, match="concept of consultatie"):
        services.nodig_uit_voor_consultatie(rol, [RegioFactory(vr_nummer=1)], actor=None)
    assert not rol.uitgenodigd.exists()


def test_definitief_requires_every_comment_answered() -> None:
    regio = RegioFactory(vr_nummer=1)
    rol = maak_rolbeschrijving(status="consultatie", uitgenodigd=[regio])
    sectie = rol.secties.get(thema__nummer=1)
    reactie = services.plaats_reactie(
        sectie, tekst="Graag ook art. 10 noemen.", actor=GebruikerFactory(organisatie=regio)
    )
    services.plaats_reactie(sectie, tekst="Tweede punt.", actor=GebruikerFactory(organisatie=regio))
    with pytest.raises(ValidationError, match="Nog 2 consultatiereacties zonder antwoord"):
        services.zet_rolstatus(rol, Rolbeschrijving.Status.DEFINITIEF, actor=None)
    services.beantwoord_reactie(reactie, antwoord="overgenomen", motivering="Toegevoegd.", actor=None)
    with pytest.raises(ValidationError, match="Nog 1 consultatiereactie zonder antwoord"):
        services.zet_rolstatus(rol, Rolbeschrijving.Status.DEFINITIEF, actor=None)
    for open_reactie in Consultatiereactie.objects.filter(antwoord=""):
        services.beantwoord_reactie(
            open_reactie, antwoord="niet", motivering="Valt buiten de scope.", actor=None
        )
    assert services.zet_rolstatus(rol, Rolbeschrijving.Status.DEFINITIEF, actor=None).status == "definitief"


def test_vastgesteld_requires_a_positive_decision_of_all_four_bodies() -> None:
    rol = maak_rolbeschrijving(status="definitief")
    services.leg_rolbesluit_vast(
        rol, orgaan=Orgaan.STUURGROEP, besluit=Besluit.VASTGESTELD, datum=DATUM_BESLUIT, actor=None
    )
    services.leg_rolbesluit_vast(
        rol, orgaan=Orgaan.CVI, besluit=Besluit.AANGEHOUDEN, datum=DATUM_BESLUIT, actor=None
    )
    with pytest.raises(ValidationError) as fout:
        services.zet_rolstatus(rol, Rolbeschrijving.Status.VASTGESTELD, actor=None)
    assert fout.value.messages == [
        "Nog geen positief besluit van: Commissie Vitale Infrastructuur (VNO-NCW), Veiligheidsberaad, "
        "Ministerie van Justitie en Veiligheid."
    ]
    rol.refresh_from_db()
    assert rol.status == "definitief" and not rol.huidig


def test_decisions_are_refused_before_definitief_twice_for_one_body_for_other_bodies_and_in_the_future() -> (
    None
):
    concept = maak_rolbeschrijving(status="concept")
    with pytest.raises(ValidationError, match="definitieve tekst"):
        services.leg_rolbesluit_vast(
            concept, orgaan=Orgaan.CVI, besluit=Besluit.VASTGESTELD, datum=DATUM_BESLUIT, actor=None
        )
    services.zet_rolstatus(
        services.nodig_uit_voor_consultatie(concept, [RegioFactory(vr_nummer=1)], actor=None),
        "consultatie",
        actor=None,
    )
    rol = services.zet_rolstatus(concept, "definitief", actor=None)
    services.leg_rolbesluit_vast(
        rol, orgaan=Orgaan.CVI, besluit=Besluit.VASTGESTELD, datum=DATUM_BESLUIT, actor=None
    )
    with pytest.raises(ValidationError, match="al vastgelegd"):
        services.leg_rolbesluit_vast(
            rol, orgaan=Orgaan.CVI, besluit=Besluit.AFGEWEZEN, datum=DATUM_BESLUIT, actor=None
        )
    with pytest.raises(ValidationError, match="stelt de rolbeschrijving niet vast"):
        services.leg_rolbesluit_vast(
            rol, orgaan=Orgaan.MANAGEMENTRAAD, besluit=Besluit.VASTGESTELD, datum=DATUM_BESLUIT, actor=None
        )
    with pytest.raises(ValidationError, match="niet in de toekomst"):
        services.leg_rolbesluit_vast(
            rol,
            orgaan=Orgaan.STUURGROEP,
            besluit=Besluit.VASTGESTELD,
            datum=datetime.date.today() + datetime.timedelta(days=2),
            actor=None,
        )
    assert rol.vaststellingen.count() == 1


def test_adoption_makes_it_the_one_current_version_and_moves_huidig_from_the_previous_one() -> None:
    eerste = maak_rolbeschrijving(status="vastgesteld")
    assert eerste.huidig and eerste.vastgesteld_op == DATUM_BESLUIT
    tweede = services.nieuwe_rolversie(actor=None)
    for stap in ("concept", "consultatie", "definitief"):
        if stap == "consultatie":
            services.nodig_uit_voor_consultatie(tweede, [RegioFactory(vr_nummer=2)], actor=None)
        tweede = services.zet_rolstatus(tweede, stap, actor=None)
    tweede = _stel_vast(tweede, datum=datetime.date(2017, 6, 1))
    eerste.refresh_from_db()
    assert tweede.huidig and not eerste.huidig
    assert list(Rolbeschrijving.objects.filter(huidig=True)) == [tweede]
    assert tweede.vastgesteld_op == datetime.date(2017, 6, 1)


def test_a_new_version_copies_the_sections_of_the_adopted_one() -> None:
    eerste = maak_rolbeschrijving()
    inleiding = eerste.secties.get(soort=RolSectie.Soort.INLEIDING)
    services.wijzig_sectie(inleiding, tekst="De veiligheidsregio bereidt zich voor.", actor=None)
    services.wijzig_sectie(
        eerste.secties.get(thema__nummer=2), taken="Alarmeren via de meldkamer.", actor=None
    )
    for stap in ("concept", "consultatie", "definitief"):
        if stap == "consultatie":
            services.nodig_uit_voor_consultatie(eerste, [RegioFactory(vr_nummer=1)], actor=None)
        eerste = services.zet_rolstatus(eerste, stap, actor=None)
    eerste = _stel_vast(eerste)

    tweede = services.nieuwe_rolversie(actor=None)
    assert tweede.versie == 2 and tweede.gebaseerd_op == eerste and tweede.status == "verkenning"
    assert tweede.secties.count() == eerste.secties.count() == 10
    assert tweede.secties.get(soort="inleiding").tekst == "De veiligheidsregio bereidt zich voor."
    assert tweede.secties.get(thema__nummer=2).taken == "Alarmeren via de meldkamer."
    # The copies are new rows: editing them leaves the adopted text alone.
    services.wijzig_sectie(tweede.secties.get(thema__nummer=2), taken="Anders.", actor=None)
    assert eerste.secties.get(thema__nummer=2).taken == "Alarmeren via de meldkamer."


def test_a_new_version_is_refused_while_another_is_open() -> None:
    rol = maak_rolbeschrijving(status="concept")
    with pytest.raises(ValidationError, match=f"Versie {rol.versie} is nog in bewerking"):
        services.nieuwe_rolversie(actor=None)
    assert Rolbeschrijving.objects.count() == 1


def test_adopted_text_cannot_be_edited() -> None:
    rol = maak_rolbeschrijving(status="consultatie")
    sectie = rol.secties.get(thema__nummer=1)
    with pytest.raises(ValidationError, match="ligt vast"):
        services.wijzig_sectie(sectie, definitie="Nieuw.", actor=None)
    assert RolSectie.objects.get(pk=sectie.pk).definitie == "Over thema 1."


def test_a_comment_outside_consultation_is_refused_in_dutch() -> None:
    regio = RegioFactory(vr_nummer=1)
    rol = maak_rolbeschrijving(status="concept")
    services.nodig_uit_voor_consultatie(rol, [regio], actor=None)
    with pytest.raises(ValidationError) as fout:
        services.plaats_reactie(
            rol.secties.first(), tekst="Te vroeg.", actor=GebruikerFactory(organisatie=regio)
        )
    assert fout.value.messages == ["Reageren kan alleen tijdens de consultatie."]
    assert not Consultatiereactie.objects.exists()


def test_a_comment_by_an_organisation_that_was_not_invited_is_refused() -> None:
    rol = maak_rolbeschrijving(status="consultatie", uitgenodigd=[RegioFactory(vr_nummer=1)])
    buitenstaander = GebruikerFactory(organisatie=BedrijfFactory())
    with pytest.raises(ValidationError) as fout:
        services.plaats_reactie(rol.secties.first(), tekst="Mag ik ook?", actor=buitenstaander)
    assert fout.value.messages == ["Uw organisatie is niet uitgenodigd voor deze consultatie."]
    assert not Consultatiereactie.objects.exists()


def test_a_comment_records_the_organisation_of_its_author() -> None:
    regio = RegioFactory(vr_nummer=7)
    rol = maak_rolbeschrijving(status="consultatie", uitgenodigd=[regio])
    reactie = services.plaats_reactie(
        rol.secties.first(), tekst="  Helder.  ", actor=GebruikerFactory(organisatie=regio)
    )
    assert reactie.organisatie == regio and reactie.tekst == "Helder."


def test_an_answer_requires_a_valid_choice_and_a_motivation() -> None:
    regio = RegioFactory(vr_nummer=1)
    rol = maak_rolbeschrijving(status="consultatie", uitgenodigd=[regio])
    reactie = services.plaats_reactie(
        rol.secties.first(), tekst="Punt.", actor=GebruikerFactory(organisatie=regio)
    )
    with pytest.raises(ValidationError, match="Motiveer het antwoord"):
        services.beantwoord_reactie(reactie, antwoord="deels", motivering="  ", actor=None)
    with pytest.raises(ValidationError, match="Kies: overgenomen"):
        services.beantwoord_reactie(reactie, antwoord="misschien", motivering="Tja.", actor=None)
    reactie.refresh_from_db()
    assert reactie.antwoord == "" and reactie.motivering == ""


def test_a_signature_for_a_version_that_is_not_adopted_is_refused() -> None:
    regio = RegioFactory(vr_nummer=1)
    rol = maak_rolbeschrijving(status="definitief", uitgenodigd=[regio])
    with pytest.raises(
        ValidationError, match="Alleen een vastgestelde rolbeschrijving kan worden ondertekend"
    ):
        services.leg_ondertekening_vast(
            rol,
            veiligheidsregio=regio,
            datum=datetime.date(2016, 1, 5),
            ondertekend_door="Voorzitter",
            actor=None,
        )
    assert not Ondertekening.objects.exists()


def test_a_second_signature_by_the_same_region_is_refused() -> None:
    regio = RegioFactory(vr_nummer=1)
    rol = maak_rolbeschrijving(status="vastgesteld", uitgenodigd=[regio])
    services.leg_ondertekening_vast(
        rol,
        veiligheidsregio=regio,
        datum=datetime.date(2016, 1, 5),
        ondertekend_door="Voorzitter",
        actor=None,
    )
    with pytest.raises(ValidationError, match="al vastgelegd"):
        services.leg_ondertekening_vast(
            rol, veiligheidsregio=regio, datum=datetime.date(2016, 2, 5), ondertekend_door="Ander", actor=None
        )
    assert rol.ondertekeningen.count() == 1


def test_a_signature_before_the_adoption_date_or_by_a_company_is_refused() -> None:
    regio = RegioFactory(vr_nummer=1)
    rol = maak_rolbeschrijving(status="vastgesteld", uitgenodigd=[regio])
    with pytest.raises(ValidationError, match="pas na de vaststelling"):
        services.leg_ondertekening_vast(
            rol,
            veiligheidsregio=regio,
            datum=datetime.date(2015, 11, 30),
            ondertekend_door="Voorzitter",
            actor=None,
        )
    with pytest.raises(ValidationError, match="geen veiligheidsregio"):
        services.leg_ondertekening_vast(
            rol,
            veiligheidsregio=BedrijfFactory(),
            datum=datetime.date(2016, 1, 5),
            ondertekend_door="X",
            actor=None,
        )
    assert not rol.ondertekeningen.exists()


def test_ondertekenstand_counts_n_of_25_and_lists_the_missing_regions() -> None:
    regios = _regios()
    rol = maak_rolbeschrijving(status="vastgesteld", uitgenodigd=regios[:1])
    for regio in (regios[4], regios[0], regios[12]):
        services.leg_ondertekening_vast(
            rol,
            veiligheidsregio=regio,
            datum=datetime.date(2016, 2, 1),
            ondertekend_door="Voorzitter",
            actor=None,
        )
    stand = services.ondertekenstand(rol)
    assert (stand["aantal"], stand["totaal"]) == (3, 25)
    assert [o.veiligheidsregio.vr_nummer for o in stand["getekend"]] == [1, 5, 13]
    assert len(stand["ontbrekend"]) == 22
    assert [r.vr_nummer for r in stand["ontbrekend"]][:5] == [2, 3, 4, 6, 7]


def test_every_change_keeps_history_with_the_acting_user() -> None:
    persoon = GebruikerFactory()
    rol = maak_rolbeschrijving(actor=persoon)
    sectie = rol.secties.get(thema__nummer=1)
    services.wijzig_sectie(sectie, taken="Nieuwe taken.", actor=persoon)
    laatste = sectie.history.first()
    assert laatste.history_user == persoon and laatste.taken == "Nieuwe taken."
    assert rol.history.first().history_user == persoon
