"""The starting content (issue 5, item 6) and the example content of the demo."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from menukaart import services
from menukaart.demo import laad_menukaart_demo
from menukaart.models import LoketVraag, MenukaartItem
from menukaart.startinhoud import STARTINHOUD, laad_startinhoud
from netwerken.models import Gebruiker

pytestmark = pytest.mark.django_db


@pytest.fixture
def referentie(settings) -> None:
    settings.DEMO_DATA_TOEGESTAAN = True
    call_command("laad_referentiedata", verbosity=0)


def test_the_starting_content_names_the_instruments_of_the_project_plan(referentie) -> None:
    # laad_referentiedata loads the starting content already; loading again creates nothing.
    assert laad_startinhoud() == "Menukaart: 10 items startinhoud, 0 aangemaakt."
    items = {item.code: item for item in MenukaartItem.objects.prefetch_related("themas", "sectoren")}
    assert set(items) == {inhoud.code for inhoud in STARTINHOUD}
    for item in items.values():
        assert item.status == "gepubliceerd" and not item.voorbeeld and not item.is_verouderd()
        assert item.themas.exists() and item.sectoren.count() == 5, item.code
    assert items["pilot-actieve-regionale-netwerken"].soort == "pilot"
    assert (
        "Vewin" in items["convenanten-herijken"].samenvatting
        and "2011" in items["convenanten-herijken"].samenvatting
    )
    assert items["convenanten-herijken"].organisatie.code == "vewin"
    assert (
        "607697" in items["project-predict"].inhoud and items["project-predict"].organisatie.vr_nummer == 18
    )
    assert (
        items["project-miracle"].organisatie.vr_nummer == 12
        and "Cirint.net" in items["project-miracle"].inhoud
    )
    assert "2010" in items["project-domino"].inhoud
    assert "Landelijke Voorziening Crisisbeheersing" in items["lcms"].inhoud
    assert items["lcms"].organisatie.code == "ifv-nipv"
    assert "Klaver" in items["recipe-good-practices"].inhoud
    assert "cell broadcast" in items["nl-alert"].samenvatting
    assert [t.nummer for t in items["nl-alert"].themas.all()] == [5, 6]


def test_reloading_the_starting_content_keeps_the_curators_work(referentie) -> None:
    laad_startinhoud()
    lcms = MenukaartItem.objects.get(code="lcms")
    services.wijzig_item(lcms, actor=None, titel="LCMS (bijgewerkt door het projectteam)")
    services.archiveer(MenukaartItem.objects.get(code="project-domino"), actor=None)
    assert laad_startinhoud() == "Menukaart: 10 items startinhoud, 0 aangemaakt."
    assert MenukaartItem.objects.get(code="lcms").titel == "LCMS (bijgewerkt door het projectteam)"
    assert MenukaartItem.objects.get(code="project-domino").status == "gearchiveerd"


def test_the_demo_adds_marked_example_content(referentie) -> None:
    call_command("laad_demodata", verbosity=0)
    laad_startinhoud()
    samenvatting = laad_menukaart_demo()
    # laad_demodata loads the demo already; loading again creates nothing.
    assert samenvatting.startswith("Menukaart: 28 voorbeelditems, 0 aangemaakt")
    voorbeelden = MenukaartItem.objects.filter(voorbeeld=True)
    assert 20 <= voorbeelden.count() <= 40
    assert len(set(voorbeelden.values_list("soort", flat=True))) == 6
    assert set(voorbeelden.values_list("themas__nummer", flat=True)) == set(range(1, 9))
    assert set(voorbeelden.values_list("sectoren__slug", flat=True)) == {
        "drinkwater",
        "elektriciteit",
        "gas",
        "olie",
        "ict-telecom",
    }
    voorstellen = voorbeelden.filter(status="voorgesteld")
    assert voorstellen.count() >= 3 and not voorstellen.filter(voorgesteld_door__isnull=True).exists()
    verouderd = MenukaartItem.objects.verouderd()
    assert verouderd.count() >= 3
    assert all(i.laatst_beoordeeld < timezone.localdate() - datetime.timedelta(days=365) for i in verouderd)
    assert LoketVraag.objects.beantwoord().count() >= 3 and LoketVraag.objects.open().exists()
    projectteam = Gebruiker.objects.get(email="projectteam@demo.nl")
    assert set(LoketVraag.objects.beantwoord().values_list("beantwoord_door", flat=True)) == {projectteam.pk}
    # Create-only: a second run adds nothing.
    assert laad_menukaart_demo() == "Menukaart: 28 voorbeelditems, 0 aangemaakt; 0 loketvragen aangemaakt."


def test_the_demo_accounts_find_the_content(client, referentie) -> None:
    call_command("laad_demodata", verbosity=0)
    laad_startinhoud()
    laad_menukaart_demo()
    bcm = Gebruiker.objects.get(email="bcm@demo.nl")
    zichtbaar = MenukaartItem.objects.visible_to(bcm).gepubliceerd()
    assert zichtbaar.zoek("fietsen").filter(code="demo-fietskoeriers").exists()
    assert zichtbaar.zoek("financiele").filter(code="demo-financiele-afspraken").exists()
    assert zichtbaar.zoek('"noodwater distributie"').filter(code="demo-noodwater-distributie").exists()
    assert not zichtbaar.filter(code="demo-kwetsbare-locaties").exists()  # TLP:RED
    client.force_login(bcm)
    assert client.get("/menukaart/", {"q": "LCMS"}).context["pagina"].object_list[0].code == "lcms"
