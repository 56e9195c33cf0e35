"""The plan page, the action pages and inline editing, as members use them (§5 Actieplan)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from actieplannen import services
from actieplannen.models import TLP, Actieplan, Instemming, Mijlpaal, Verbeteractie, Voortgangsupdate
from agenda.models import Thema
from netwerken import services as netwerk_services
from netwerken.models import Lidmaatschap
from tests.factories import maak_lid, maak_netwerk

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(naam: str, vitens, *args) -> str:
    return reverse(f"actieplannen:{naam}", args=[vitens.netwerk.slug, *args])


def tekst(response) -> str:
    """The response's HTML with whitespace collapsed, for readable assertions."""
    return re.sub(r"\s+", " ", response.content.decode())


def _themas(vitens) -> list[Thema]:
    return list(Thema.objects.filter(afspraken__agenda=vitens.agenda).distinct().order_by("nummer"))


def _actievelden(vitens, **extra) -> dict:
    velden = {
        "titel": "Noodwater voor zorginstellingen",
        "omschrijving": "Afspraken over voorrang.",
        "thema": _themas(vitens)[0].pk,
        "organisatie": vitens.netwerk.kernpartner.pk,
        "eigenaar": vitens.bcm.pk,
        "startdatum": "2026-01-01",
        "einddatum": "2026-12-31",
        "status": "niet_gestart",
        "voortgang": "0",
        "kostenraming": "1000,50",
        "aandeel_bedrijf": "600,50",
        "aandeel_regio": "400",
        "aandeel_ministerie": "0",
        "aandeel_overig": "0",
        "tlp": "amber",
    }
    return velden | extra


# --- The plan page --------------------------------------------------------------------------------


def test_the_plan_page_groups_actions_by_theme_in_theme_order(client, vitens) -> None:
    een, twee = _themas(vitens)[:2]
    vitens.maak_actie("Tweede thema", thema=twee)
    vitens.maak_actie("Eerste thema", thema=een, einddatum=datetime.date(2020, 1, 1))
    client.force_login(vitens.bcm)
    response = client.get(url("plan", vitens))
    assert response.status_code == 200
    html = tekst(response)
    koppen = [html.index(f'id="thema-{thema.nummer}"') for thema in (een, twee)]
    assert koppen[0] < html.index("Eerste thema") < koppen[1] < html.index("Tweede thema")
    assert [t for t, _ in response.context["groepen"]] == [een, twee]
    assert "te laat" in html  # the first one is overdue
    assert vitens.bcm.naam in html and str(vitens.netwerk.kernpartner) in html
    assert 'class="voortgang" max="100" value="0"' in html
    assert "Concept" in html or "concept" in html
    assert "TLP:AMBER" in html


def test_the_plan_page_filters_are_kept_in_the_url(client, vitens) -> None:
    een, twee = _themas(vitens)[:2]
    vitens.maak_actie("Van Vitens", thema=een)
    vitens.maak_actie(
        "Van de regio", thema=twee, organisatie=vitens.regio, eigenaar=vitens.coordinator, status="vertraagd"
    )
    vitens.maak_actie("Te laat", thema=twee, einddatum=datetime.date(2020, 1, 1))
    client.force_login(vitens.bcm)

    def titels(**filters) -> list[str]:
        response = client.get(url("plan", vitens), filters)
        return [a.titel for _, acties in response.context["groepen"] for a in acties]

    assert titels(mijn="on") == ["Van Vitens", "Te laat"]
    assert titels(te_laat="on") == ["Te laat"]
    assert titels(status="vertraagd") == ["Van de regio"]
    assert titels(thema=twee.nummer) == ["Te laat", "Van de regio"]
    assert titels(thema="999") == ["Van Vitens", "Te laat", "Van de regio"]  # an unknown theme: no filter
    html = tekst(client.get(url("plan", vitens), {"mijn": "on", "status": "vertraagd"}))
    assert 'id="id_mijn" checked' in html and '<option value="vertraagd" selected>' in html
    assert "0 van 3 acties getoond" in html


