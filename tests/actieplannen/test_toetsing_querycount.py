"""Query counts of the toetsing do not grow with the number of agenda items and assessments (§8)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actieplannen import services
from agenda import services as agenda_services
from agenda.models import Besluit, Orgaan, Thema

pytestmark = pytest.mark.django_db

STATUSSEN = ("geregeld", "deels", "open", "niet_relevant")


def _beoordeel_alles(vitens) -> None:
    """Assess every current item (all four statuses), and make actions of the open and partial ones."""
    stand = services.toetsingsstand(vitens.netwerk)
    for i, afspraak in enumerate(stand.afspraken):
        services.beoordeel(
            vitens.netwerk, afspraak, status=STATUSSEN[i % 4], toelichting=f"Uitleg {i}.", actor=vitens.bcm
        )
    beoordelingen = vitens.netwerk.beoordelingen.all()
    services.maak_acties_uit_beoordelingen(vitens.netwerk, list(beoordelingen)[:-2], actor=vitens.bcm)


def _tot_twintig_afspraken(vitens) -> None:
    """Adopt version 2 with 14 more items (20 in all) and assess them against it."""
    agenda = agenda_services.nieuwe_agendaversie(vitens.agenda.sector, actor=None)
    themas = list(Thema.objects.all())
    for i in range(14):
        agenda_services.voeg_afspraak_toe(
            agenda, thema=themas[i % 8], titel=f"Extra afspraak {i}", actor=None
        )
    agenda_services.leg_agenda_voor(agenda, actor=None)
    agenda_services.leg_agendabesluit_vast(
        agenda, orgaan=Orgaan.CVI, besluit=Besluit.VASTGESTELD, datum=datetime.date(2017, 1, 1), actor=None
    )
    agenda_services.stel_agenda_vast(agenda, actor=None)
    _beoordeel_alles(vitens)


def _tel(verzoek, url: str, **extra) -> tuple[int, str]:
    """Queries of one request (`client.get` or `client.post`) and its content."""
    with CaptureQueriesContext(connection) as queries:
        response = verzoek(url, **extra)
        assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_toetsing_page_takes_the_same_queries_for_6_and_20_items(client, vitens) -> None:
    url = reverse("actieplannen:toetsing", args=[vitens.netwerk.slug])
    client.force_login(vitens.bcm)
    _beoordeel_alles(vitens)
    weinig, html = _tel(client.get, url)
    assert "6</span> van 6 beoordeeld" in html
    _tot_twintig_afspraken(vitens)
    veel, html = _tel(client.get, url)
    assert "20</span> van 20 beoordeeld" in html
    # session, user, the user's and his groups' global permissions in one (visibility), the
    # network, his and his groups' object permissions on it in one (may he edit?), its sectors, the current agendas,
    # their items (with theme and sector), the network's assessments (with the assessed version and
    # the assessor), the actions made from them (with "may he see it", for TLP:RED)
    assert weinig == veel == 10


def test_the_htmx_save_takes_the_same_queries_for_6_and_20_items(client, vitens) -> None:
    client.force_login(vitens.bcm)
    _beoordeel_alles(vitens)

    def opslaan() -> int:
        afspraak = services.toetsingsstand(vitens.netwerk).afspraken[0]
        url = reverse("actieplannen:beoordeel", args=[vitens.netwerk.slug, afspraak.sleutel])
        aantal, html = _tel(
            client.post, url, data={"status": "open", "toelichting": "Toch open."}, HTTP_HX_REQUEST="true"
        )
        assert "opgeslagen: open." in html
        return aantal

    weinig = opslaan()
    _tot_twintig_afspraken(vitens)
    veel = opslaan()
    # session, user, global permissions (1), the network, object permissions (1), the item;
    # the save: savepoint, the item read again with its agenda, "is it of the network's sectors",
    # the locked assessment, update, history row, release; then the re-rendered item and progress:
    # sectors, current agendas, items, assessments, actions
    assert weinig == veel == 18
