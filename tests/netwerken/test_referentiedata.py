"""The reference-data loader: what it loads, the derived networks (§3), and that a reload changes nothing."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from netwerken import services
from netwerken.management.commands.laad_referentiedata import REFERENTIE_MAP
from netwerken.models import Deelname, Gemeente, Netwerk, NetwerkRegio, Organisatie, Sector

pytestmark = pytest.mark.django_db


def laad() -> str:
    uitvoer = StringIO()
    call_command("laad_referentiedata", stdout=uitvoer)
    return uitvoer.getvalue()


@pytest.fixture(scope="module")
def referentiedata(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Loaded once for this module, like Django's `setUpTestData`.

    The load runs in a transaction that stays open while the module runs; each test runs in a
    savepoint inside it and rolls back to the loaded state, and the module rolls back to empty.
    """
    with django_db_blocker.unblock():
        module_transactie = transaction.atomic()
        module_transactie.__enter__()
        laad()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transactie.__exit__(None, None, None)


def rijen_per_tabel() -> dict[str, int]:
    """Row count of every table of the portal's apps, history and many-to-many tables included."""
    tellingen = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in {"netwerken", "auth", "guardian"}:
            tellingen[model._meta.db_table] = model._default_manager.count()
    return tellingen


def test_it_loads_the_25_safety_regions_342_gemeenten_and_5_sectors(referentiedata) -> None:
    assert Organisatie.objects.veiligheidsregios().count() == 25
    assert Gemeente.objects.count() == 342
    assert list(Sector.objects.values_list("slug", "naam")) == [
        ("drinkwater", "Drinkwater"),
        ("elektriciteit", "Elektriciteit"),
        ("gas", "Gas"),
        ("olie", "Olie"),
        ("ict-telecom", "ICT & telecom"),
    ]


def test_it_names_the_safety_regions_as_the_wet_veiligheidsregios_does(referentiedata) -> None:
    ijsselland = Organisatie.objects.get(code="vr04")
    assert (ijsselland.vr_nummer, ijsselland.naam, ijsselland.korte_naam) == (
        4,
        "Veiligheidsregio IJsselland",
        "IJsselland",
    )
    assert Organisatie.objects.get(code="vr10").naam == "Veiligheidsregio Noord-Holland-Noord"
    assert [r.vr_nummer for r in Organisatie.objects.veiligheidsregios()] == list(range(1, 26))


def test_it_puts_every_gemeente_in_its_safety_region(referentiedata) -> None:
    zwolle = Gemeente.objects.select_related("veiligheidsregio").get(cbs_code="GM0193")
    assert (zwolle.naam, zwolle.provincie, zwolle.veiligheidsregio.code) == ("Zwolle", "Overijssel", "vr04")
    assert Gemeente.objects.filter(veiligheidsregio__code="vr09").count() == 26


def test_it_makes_a_network_per_drinking_water_company_and_active_grid_operator(referentiedata) -> None:
    assert Netwerk.objects.filter(sectoren__slug="drinkwater", landelijk=False).count() == 10
    energie = Netwerk.objects.filter(slug__startswith="elektriciteit-gas-")
    assert energie.count() == 6
    for netwerk in energie:
        assert sorted(netwerk.sectoren.values_list("slug", flat=True)) == ["elektriciteit", "gas"]
    vitens = Netwerk.objects.get(slug="drinkwater-vitens")
    assert (vitens.naam, vitens.kernpartner.code) == ("Drinkwater Vitens", "vitens")
    assert Netwerk.objects.get(slug="elektriciteit-gas-liander").naam == "Elektriciteit en gas Liander"
    assert Netwerk.objects.count() == 17  # and the national network of the national action plan


def test_it_makes_the_national_network_with_the_ministries(referentiedata) -> None:
    landelijk = Netwerk.objects.get(slug="landelijk")
    assert landelijk.landelijk and landelijk.kernpartner is None
    assert landelijk.sectoren.count() == 5
    codes = set(landelijk.deelnames.values_list("organisatie__code", flat=True))
    assert {"min-jenv", "min-ienw", "min-kgg", "min-ez", "veiligheidsberaad", "cvi", "nctv"} == codes


def test_it_keeps_enduris_inactive_and_without_a_network(referentiedata) -> None:
    enduris = Organisatie.objects.get(code="enduris")
    assert enduris.actief is False
    assert not Netwerk.objects.filter(kernpartner=enduris).exists()