def test_the_plan_page_shows_financing_totals_per_party_and_theme(client, vitens) -> None:
    een, twee = _themas(vitens)[:2]
    vitens.maak_actie("A", thema=een)
    vitens.maak_actie(
        "B",
        thema=twee,
        kostenraming=Decimal("1234.50"),
        aandeel_bedrijf=Decimal(0),
        aandeel_regio=Decimal(0),
        aandeel_ministerie=Decimal("1234.50"),
    )
    client.force_login(vitens.waarnemer)
    html = tekst(client.get(url("plan", vitens)))
    assert "€ 2.234,50" in html  # total
    assert "€ 1.234,50" in html and "€ 600,00" in html and "€ 400,00" in html
    assert str(twee) in html


def test_the_coordinator_submits_and_sees_the_services_refusal(client, vitens) -> None:
    client.force_login(vitens.coordinator)
    response = client.post(url("indienen", vitens), follow=True)
    assert "Een actieplan zonder verbeteracties kan niet worden ingediend." in tekst(response)
    vitens.maak_actie("Zonder eigenaar", eigenaar=None)
    response = client.post(url("indienen", vitens), follow=True)
    assert "Nog niet compleet: Zonder eigenaar." in tekst(response)
    Verbeteractie.objects.all().delete()
    vitens.maak_actie("Compleet")
    response = client.post(url("indienen", vitens), follow=True)
    assert "Versie 1 van het actieplan ligt ter instemming" in tekst(response)
    assert Actieplan.objects.get(pk=vitens.plan.pk).status == Actieplan.Status.TER_INSTEMMING


def test_only_the_coordinator_sees_the_submit_button(client, vitens) -> None:
    client.force_login(vitens.bcm)
    assert "Plan indienen" not in tekst(client.get(url("plan", vitens)))
    client.force_login(vitens.coordinator)
    assert "Plan indienen" in tekst(client.get(url("plan", vitens)))


def test_the_contact_person_consents_and_the_panel_shows_it(client, vitens) -> None:
    vitens.maak_actie()
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    client.force_login(vitens.bcm)
    html = tekst(client.get(url("plan", vitens)))
    assert "0 van 2" in html and "nog geen besluit" in html
    assert "U spreekt zich uit namens <strong>" in html
    kernpartner = vitens.netwerk.kernpartner
    response = client.post(
        url("instemming", vitens), {"organisatie": kernpartner.pk, "besluit": "instemming"}, follow=True
    )
    html = tekst(response)
    assert f"{kernpartner} stemt in met versie 1." in html
    assert "1 van 2" in html and "stemt in" in html
    assert response.context["instemming_form"] is None  # nothing left to decide for him


def test_a_coordinator_records_an_objection_on_behalf_and_the_panel_says_so(client, vitens) -> None:
    vitens.maak_actie()
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    client.force_login(vitens.coordinator)
    kernpartner = vitens.netwerk.kernpartner
    response = client.post(
        url("instemming", vitens),
        {"organisatie": kernpartner.pk, "besluit": "bezwaar", "reden": ""},
        follow=True,
    )
    assert "Geef de reden van het bezwaar." in tekst(response)
    response = client.post(
        url("instemming", vitens),
        {"organisatie": kernpartner.pk, "besluit": "bezwaar", "reden": "De planning is te krap."},
        follow=True,
    )
    html = tekst(response)
    assert "maakt bezwaar" in html and "„De planning is te krap.”" in html
    assert f"vastgelegd door de coördinator namens {kernpartner}" in html
    assert Instemming.objects.get().namens is True


def test_a_member_who_is_no_contact_gets_the_services_refusal(client, vitens) -> None:
    vitens.maak_actie()
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    collega = maak_lid(vitens.netwerk, Lidmaatschap.Rol.LID)
    client.force_login(collega)
    assert client.get(url("plan", vitens)).context["instemming_form"] is None
    response = client.post(
        url("instemming", vitens),
        {"organisatie": vitens.netwerk.kernpartner.pk, "besluit": "instemming"},
        follow=True,
    )
    assert "Alleen de contactpersoon van" in tekst(response)
    assert not Instemming.objects.exists()


