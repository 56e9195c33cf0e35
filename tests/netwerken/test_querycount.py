"""Query counts of the network pages do not grow with the data (§8)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netwerken import services
from netwerken.models import Lidmaatschap
from tests.factories import (
    BedrijfFactory,
    GebruikerFactory,
    GemeenteFactory,
    RegioFactory,
    maak_lid,
    maak_netwerk,
)

pytestmark = pytest.mark.django_db


def _vul(aantal: int, coordinator) -> None:
    """`aantal` networks the coordinator belongs to, each with members, regions and history."""
    for i in range(aantal):
        regio = RegioFactory(vr_nummer=i % 25 + 1)
        netwerk = maak_netwerk(slug=f"net-{aantal}-{i}", regio=regio)
        netwerk.kernpartner.werkgebied.set([GemeenteFactory(veiligheidsregio=regio)])
        services.leid_regios_af(netwerk, actor=None)
        services.voeg_lid_toe(
            netwerk, _persoon_bij(netwerk, coordinator), Lidmaatschap.Rol.COORDINATOR, actor=None
        )
        maak_lid(netwerk)


def _persoon_bij(netwerk, persoon):
    """The coordinator's organisation must take part in every network."""
    if not netwerk.deelnames.filter(organisatie=persoon.organisatie).exists():
        services.voeg_deelnemer_toe(netwerk, persoon.organisatie, "overig", actor=None)
    return persoon


def _tel(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def coordinator():
    return GebruikerFactory(organisatie=BedrijfFactory(naam="Koepel"))


def test_it_lists_networks_in_constant_queries(client, coordinator) -> None:
    client.force_login(coordinator)
    _vul(3, coordinator)
    weinig = _tel(client, reverse("netwerken:lijst"))
    _vul(27, coordinator)  # 30 networks in all, one page of 20
    veel = _tel(client, reverse("netwerken:lijst"))
    # session, user with organisation and roles, global perms (his own and his groups' in one),
    # sector choices, region choices, count, page of networks, their sectors, their regions
    assert weinig == veel == 9


def test_it_shows_a_network_in_constant_queries(client, coordinator) -> None:
    client.force_login(coordinator)
    netwerk = maak_netwerk(slug="drinkwater-groot", regio=RegioFactory(vr_nummer=4))
    services.voeg_deelnemer_toe(netwerk, coordinator.organisatie, "overig", actor=None)
    services.voeg_lid_toe(netwerk, coordinator, Lidmaatschap.Rol.COORDINATOR, actor=None)
    for _ in range(3):
        maak_lid(netwerk)
    weinig = _tel(client, netwerk.get_absolute_url())
    historie = reverse("netwerken:historie", args=[netwerk.slug])
    weinig_historie = _tel(client, historie)
    for i in range(27):
        regio = RegioFactory(vr_nummer=i % 20 + 5)
        if not netwerk.deelnames.filter(organisatie=regio).exists():
            services.voeg_deelnemer_toe(netwerk, regio, "veiligheidsregio", actor=None)
        lid = maak_lid(netwerk, organisatie=regio)
        services.wijzig_rol(
            netwerk.lidmaatschappen.get(persoon=lid), Lidmaatschap.Rol.WAARNEMER, actor=coordinator
        )
    veel = _tel(client, netwerk.get_absolute_url())
    # session, user with his roles, global perms (his own and his groups' in one), the network
    # with its kernpartner, object perms (his own and his groups' in one), regions,
    # participants, members, sectors, the action plan, the network's next meetings,
    # open invitations, candidate members
    assert weinig == veel == 13
    # The history page: session, user, global perms, the network, 4 history sources,
    # history labels (organisations, people).
    assert weinig_historie == _tel(client, historie) == 10


def test_it_shows_my_overview_in_constant_queries(client, coordinator) -> None:
    client.force_login(coordinator)
    _vul(3, coordinator)
    weinig = _tel(client, reverse("mijn_overzicht"))
    _vul(10, coordinator)
    assert _tel(client, reverse("mijn_overzicht")) == weinig
