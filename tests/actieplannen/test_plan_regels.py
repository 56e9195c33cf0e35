"""The rules of plans, actions, consent and financing (§3, §4), through the services."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from actieplannen import services
from actieplannen.models import TLP, Actieplan, Instemming, Verbeteractie
from continuiteit.conflict import Bewerkingsconflict
from netwerken.models import Lidmaatschap
from tests.factories import maak_lid, maak_netwerk

pytestmark = pytest.mark.django_db


def _ingediend(vitens, *titels: str) -> list[Verbeteractie]:
    acties = [vitens.maak_actie(titel) for titel in titels or ("Nooddrinkwater",)]
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    vitens.plan.refresh_from_db()
    return acties


def _vastgesteld(vitens, *titels: str) -> list[Verbeteractie]:
    acties = _ingediend(vitens, *titels)
    services.spreek_uit(vitens.plan, organisatie=vitens.regio, besluit="instemming", actor=vitens.coordinator)
    services.spreek_uit(
        vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=vitens.bcm
    )
    vitens.plan.refresh_from_db()
    assert vitens.plan.status == Actieplan.Status.VASTGESTELD
    return acties


# --- Submitting -----------------------------------------------------------------------------------


def test_it_refuses_to_submit_a_plan_without_actions(vitens) -> None:
    with pytest.raises(ValidationError, match="zonder verbeteracties"):
        services.dien_in(vitens.plan, actor=vitens.coordinator)
    vitens.plan.refresh_from_db()
    assert vitens.plan.status == Actieplan.Status.CONCEPT and vitens.plan.versie == 0


def test_it_refuses_to_submit_while_an_action_lacks_an_owner_or_due_date(vitens) -> None:
    vitens.maak_actie("Compleet")
    vitens.maak_actie("Zonder eigenaar", eigenaar=None)
    vitens.maak_actie("Zonder einddatum", einddatum=None)
    with pytest.raises(ValidationError) as fout:
        services.dien_in(vitens.plan, actor=vitens.coordinator)
    assert "eigenaar en een einddatum" in fout.value.messages[0]
    assert "Zonder eigenaar" in fout.value.messages[0] and "Zonder einddatum" in fout.value.messages[0]
    assert "Compleet" not in fout.value.messages[0]
    assert Actieplan.objects.get(pk=vitens.plan.pk).status == Actieplan.Status.CONCEPT


def test_submitting_freezes_a_version_with_the_material_content(vitens) -> None:
    actie = _ingediend(vitens, "Nooddrinkwater")[0]
    assert vitens.plan.status == Actieplan.Status.TER_INSTEMMING
    assert vitens.plan.versie == 1 and vitens.plan.ingediend_door == vitens.coordinator
    versie = vitens.plan.versies.get()
    assert versie.inhoud["acties"][0]["id"] == actie.pk
    assert versie.inhoud["acties"][0]["einddatum"] == "2027-06-30"


def test_it_refuses_to_submit_twice(vitens) -> None:
    _ingediend(vitens)
    with pytest.raises(ValidationError, match="indienen kan alleen vanuit concept"):
        services.dien_in(vitens.plan, actor=vitens.coordinator)


# --- Consent --------------------------------------------------------------------------------------


def test_only_the_contact_person_or_a_coordinator_speaks_for_an_organisation(vitens) -> None:
    _ingediend(vitens)
    collega = maak_lid(vitens.netwerk, Lidmaatschap.Rol.LID)  # at the kernpartner, not its contact
    with pytest.raises(ValidationError, match="Alleen de contactpersoon"):
        services.spreek_uit(
            vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=collega
        )
    with pytest.raises(ValidationError, match="Alleen de contactpersoon"):
        # the BC manager is the contact of his own company, not of the safety region
        services.spreek_uit(vitens.plan, organisatie=vitens.regio, besluit="instemming", actor=vitens.bcm)
    assert not Instemming.objects.exists()


def test_the_contacts_own_consent_is_not_on_behalf(vitens) -> None:
    _ingediend(vitens)
    besluit = services.spreek_uit(
        vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=vitens.bcm
    )
    assert besluit.namens is False and besluit.versie == 1 and besluit.door == vitens.bcm


def test_a_coordinator_records_consent_on_an_organisations_behalf_and_it_says_so(vitens) -> None:
    _ingediend(vitens)
    besluit = services.spreek_uit(
        vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=vitens.coordinator
    )
    assert besluit.namens is True and besluit.door == vitens.coordinator


def test_an_objection_needs_a_reason(vitens) -> None:
    _ingediend(vitens)
    with pytest.raises(ValidationError, match="reden van het bezwaar"):
        services.spreek_uit(
            vitens.plan,
            organisatie=vitens.netwerk.kernpartner,
            besluit="bezwaar",
            reden="  ",
            actor=vitens.bcm,
        )
    bezwaar = services.spreek_uit(
        vitens.plan,
        organisatie=vitens.netwerk.kernpartner,
        besluit="bezwaar",
        reden="De financiering is niet rond.",
        actor=vitens.bcm,
    )
    assert bezwaar.reden == "De financiering is niet rond."
    vitens.plan.refresh_from_db()
    assert vitens.plan.status == Actieplan.Status.TER_INSTEMMING


def test_an_organisation_decides_once_per_version(vitens) -> None:
    _ingediend(vitens)
    services.spreek_uit(
        vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=vitens.bcm
    )
    with pytest.raises(ValidationError, match="al over versie 1 uitgesproken"):
        services.spreek_uit(
            vitens.plan,
            organisatie=vitens.netwerk.kernpartner,
            besluit="bezwaar",
            reden="Toch niet",
            actor=vitens.bcm,
        )


def test_consent_needs_a_submitted_plan(vitens) -> None:
    vitens.maak_actie()
    with pytest.raises(ValidationError, match="ter instemming ligt"):
        services.spreek_uit(
            vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=vitens.bcm
        )


def test_the_plan_is_adopted_only_when_every_organisation_consented_to_this_version(vitens) -> None:
    _ingediend(vitens)
    services.spreek_uit(vitens.plan, organisatie=vitens.regio, besluit="instemming", actor=vitens.coordinator)
    vitens.plan.refresh_from_db()
    assert vitens.plan.status == Actieplan.Status.TER_INSTEMMING and vitens.plan.vastgesteld_op is None
    services.spreek_uit(
        vitens.plan, organisatie=vitens.netwerk.kernpartner, besluit="instemming", actor=vitens.bcm
    )
    vitens.plan.refresh_from_db()
    assert vitens.plan.status == Actieplan.Status.VASTGESTELD and vitens.plan.vastgesteld_op is not None


def test_an_objection_keeps_the_plan_from_being_adopted(vitens) -> None:
    _ingediend(vitens)
    services.spreek_uit(vitens.plan, organisatie=vitens.regio, besluit="instemming", actor=vitens.coordinator)
    services.spreek_uit(
        vitens.plan,
        organisatie=vitens.netwerk.kernpartner,
        besluit="bezwaar",
        reden="Te duur",
        actor=vitens.bcm,
    )
    vitens.plan.refresh_from_db()
    assert vitens.plan.status == Actieplan.Status.TER_INSTEMMING


def test_a_material_change_after_adoption_reopens_consent_and_says_which_change(vitens) -> None:
    actie = _vastgesteld(vitens, "Nooddrinkwater")[0]
    services.wijzig_actie(
        actie, revisie=actie.revisie, actor=vitens.bcm, einddatum=datetime.date(2028, 1, 31)
    )
    vitens.plan.refresh_from_db()
    assert vitens.plan.status == Actieplan.Status.TER_INSTEMMING
    assert vitens.plan.versie == 2 and vitens.plan.vastgesteld_op is None
    assert vitens.plan.heropend_om == "Actie „Nooddrinkwater”: einddatum gewijzigd."
    assert vitens.plan.versies.get(versie=2).reden == vitens.plan.heropend_om
    # the consents to version 1 do not count for version 2
    stand = services.instemmingsstand(vitens.plan)
    assert [regel["instemming"] for regel in stand] == [None, None]


def test_adding_or_removing_an_action_reopens_consent(vitens) -> None:
    _vastgesteld(vitens, "Nooddrinkwater")
    nieuw = vitens.maak_actie("Bluswater")
    vitens.plan.refresh_from_db()
    assert vitens.plan.heropend_om == "Actie „Bluswater” toegevoegd." and vitens.plan.versie == 2
    services.verwijder_actie(nieuw, revisie=nieuw.revisie, actor=vitens.coordinator)
    vitens.plan.refresh_from_db()
    assert vitens.plan.heropend_om == "Actie „Bluswater” verwijderd." and vitens.plan.versie == 3


def test_a_financing_change_is_material(vitens) -> None:
    actie = _vastgesteld(vitens, "Nooddrinkwater")[0]
    services.wijzig_actie(
        actie,
        revisie=actie.revisie,
        actor=vitens.bcm,
        kostenraming=Decimal("1500.00"),
        aandeel_bedrijf=Decimal("1100.00"),
    )
    vitens.plan.refresh_from_db()
    assert "kostenraming" in vitens.plan.heropend_om and "aandeel bedrijf" in vitens.plan.heropend_om


def test_progress_is_not_a_material_change(vitens) -> None:
    actie = _vastgesteld(vitens, "Nooddrinkwater")[0]
    services.registreer_voortgang(
        actie, status="in_uitvoering", voortgang=40, notitie="Loopt.", revisie=actie.revisie, actor=vitens.bcm
    )
    actie.refresh_from_db()
    services.wijzig_actie(actie, revisie=actie.revisie, actor=vitens.bcm, titel="Nooddrinkwater regelen")
    vitens.plan.refresh_from_db()
    assert vitens.plan.status == Actieplan.Status.VASTGESTELD and vitens.plan.versie == 1
    assert vitens.plan.heropend_om == ""


def test_progress_is_recorded_on_the_timeline(vitens) -> None:
    actie = vitens.maak_actie()
    update = services.registreer_voortgang(
        actie, status="in_uitvoering", voortgang=40, notitie=" Eerste overleg. ", actor=vitens.bcm
    )
    actie.refresh_from_db()
    assert (actie.status, actie.voortgang) == ("in_uitvoering", 40)
    assert (update.voortgang, update.notitie, update.door) == (40, "Eerste overleg.", vitens.bcm)
    with pytest.raises(ValidationError):
        services.registreer_voortgang(actie, status="in_uitvoering", voortgang=101, actor=vitens.bcm)
    with pytest.raises(ValidationError):
        services.registreer_voortgang(
            actie,
            status="in_uitvoering",
            voortgang=50,
            datum=datetime.date.today() + datetime.timedelta(days=2),
            actor=vitens.bcm,
        )


# --- Financing ------------------------------------------------------------------------------------


def test_the_shares_must_add_up_to_the_estimate(vitens) -> None:
    with pytest.raises(ValidationError) as fout:
        vitens.maak_actie(kostenraming=Decimal("1000.00"), aandeel_bedrijf=Decimal("500.00"))
    assert "tellen niet op tot de kostenraming" in fout.value.message_dict["kostenraming"][0]
    assert not Verbeteractie.objects.exists()


def test_existing_capacity_has_no_amounts(vitens) -> None:
    with pytest.raises(ValidationError, match="uit bestaande capaciteit"):
        vitens.maak_actie(uit_bestaande_capaciteit=True)
    actie = vitens.maak_actie(
        uit_bestaande_capaciteit=True, kostenraming=None, aandeel_bedrijf=Decimal(0), aandeel_regio=Decimal(0)
    )
    assert actie.uit_bestaande_capaciteit


def test_amounts_are_not_negative(vitens) -> None:
    with pytest.raises(ValidationError, match="niet negatief"):
        vitens.maak_actie(
            kostenraming=Decimal("100.00"),
            aandeel_bedrijf=Decimal("200.00"),
            aandeel_regio=Decimal("-100.00"),
        )


def test_financing_totals_roll_up_per_party_and_theme(vitens) -> None:
    themas = [a.thema for a in vitens.agenda.afspraken.select_related("thema").order_by("rang")[:2]]
    a = vitens.maak_actie("A", thema=themas[0])
    b = vitens.maak_actie(
        "B",
        thema=themas[1],
        kostenraming=Decimal("250.00"),
        aandeel_bedrijf=Decimal(0),
        aandeel_regio=Decimal(0),
        aandeel_ministerie=Decimal("250.00"),
    )
    c = vitens.maak_actie(
        "C",
        uit_bestaande_capaciteit=True,
        kostenraming=None,
        aandeel_bedrijf=Decimal(0),
        aandeel_regio=Decimal(0),
    )
    totalen = services.financiering([a, b, c])
    assert totalen["totaal"] == Decimal("1250.00")
    assert totalen["per_partij"] == {
        "aandeel_bedrijf": Decimal("600.00"),
        "aandeel_regio": Decimal("400.00"),
        "aandeel_ministerie": Decimal("250.00"),
        "aandeel_overig": Decimal(0),
    }
    assert totalen["per_thema"] == {str(themas[0]): Decimal("1000.00"), str(themas[1]): Decimal("250.00")}
    assert totalen["uit_bestaande_capaciteit"] == 1


# --- Other action rules ---------------------------------------------------------------------------


def test_the_owner_is_a_member_at_the_responsible_organisation(vitens) -> None:
    with pytest.raises(ValidationError) as fout:
        vitens.maak_actie(eigenaar=vitens.buiten)
    assert fout.value.message_dict["eigenaar"] == ["De eigenaar moet lid zijn van het netwerk."]
    with pytest.raises(ValidationError) as fout:
        vitens.maak_actie(eigenaar=vitens.coordinator)  # works at the region, not the kernpartner
    assert "werkt niet bij de verantwoordelijke organisatie" in fout.value.message_dict["eigenaar"][0]


def test_an_edit_on_top_of_a_newer_save_is_refused_with_what_changed(vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    begin = actie.revisie
    services.wijzig_actie(actie, revisie=begin, actor=vitens.bcm, voortgang=30)
    with pytest.raises(Bewerkingsconflict) as conflict:
        services.wijzig_actie(actie, revisie=begin, actor=vitens.coordinator, voortgang=70)
    assert conflict.value.door == str(vitens.bcm)
    assert [(v.veld, v.was, v.nu) for v in conflict.value.verschillen] == [("voortgang (%)", "0", "30")]
    actie.refresh_from_db()
    assert actie.voortgang == 30


def test_a_national_networks_plan_is_the_national_action_plan(db) -> None:
    netwerk = maak_netwerk(slug="landelijk")
    netwerk.landelijk = True
    netwerk.save()
    assert services.zorg_voor_actieplan(netwerk, actor=None).landelijk is True


def test_a_regional_action_links_only_to_an_action_of_the_national_plan(vitens) -> None:
    andere = vitens.maak_actie("Regionaal")
    with pytest.raises(ValidationError) as fout:
        vitens.maak_actie("Koppeling", landelijk_oppakken=True, landelijke_actie=andere)
    assert fout.value.message_dict["landelijke_actie"] == ["Kies een actie uit het nationale actieplan."]
    with pytest.raises(ValidationError, match="landelijk wordt opgepakt"):
        vitens.maak_actie("Koppeling", landelijk_oppakken=False, landelijke_actie=andere)


# --- TLP:RED --------------------------------------------------------------------------------------


def test_a_red_action_is_visible_only_to_its_named_recipients(vitens) -> None:
    gewoon = vitens.maak_actie("Gewoon")
    rood = vitens.maak_actie("Geheim", tlp=TLP.RED, tlp_ontvangers=[vitens.bcm])
    assert set(rood.tlp_ontvangers.all()) == {vitens.bcm, vitens.coordinator}  # the editor stays one
    for persoon, verwacht in [
        (vitens.bcm, {gewoon, rood}),
        (vitens.coordinator, {gewoon, rood}),
        (vitens.waarnemer, {gewoon}),
        (vitens.projectteam, {gewoon}),
        (vitens.buiten, set()),
        (vitens.stuurgroep, set()),
    ]:
        assert set(Verbeteractie.objects.visible_to(persoon)) == verwacht, persoon


def test_red_recipients_are_members_of_the_network(vitens) -> None:
    with pytest.raises(ValidationError) as fout:
        vitens.maak_actie("Geheim", tlp=TLP.RED, tlp_ontvangers=[vitens.buiten])
    assert fout.value.message_dict["tlp_ontvangers"] == ["Ontvangers moeten lid zijn van het netwerk."]
    assert not Verbeteractie.objects.exists()


def test_a_red_action_needs_recipients(vitens) -> None:
    with pytest.raises(ValidationError, match="wie de actie mag zien"):
        services.voeg_actie_toe(
            vitens.plan,
            actor=None,
            titel="Geheim",
            thema=vitens.agenda.afspraken.first().thema,
            tlp=TLP.RED,
        )