def test_it_loads_ministries_and_bodies_but_no_systems_or_projects(referentiedata) -> None:
    actieve_ministeries = Organisatie.objects.filter(soort=Organisatie.Soort.MINISTERIE, actief=True)
    assert sorted(actieve_ministeries.values_list("korte_naam", flat=True)) == ["EZ", "IenW", "JenV", "KGG"]
    assert set(
        Organisatie.objects.filter(soort=Organisatie.Soort.MINISTERIE, actief=False).values_list(
            "korte_naam", flat=True
        )
    ) == {"EZ (2015)", "I&M (2015)", "V&J (2015)"}
    assert set(
        Organisatie.objects.filter(soort=Organisatie.Soort.OVERIG).values_list("korte_naam", flat=True)
    ) == {
        "Veiligheidsberaad",
        "CVI",
        "NCTV",
        "IFV/NIPV",
        "NCSC",
        "RDI",
        "Vewin",
        "Netbeheer Nederland",
        "VEMOBIN",
        "COVA",
    }
    assert not Organisatie.objects.filter(code__in=["nl-alert", "lcms", "ghor", "domino", "tlp"]).exists()


def test_it_loads_the_companies_with_their_sectors(referentiedata) -> None:
    def sectoren(code: str) -> list[str]:
        return sorted(Organisatie.objects.get(code=code).sectoren.values_list("slug", flat=True))

    assert sectoren("tennet") == ["elektriciteit"]
    assert sectoren("gts") == ["gas"]
    assert sectoren("shell-pernis") == ["olie"]
    telecom = Organisatie.objects.filter(sectoren__slug="ict-telecom", soort=Organisatie.Soort.VITALE_PARTNER)
    assert sorted(telecom.values_list("korte_naam", flat=True)) == ["C2000", "KPN", "Odido", "VodafoneZiggo"]
    assert Organisatie.objects.get(code="gunvor-rotterdam").actief is False  # refinery closed in 2024


def test_it_changes_nothing_when_run_twice(referentiedata) -> None:
    voor = rijen_per_tabel()

    uitvoer = laad()

    assert rijen_per_tabel() == voor  # no duplicates and no history rows either
    assert "niets gewijzigd" in uitvoer


def test_it_restores_a_changed_name_and_werkgebied_on_reload(referentiedata) -> None:
    vitens = Organisatie.objects.get(code="vitens")
    vitens.naam = "Verkeerd"
    vitens.save()
    vitens.werkgebied.remove(Gemeente.objects.get(naam="Meppel"))

    uitvoer = laad()

    vitens.refresh_from_db()
    assert vitens.naam == "Vitens"
    assert vitens.werkgebied.filter(naam="Meppel").exists()
    assert "Bijgewerkt" in uitvoer


def test_it_keeps_a_region_excluded_by_hand_on_reload(referentiedata) -> None:
    netwerk = Netwerk.objects.get(slug="drinkwater-waternet")
    stichtse_vecht_regio = Organisatie.objects.get(code="vr09")
    Deelname.objects.filter(netwerk=netwerk, organisatie=stichtse_vecht_regio).delete()
    services.pas_regio_aan(netwerk, stichtse_vecht_regio, False, actor=None)

    laad()

    regio = netwerk.regios.get(veiligheidsregio=stichtse_vecht_regio)
    assert (regio.handmatig, regio.opgenomen) == (True, False)
    assert not Deelname.objects.filter(netwerk=netwerk, organisatie=stichtse_vecht_regio).exists()


def test_it_gives_every_network_exactly_one_coordinating_region(referentiedata) -> None:
    assert not Netwerk.objects.get(landelijk=True).deelnames.filter(coordinerend=True).exists()
    for netwerk in Netwerk.objects.filter(landelijk=False):
        netwerk.valideer_deelnames()
        coordinerend = netwerk.deelnames.filter(coordinerend=True)
        assert coordinerend.count() == 1, netwerk.slug
        assert coordinerend.get().organisatie.is_veiligheidsregio


def test_it_derives_the_vitens_regions_8_full_and_2_partial(referentiedata) -> None:
    regios = NetwerkRegio.objects.filter(netwerk__slug="drinkwater-vitens").select_related("veiligheidsregio")

    assert regios.count() == 10
    assert regios.filter(dekking=NetwerkRegio.Dekking.VOLLEDIG).count() == 8
    deels = {
        r.veiligheidsregio.code: (r.gemeenten_in_werkgebied, r.gemeenten_totaal)
        for r in regios.filter(dekking=NetwerkRegio.Dekking.DEELS)
    }
    assert deels == {"vr03": (2, 12), "vr14": (2, 6)}  # Meppel, Westerveld; Hilversum, Wijdemeren


