"""The demo loader's example agendas and role description (issue 3, item 9)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from actieplannen.models import Actieplan, Beoordeling
from agenda.demo import laad_agenda_demo
from agenda.models import Agenda, Orgaan, Rolbeschrijving, RolSectie, Thema
from agenda.reports import render_agenda_pdf, render_rolbeschrijving_pdf
from netwerken.models import Gebruiker

pytestmark = pytest.mark.django_db

SECTOREN = ["drinkwater", "elektriciteit", "gas", "olie", "ict-telecom"]


def laad_demo() -> str:
    uitvoer = StringIO()
    call_command("laad_demodata", stdout=uitvoer, stderr=StringIO())
    return uitvoer.getvalue()


@pytest.fixture(scope="module")
def demodata(django_db_setup, django_db_blocker) -> Iterator[str]:
    """Reference and demo data loaded once for this module (see tests/netwerken/test_demodata.py)."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            DEMO_DATA_TOEGESTAAN=True, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
        ),
    ):
        module_transactie = transaction.atomic()
        module_transactie.__enter__()
        call_command("laad_referentiedata", stdout=StringIO())
        uitvoer = laad_demo()
    yield uitvoer
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transactie.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _demo_toegestaan(settings) -> None:
    settings.DEMO_DATA_TOEGESTAAN = True


def tellingen() -> dict[str, int]:
    """Row count of every table of the agenda app, history and many-to-many tables included."""
    return {
        model._meta.db_table: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label == "agenda"
    }


def huidige_agenda(slug: str) -> Agenda:
    return Agenda.objects.select_related("sector").get(sector__slug=slug, huidig=True)


def test_it_reports_what_it_loaded(demodata) -> None:
    assert "Agenda-demo: 5 agenda's aangemaakt" in demodata
    assert "rolbeschrijving aangemaakt (17 van 25 ondertekend)" in demodata


@pytest.mark.parametrize("slug", SECTOREN)
def test_every_sector_has_one_adopted_example_agenda(demodata, slug) -> None:
    agendas = Agenda.objects.filter(sector__slug=slug)
    assert agendas.count() == 1
    agenda = huidige_agenda(slug)

    assert agenda.status == Agenda.Status.VASTGESTELD
    assert agenda.voorbeeld
    assert "Voorbeeldinhoud" in agenda.toelichting
    assert agenda.vastgesteld_op.year == 2016


@pytest.mark.parametrize("slug", SECTOREN)
def test_every_agenda_has_8_to_15_complete_items_over_at_least_5_themes(demodata, slug) -> None:
    afspraken = list(huidige_agenda(slug).afspraken.select_related("thema"))

    assert 8 <= len(afspraken) <= 15
    assert [a.rang for a in afspraken] == list(range(1, len(afspraken) + 1))
    assert len({a.thema.nummer for a in afspraken}) >= 5
    for afspraak in afspraken:
        assert afspraak.titel and afspraak.omschrijving and afspraak.beoogd_resultaat, afspraak.titel
        assert afspraak.omschrijving.count(".") >= 2, afspraak.titel  # two or three sentences
    assert len({a.titel for a in afspraken}) == len(afspraken)


@pytest.mark.parametrize("slug", SECTOREN)
def test_every_agenda_has_its_adoption_record_and_expert_meeting(demodata, slug) -> None:
    agenda = huidige_agenda(slug)

    besluiten = {v.orgaan: v for v in agenda.vaststellingen.all()}
    assert set(besluiten) == {Orgaan.CVI, Orgaan.VEILIGHEIDSBERAAD, Orgaan.MINISTERIE}
    assert all(v.is_positief and v.datum.year == 2016 and v.kenmerk for v in besluiten.values())
    bijeenkomst = agenda.expertbijeenkomsten.get()
    assert bijeenkomst.datum.year == 2016
    assert "Voorbeeldinhoud" in bijeenkomst.samenvatting
    deelnemers = bijeenkomst.deelnemers.splitlines()
    assert len(deelnemers) >= 5
    assert all("Demo" in deelnemer for deelnemer in deelnemers)


def test_the_agendas_are_sector_specific(demodata) -> None:
    titels = {
        slug: " ".join(huidige_agenda(slug).afspraken.values_list("titel", flat=True)) for slug in SECTOREN
    }

    assert "nooddrinkwater" in titels["drinkwater"]
    assert "zorglocaties" in titels["gas"]
    assert "Noodstroom" in titels["elektriciteit"]
    assert "hulpdiensten" in titels["olie"]
    assert "112" in titels["ict-telecom"]
    # the sector's most important agreement heads its top five
    assert (
        huidige_agenda("drinkwater").afspraken.get(rang=1).titel
        == "Distributie van nooddrinkwater aan de bevolking"
    )