def test_all_consents_adopt_the_plan_and_a_material_change_reopens_it_visibly(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    client.force_login(vitens.coordinator)
    client.post(url("instemming", vitens), {"organisatie": vitens.regio.pk, "besluit": "instemming"})
    response = client.post(
        url("instemming", vitens),
        {"organisatie": vitens.netwerk.kernpartner.pk, "besluit": "instemming"},
        follow=True,
    )
    assert "het actieplan is vastgesteld" in tekst(response)
    services.wijzig_actie(actie, revisie=actie.revisie, actor=vitens.bcm, eigenaar=None)
    html = tekst(client.get(url("plan", vitens)))
    assert "De instemming is heropend" in html
    assert "Actie „Nooddrinkwater”: eigenaar gewijzigd." in html
    assert "Versie 2" in html


def test_the_plan_page_links_to_the_other_plan_pages(client, vitens) -> None:
    client.force_login(vitens.bcm)
    html = tekst(client.get(url("plan", vitens)))
    for naam in (
        "actie_nieuw",
        "historie",
        "export_pdf",
        "export_excel",
        "importeer",
        "toetsing",
        "plan_bewerken",
    ):
        assert f'href="{url(naam, vitens)}"' in html, naam
    client.force_login(vitens.waarnemer)
    html = tekst(client.get(url("plan", vitens)))
    assert url("actie_nieuw", vitens) not in html and url("importeer", vitens) not in html
    assert url("export_pdf", vitens) in html


def test_a_red_action_is_absent_from_the_plan_page_for_others(client, vitens) -> None:
    vitens.maak_actie("Openbaar")
    vitens.maak_actie("Geheime locatie", tlp=TLP.RED, tlp_ontvangers=[vitens.bcm])
    for persoon, ziet in [(vitens.bcm, True), (vitens.waarnemer, False), (vitens.projectteam, False)]:
        client.force_login(persoon)
        html = tekst(client.get(url("plan", vitens)))
        assert "Openbaar" in html
        assert ("Geheime locatie" in html) is ziet, persoon
        assert (client.get(url("historie", vitens)).content.decode().count("Geheime locatie") > 0) is ziet


def test_the_plan_fields_are_edited_with_their_revision(client, vitens) -> None:
    client.force_login(vitens.bcm)
    response = client.get(url("plan_bewerken", vitens))
    assert response.status_code == 200 and 'name="revisie"' in tekst(response)
    response = client.post(
        url("plan_bewerken", vitens),
        {
            "titel": "Actieplan Vitens 2026",
            "toelichting": "Na de toetsing.",
            "tlp": "green",
            "revisie": vitens.plan.revisie,
        },
    )
    assert response.status_code == 302
    vitens.plan.refresh_from_db()
    assert (vitens.plan.titel, vitens.plan.tlp) == ("Actieplan Vitens 2026", "green")
    response = client.post(
        url("plan_bewerken", vitens), {"titel": "", "tlp": "green", "revisie": vitens.plan.revisie}
    )
    assert response.status_code == 200 and "Dit veld is verplicht" in tekst(response)


# --- Inline editing -------------------------------------------------------------------------------


def test_inline_get_gives_the_rows_form_and_cancel_gives_the_row_back(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    client.force_login(vitens.bcm)
    html = tekst(client.get(url("actie_inline", vitens, actie.pk), **HTMX))
    assert html.lstrip().startswith("<tbody") and f'id="actie-{actie.pk}"' in html
    assert f'name="revisie" value="{actie.revisie}"' in html
    assert "keyup[key=='Escape']" in html and "Annuleren" in html
    html = tekst(client.get(url("actie_inline", vitens, actie.pk) + "?annuleer=1", **HTMX))
    assert 'name="revisie"' not in html and "Nooddrinkwater" in html and "Wijzig" in html


def test_inline_post_saves_and_returns_the_updated_row(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    client.force_login(vitens.bcm)
    response = client.post(
        url("actie_inline", vitens, actie.pk),
        {
            "status": "in_uitvoering",
            "voortgang": "40",
            "eigenaar": vitens.bcm.pk,
            "startdatum": "2026-02-01",
            "einddatum": "2027-06-30",
            "revisie": actie.revisie,
        },
        **HTMX,
    )
    assert response.status_code == 200
    html = tekst(response)
    assert 'value="40"' in html and "40%" in html and "in uitvoering" in html and "Opgeslagen" in html
    assert "HX-Refresh" not in response
    actie.refresh_from_db()
    assert (actie.status, actie.voortgang, actie.startdatum) == (
        "in_uitvoering",
        40,
        datetime.date(2026, 2, 1),
    )
    assert actie.history.first().history_user == vitens.bcm


def test_inline_without_javascript_redirects_to_the_plan(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    client.force_login(vitens.bcm)
    page = client.get(url("actie_inline", vitens, actie.pk))
    assert page.status_code == 200 and "<html" in page.content.decode()  # a page of its own
    response = client.post(
        url("actie_inline", vitens, actie.pk),
        {
            "status": "gereed",
            "voortgang": "100",
            "eigenaar": vitens.bcm.pk,
            "einddatum": "2027-06-30",
            "revisie": actie.revisie,
        },
    )
    assert response.status_code == 302 and response["Location"] == f"{url('plan', vitens)}#actie-{actie.pk}"
    actie.refresh_from_db()
    assert actie.status == "gereed"


def test_inline_refuses_bad_input_with_422_and_keeps_it(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    client.force_login(vitens.bcm)
    response = client.post(
        url("actie_inline", vitens, actie.pk),
        {"status": "gereed", "voortgang": "150", "einddatum": "2027-06-30", "revisie": actie.revisie},
        **HTMX,
    )
    assert response.status_code == 422
    html = tekst(response)
    assert 'value="150"' in html and "hoogstens 100" in html
    response = client.post(
        url("actie_inline", vitens, actie.pk),
        {
            "status": "gereed",
            "voortgang": "50",
            "eigenaar": vitens.bcm.pk,
            "startdatum": "2027-07-01",
            "einddatum": "2027-06-30",
            "revisie": actie.revisie,
        },
        **HTMX,
    )
    assert response.status_code == 422 and "De einddatum ligt voor de startdatum." in tekst(response)
    actie.refresh_from_db()
    assert (actie.status, actie.voortgang) == ("niet_gestart", 0)


def test_inline_owner_choices_are_members_at_the_responsible_organisation(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    client.force_login(vitens.bcm)
    form = client.get(url("actie_inline", vitens, actie.pk), **HTMX).context["form"]
    assert set(form.fields["eigenaar"].queryset) == {vitens.bcm, vitens.waarnemer}


def test_a_material_inline_change_reloads_the_page_to_show_reopened_consent(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    client.force_login(vitens.bcm)
    response = client.post(
        url("actie_inline", vitens, actie.pk),
        {
            "status": "niet_gestart",
            "voortgang": "0",
            "eigenaar": vitens.bcm.pk,
            "einddatum": "2027-12-31",
            "revisie": actie.revisie,
        },
        **HTMX,
    )
    assert response.status_code == 200 and response["HX-Refresh"] == "true"
    html = tekst(client.get(url("plan", vitens)))
    assert "Dit was een wezenlijke wijziging" in html and "einddatum gewijzigd" in html


# --- Action pages ---------------------------------------------------------------------------------


def test_a_member_adds_an_action_with_all_its_fields(client, vitens) -> None:
    client.force_login(vitens.bcm)
    response = client.get(url("actie_nieuw", vitens))
    form = response.context["form"]
    assert set(form.fields["eigenaar"].queryset) == {vitens.coordinator, vitens.bcm, vitens.waarnemer}
    assert set(form.fields["organisatie"].queryset) == {vitens.regio, vitens.netwerk.kernpartner}
    assert set(form.fields["afspraak"].queryset) == set(vitens.agenda.afspraken.all())
    response = client.post(
        url("actie_nieuw", vitens), _actievelden(vitens, afspraak=vitens.agenda.afspraken.first().pk)
    )
    actie = Verbeteractie.objects.get()
    assert response.status_code == 302 and response["Location"] == url("actie", vitens, actie.pk)
    assert actie.kostenraming == Decimal("1000.50") and actie.aandeel_bedrijf == Decimal("600.50")
    assert actie.eigenaar == vitens.bcm and actie.einddatum == datetime.date(2026, 12, 31)
    assert actie.afspraak == vitens.agenda.afspraken.first()


def test_a_new_action_whose_shares_do_not_add_up_is_refused_and_nothing_is_stored(client, vitens) -> None:
    client.force_login(vitens.bcm)
    response = client.post(url("actie_nieuw", vitens), _actievelden(vitens, aandeel_regio="100"))
    assert response.status_code == 200
    assert "tellen niet op tot de kostenraming" in tekst(response)
    assert "€ 700,50" in tekst(response)
    assert not Verbeteractie.objects.exists()


def test_a_red_action_gets_its_recipients_from_the_form(client, vitens) -> None:
    client.force_login(vitens.bcm)
    response = client.post(
        url("actie_nieuw", vitens), _actievelden(vitens, tlp="red", tlp_ontvangers=[vitens.coordinator.pk])
    )
    assert response.status_code == 302
    actie = Verbeteractie.objects.get()
    assert set(actie.tlp_ontvangers.all()) == {vitens.coordinator, vitens.bcm}
    client.force_login(vitens.waarnemer)
    assert client.get(url("actie", vitens, actie.pk)).status_code == 404


def test_an_action_links_to_an_action_of_the_national_plan(client, vitens) -> None:
    landelijk_netwerk = maak_netwerk(slug="landelijk")
    landelijk_netwerk.landelijk = True
    landelijk_netwerk.save()
    netwerk_services.voeg_deelnemer_toe(
        landelijk_netwerk, vitens.netwerk.kernpartner, "vitale_partner", actor=None
    )
    netwerk_services.voeg_lid_toe(landelijk_netwerk, vitens.bcm, Lidmaatschap.Rol.LID, actor=None)
    nationaal = services.zorg_voor_actieplan(landelijk_netwerk, actor=None)
    landelijke_actie = services.voeg_actie_toe(
        nationaal, actor=None, titel="Landelijke prioritering noodwater", thema=_themas(vitens)[0]
    )
    actie = vitens.maak_actie("Regionaal noodwater")
    client.force_login(vitens.bcm)
    form = client.get(url("actie_bewerken", vitens, actie.pk)).context["form"]
    assert list(form.fields["landelijke_actie"].queryset) == [landelijke_actie]
    velden = _actievelden(
        vitens,
        titel="Regionaal noodwater",
        landelijk_oppakken="on",
        landelijke_actie=landelijke_actie.pk,
        revisie=actie.revisie,
    )
    assert client.post(url("actie_bewerken", vitens, actie.pk), velden).status_code == 302
    actie.refresh_from_db()
    assert actie.landelijke_actie == landelijke_actie
    html = tekst(client.get(url("actie", vitens, actie.pk)))
    assert "Landelijke prioritering noodwater" in html and "nationale actieplan" in html
    # the national action lists the regional one
    html = tekst(client.get(reverse("actieplannen:actie", args=["landelijk", landelijke_actie.pk])))
    assert "Regionaal noodwater" in html
    # a member of Vitens who is not in the national network sees the link but not the title
    client.force_login(vitens.coordinator)
    html = tekst(client.get(url("actie", vitens, actie.pk)))
    assert "gekoppeld aan een actie in het nationale actieplan" in html
    assert "Landelijke prioritering noodwater" not in html


def test_the_action_page_shows_financing_milestones_timeline_and_history(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    services.voeg_mijlpaal_toe(
        actie, datum=datetime.date(2026, 3, 1), omschrijving="Draaiboek klaar", actor=vitens.bcm
    )
    services.registreer_voortgang(
        actie, status="in_uitvoering", voortgang=25, notitie="Gestart.", actor=vitens.bcm
    )
    client.force_login(vitens.waarnemer)
    response = client.get(url("actie", vitens, actie.pk))
    html = tekst(response)
    assert "€ 1.000,00" in html and "€ 600,00" in html
    assert "Draaiboek klaar" in html and "Markeer als gereed" not in html  # a waarnemer reads
    assert "Gestart." in html and "25%" in html and vitens.bcm.naam in html
    assert "<del>0</del>" in html and "<ins>25</ins>" in html  # field-level history
    assert response.context["voortgang_form"] is None


def test_a_member_edits_the_whole_action(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    client.force_login(vitens.bcm)
    response = client.get(url("actie_bewerken", vitens, actie.pk))
    assert f'name="revisie" value="{actie.revisie}"' in tekst(response)
    velden = _actievelden(
        vitens,
        titel="Nooddrinkwater 2.0",
        uit_bestaande_capaciteit="on",
        kostenraming="",
        aandeel_bedrijf="",
        aandeel_regio="",
        revisie=actie.revisie,
    )
    response = client.post(url("actie_bewerken", vitens, actie.pk), velden)
    assert response.status_code == 302
    actie.refresh_from_db()
    assert (
        actie.titel == "Nooddrinkwater 2.0" and actie.uit_bestaande_capaciteit and actie.kostenraming is None
    )


def test_a_member_deletes_an_action(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    client.force_login(vitens.bcm)
    response = client.post(
        url("actie_verwijderen", vitens, actie.pk), {"revisie": actie.revisie}, follow=True
    )
    html = tekst(response)
    assert "is verwijderd" in html and "Actie „Nooddrinkwater” verwijderd." in html
    assert not Verbeteractie.objects.exists()


def test_deleting_without_the_revision_is_refused(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    client.force_login(vitens.bcm)
    response = client.post(url("actie_verwijderen", vitens, actie.pk), {"revisie": "x"}, follow=True)
    assert "De versie van het formulier ontbreekt" in tekst(response)
    assert Verbeteractie.objects.exists()


def test_progress_is_registered_on_the_timeline(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    client.force_login(vitens.bcm)
    vandaag = datetime.date.today().isoformat()
    response = client.post(
        url("actie_voortgang", vitens, actie.pk),
        {
            "status": "in_uitvoering",
            "voortgang": "60",
            "datum": vandaag,
            "notitie": "Oefening gehouden.",
            "revisie": actie.revisie,
        },
        follow=True,
    )
    assert "De voortgang is vastgelegd: 60%." in tekst(response)
    update = Voortgangsupdate.objects.get()
    assert (update.voortgang, update.door, update.notitie) == (60, vitens.bcm, "Oefening gehouden.")
    response = client.post(
        url("actie_voortgang", vitens, actie.pk),
        {"status": "in_uitvoering", "voortgang": "70", "datum": "2999-01-01", "revisie": actie.revisie + 1},
    )
    assert response.status_code == 422 and "niet in de toekomst" in tekst(response)
    assert Voortgangsupdate.objects.count() == 1


def test_milestones_are_added_and_marked_done(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    client.force_login(vitens.bcm)
    response = client.post(
        url("mijlpaal", vitens, actie.pk), {"datum": "2026-05-01", "omschrijving": "Oefening"}
    )
    assert response.status_code == 302
    mijlpaal = Mijlpaal.objects.get()
    assert (
        client.post(url("mijlpaal_gereed", vitens, actie.pk, mijlpaal.pk), {"gereed": "1"}).status_code == 302
    )
    mijlpaal.refresh_from_db()
    assert mijlpaal.gereed
    client.post(url("mijlpaal_gereed", vitens, actie.pk, mijlpaal.pk), {"gereed": "0"})
    mijlpaal.refresh_from_db()
    assert not mijlpaal.gereed
    response = client.post(url("mijlpaal", vitens, actie.pk), {"datum": "", "omschrijving": ""})
    assert response.status_code == 422 and Mijlpaal.objects.count() == 1


def test_a_milestone_of_another_action_is_not_found(client, vitens) -> None:
    een, twee = vitens.maak_actie("Een"), vitens.maak_actie("Twee")
    mijlpaal = services.voeg_mijlpaal_toe(een, datum=datetime.date(2026, 1, 1), omschrijving="M", actor=None)
    client.force_login(vitens.bcm)
    assert (
        client.post(url("mijlpaal_gereed", vitens, twee.pk, mijlpaal.pk), {"gereed": "1"}).status_code == 404
    )


def test_the_plan_history_shows_who_changed_which_field(client, vitens) -> None:
    actie = vitens.maak_actie("Nooddrinkwater")
    services.wijzig_actie(
        actie, revisie=actie.revisie, actor=vitens.bcm, voortgang=30, status="in_uitvoering"
    )
    services.dien_in(vitens.plan, actor=vitens.coordinator)
    services.spreek_uit(vitens.plan, organisatie=vitens.regio, besluit="instemming", actor=vitens.coordinator)
    client.force_login(vitens.waarnemer)
    html = tekst(client.get(url("historie", vitens)))
    assert f"<strong>{vitens.bcm.naam}</strong>: Actie „Nooddrinkwater” gewijzigd" in html
    assert (
        'Voortgang (%)</th><td class="utrecht-table__cell"><del>0</del></td><td class="utrecht-table__cell"><ins>30</ins>'
        in html
    )
    assert "Actieplan gewijzigd" in html and "<ins>ter instemming</ins>" in html
    assert f"Besluit „stemt in” van {vitens.regio} over versie 1 toegevoegd" in html