# slug: (regions, of which full, coordinating region, regions-side lead partner)
NETWERKEN = {
    "drinkwater-waterbedrijf-groningen": (1, 1, "vr01", None),
    "drinkwater-wmd": (1, 0, "vr03", None),
    "drinkwater-vitens": (10, 8, "vr04", "vr04"),
    "drinkwater-pwn": (5, 3, "vr12", "vr12"),  # head office Velserbroek lies in Velsen
    "drinkwater-waternet": (3, 0, "vr13", None),
    "drinkwater-dunea": (2, 0, "vr15", None),
    "drinkwater-oasen": (4, 0, "vr16", "vr16"),
    "drinkwater-evides": (5, 2, "vr17", "vr17"),
    "drinkwater-brabant-water": (3, 2, "vr21", None),
    "drinkwater-wml": (2, 2, "vr24", None),
    "elektriciteit-gas-liander": (11, 10, "vr07", "vr07"),
    "elektriciteit-gas-stedin": (7, 4, "vr17", "vr17"),
    "elektriciteit-gas-enexis": (9, 6, "vr21", "vr21"),
    "elektriciteit-gas-westland-infra": (1, 0, "vr15", None),  # head office Poeldijk lies in Westland
    "elektriciteit-gas-coteq": (1, 0, "vr05", None),
    "elektriciteit-gas-rendo": (2, 0, "vr03", None),
}


@pytest.mark.parametrize(("slug", "verwacht"), NETWERKEN.items())
def test_it_derives_regions_coordination_and_lead_partners_per_network(
    referentiedata, slug, verwacht
) -> None:
    netwerk = Netwerk.objects.get(slug=slug)
    regios = netwerk.regios.all()
    deelnames = netwerk.deelnames.select_related("organisatie")
    coordinerend = deelnames.get(coordinerend=True).organisatie.code
    regio_lead = deelnames.filter(zijde=Deelname.Zijde.REGIOS, leadpartner=True).first()

    assert (
        regios.count(),
        regios.filter(dekking=NetwerkRegio.Dekking.VOLLEDIG).count(),
        coordinerend,
        regio_lead.organisatie.code if regio_lead else None,
    ) == verwacht
    # Every included region takes part as veiligheidsregio; the kernpartner leads the companies' side.
    assert set(
        deelnames.filter(rol=Deelname.Rol.VEILIGHEIDSREGIO).values_list("organisatie_id", flat=True)
    ) == set(regios.values_list("veiligheidsregio_id", flat=True))
    kernpartner = deelnames.get(rol=Deelname.Rol.KERNPARTNER)
    assert (kernpartner.organisatie_id, kernpartner.leadpartner) == (netwerk.kernpartner_id, True)


def test_it_adds_tennet_and_gts_to_every_energy_network_without_leading(referentiedata) -> None:
    for netwerk in Netwerk.objects.filter(slug__startswith="elektriciteit-gas-"):
        landelijk = netwerk.deelnames.filter(organisatie__code__in=["tennet", "gts"])
        assert set(landelijk.values_list("rol", "leadpartner")) == {(Deelname.Rol.VITALE_PARTNER, False)}, (
            netwerk.slug
        )
        assert landelijk.count() == 2
    assert not Deelname.objects.filter(netwerk__slug="drinkwater-vitens", organisatie__code="tennet").exists()


def test_it_lists_only_existing_gemeenten_in_werkgebied_deels() -> None:
    with (REFERENTIE_MAP / "gemeenten.csv").open(encoding="utf-8") as bestand:
        gemeenten = {rij["gemeentecode"]: rij for rij in csv.DictReader(bestand)}
    with (REFERENTIE_MAP / "werkgebied_deels.csv").open(encoding="utf-8") as bestand:
        rijen = list(csv.DictReader(bestand))

    assert rijen
    for rij in rijen:
        codes = rij["gemeentecodes"].split(";")
        assert [gemeenten[code]["gemeentenaam"] for code in codes] == rij["gemeentenamen"].split(";"), rij
        assert {gemeenten[code]["vr_code"] for code in codes} == {rij["vr_code"]}, rij
        assert rij["toelichting"], rij


def test_it_loads_every_gemeente_of_werkgebied_deels(referentiedata) -> None:
    with (REFERENTIE_MAP / "werkgebied_deels.csv").open(encoding="utf-8") as bestand:
        codes = {code for rij in csv.DictReader(bestand) for code in rij["gemeentecodes"].split(";")}
    assert Gemeente.objects.filter(cbs_code__in=codes).count() == len(codes)