def test_the_demo_agendas_were_made_by_the_project_team(demodata) -> None:
    projectteam = Gebruiker.objects.get(email="projectteam@demo.nl")
    agenda = huidige_agenda("gas")

    assert agenda.history.earliest().history_user == projectteam
    assert agenda.history.latest().history_user == projectteam
    assert agenda.vaststellingen.first().vastgelegd_door == projectteam


def test_the_role_description_is_adopted_with_every_section_filled(demodata) -> None:
    rol = Rolbeschrijving.objects.get()

    assert (rol.status, rol.huidig, rol.voorbeeld) == (Rolbeschrijving.Status.VASTGESTELD, True, True)
    themasecties = rol.secties.filter(soort=RolSectie.Soort.THEMA).select_related("thema")
    assert sorted(s.thema.nummer for s in themasecties) == list(range(1, Thema.objects.count() + 1))
    for sectie in themasecties:
        for veld in (
            "definitie",
            "taken",
            "wettelijke_basis",
            "aandachtspunten_ministeries",
            "aandachtspunten_bedrijven",
        ):
            assert getattr(sectie, veld).strip(), (sectie.titel, veld)
        assert "Wvr" in sectie.wettelijke_basis
    for soort in (RolSectie.Soort.INLEIDING, RolSectie.Soort.BURGERPARTICIPATIE):
        assert "Voorbeeldinhoud" in rol.secties.get(soort=soort).tekst


def test_the_role_description_went_through_consultation_and_adoption(demodata) -> None:
    rol = Rolbeschrijving.objects.get()

    assert {"vewin", "netbeheer-nederland", "veiligheidsberaad"} <= set(
        rol.uitgenodigd.values_list("code", flat=True)
    )
    reacties = list(
        rol.secties.values_list("reacties__auteur__email", "reacties__antwoord").exclude(
            reacties__isnull=True
        )
    )
    assert sorted(reacties) == [
        ("adviseur@demo.nl", "deels"),
        ("buiten@demo.nl", "overgenomen"),
        ("ministerie@demo.nl", "niet"),
    ]
    besluiten = {v.orgaan: v.datum for v in rol.vaststellingen.all() if v.is_positief}
    assert set(besluiten) == set(Rolbeschrijving.VASTSTELLENDE_ORGANEN)
    assert besluiten[Orgaan.STUURGROEP].isoformat() == "2015-09-24"
    assert rol.vastgesteld_op.isoformat() == "2015-12-18"


def test_17_of_the_25_safety_regions_signed(demodata) -> None:
    rol = Rolbeschrijving.objects.get()

    ondertekeningen = rol.ondertekeningen.select_related("veiligheidsregio")
    assert ondertekeningen.count() == 17
    assert all(o.datum.year == 2016 and o.datum >= rol.vastgesteld_op for o in ondertekeningen)
    assert 7 not in {o.veiligheidsregio.vr_nummer for o in ondertekeningen}


def test_running_the_loader_again_changes_nothing(demodata) -> None:
    voor = tellingen()

    uitvoer = laad_demo()

    assert tellingen() == voor
    assert "Agenda-demo: 0 agenda's aangemaakt, 5 al aanwezig; rolbeschrijving al aanwezig." in uitvoer


def test_it_leaves_a_sector_with_its_own_agenda_alone(demodata) -> None:
    Agenda.objects.filter(sector__slug="olie").update(voorbeeld=False, toelichting="Eigen agenda.")

    laad_agenda_demo(actor=None)

    assert list(Agenda.objects.filter(sector__slug="olie").values_list("toelichting", flat=True)) == [
        "Eigen agenda."
    ]


def test_it_skips_when_the_themes_are_missing(demodata) -> None:
    # The demo plans assess and act on the demo agendas; remove them first (protected links).
    Actieplan.objects.all().delete()
    Beoordeling.objects.all().delete()
    Agenda.objects.all().delete()
    Thema.objects.filter(nummer=8).update(nummer=80)

    assert "thema's ontbreken" in laad_agenda_demo(actor=None)
    assert not Agenda.objects.exists()


def test_the_demo_documents_render_as_pdf(demodata) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian package poppler-utils) is not installed: cannot read the PDF back")

    def tekst(pdf: bytes) -> str:
        uitvoer = subprocess.run(
            ["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout
        return " ".join(uitvoer.decode().split())

    agenda = tekst(render_agenda_pdf(huidige_agenda("drinkwater")))
    rol = tekst(render_rolbeschrijving_pdf(Rolbeschrijving.objects.get()))

    assert "Distributie van nooddrinkwater aan de bevolking" in agenda
    assert "Voorbeeldinhoud" in agenda
    assert "17 van 25 ondertekend" in rol
    assert "Nog niet ondertekend: Drenthe, Gelderland-Midden" in rol
