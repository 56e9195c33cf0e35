"""Deriving a network's safety regions from the kernpartner's werkgebied (§3)."""

from __future__ import annotations

import pytest

from netwerken import services
from netwerken.models import NetwerkRegio
from tests.factories import GemeenteFactory, RegioFactory, maak_netwerk

pytestmark = pytest.mark.django_db


@pytest.fixture
def gebied() -> dict:
    noord, midden, zuid = RegioFactory(vr_nummer=1), RegioFactory(vr_nummer=2), RegioFactory(vr_nummer=3)
    return {
        "noord": (noord, [GemeenteFactory(veiligheidsregio=noord) for _ in range(3)]),
        "midden": (midden, [GemeenteFactory(veiligheidsregio=midden) for _ in range(4)]),
        "zuid": (zuid, [GemeenteFactory(veiligheidsregio=zuid) for _ in range(2)]),
    }


def test_it_derives_full_and_partial_regions_from_gemeenten(gebied) -> None:
    netwerk = maak_netwerk(regio=gebied["noord"][0])
    netwerk.kernpartner.werkgebied.set(gebied["noord"][1] + gebied["midden"][1][:1])
    regios = {r.veiligheidsregio.vr_nummer: r for r in services.leid_regios_af(netwerk, actor=None)}
    assert set(regios) == {1, 2}
    assert (regios[1].dekking, regios[1].gemeenten_in_werkgebied, regios[1].gemeenten_totaal) == (
        "volledig",
        3,
        3,
    )
    assert (regios[2].dekking, regios[2].gemeenten_in_werkgebied, regios[2].gemeenten_totaal) == (
        "deels",
        1,
        4,
    )


def test_it_keeps_hand_adjustments_when_deriving_again(gebied) -> None:
    netwerk = maak_netwerk(regio=gebied["noord"][0])
    netwerk.kernpartner.werkgebied.set(gebied["noord"][1] + gebied["midden"][1][:1])
    services.leid_regios_af(netwerk, actor=None)
    services.pas_regio_aan(netwerk, gebied["midden"][0], opgenomen=False, actor=None)
    services.pas_regio_aan(netwerk, gebied["zuid"][0], opgenomen=True, actor=None)
    services.leid_regios_af(netwerk, actor=None)
    regios = {r.veiligheidsregio.vr_nummer: r for r in netwerk.regios.all()}
    assert regios[2].opgenomen is False and regios[2].handmatig is True
    assert regios[3].opgenomen is True and regios[3].dekking == NetwerkRegio.Dekking.GEEN
    assert list(
        netwerk.regios.filter(opgenomen=True).values_list("veiligheidsregio__vr_nummer", flat=True)
    ) == [1, 3]


def test_it_drops_derived_regions_that_left_the_werkgebied(gebied) -> None:
    netwerk = maak_netwerk(regio=gebied["noord"][0])
    netwerk.kernpartner.werkgebied.set(gebied["noord"][1] + gebied["zuid"][1])
    services.leid_regios_af(netwerk, actor=None)
    netwerk.kernpartner.werkgebied.set(gebied["noord"][1])
    services.leid_regios_af(netwerk, actor=None)
    assert list(netwerk.regios.values_list("veiligheidsregio__vr_nummer", flat=True)) == [1]


def test_it_refuses_a_hand_adjustment_with_a_company(gebied) -> None:
    from django.core.exceptions import ValidationError

    netwerk = maak_netwerk(regio=gebied["noord"][0])
    with pytest.raises(ValidationError, match="geen veiligheidsregio"):
        services.pas_regio_aan(netwerk, netwerk.kernpartner, opgenomen=True, actor=None)
