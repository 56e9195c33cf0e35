"""Query counts of the role-description pages do not grow with sections, comments or signatures (§8)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agenda import services
from agenda.models import Besluit, Rolbeschrijving, Thema
from tests.factories import BedrijfFactory, GebruikerFactory, RegioFactory

pytestmark = pytest.mark.django_db

WEINIG, VEEL = 3, 20


def _bouw(aantal: int, *, tot: str = "vastgesteld") -> tuple[Rolbeschrijving, list]:
    """A version with max(8, aantal) theme sections, `aantal` invited regions, answered comments
    and (once adopted) signatures, moved through the lifecycle up to `tot`."""
    regios = [RegioFactory(vr_nummer=n) for n in range(1, 26)]
    for nummer in range(1, max(8, aantal) + 1):
        Thema.objects.get_or_create(nummer=nummer, defaults={"naam": f"Thema {nummer}"})
    rol = services.nieuwe_rolversie(actor=None)
    rol = services.zet_rolstatus(rol, "concept", actor=None)
    services.nodig_uit_voor_consultatie(rol, regios[:aantal], actor=None)
    rol = services.zet_rolstatus(rol, "consultatie", actor=None)
    secties = list(rol.secties.all())
    for i in range(aantal):
        reactie = services.plaats_reactie(
            secties[i % len(secties)],
            tekst=f"Reactie {i}.",
            actor=GebruikerFactory(organisatie=regios[i]),
        )
        if tot != "consultatie" or i % 2:
            services.beantwoord_reactie(reactie, antwoord="deels", motivering="Deels verwerkt.", actor=None)
    if tot == "consultatie":
        return rol, regios
    rol = services.zet_rolstatus(rol, "definitief", actor=None)
    for orgaan in Rolbeschrijving.VASTSTELLENDE_ORGANEN:
        services.leg_rolbesluit_vast(
            rol, orgaan=orgaan, besluit=Besluit.VASTGESTELD, datum=datetime.date(2016, 1, 4), actor=None
        )
    rol = services.zet_rolstatus(rol, "vastgesteld", actor=None)
    for regio in regios[:aantal]:
        services.leg_ondertekening_vast(
            rol,
            veiligheidsregio=regio,
            datum=datetime.date(2016, 2, 1),
            ondertekend_door="Voorzitter",
            actor=None,
        )
    return rol, regios


def _tel(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _projectteam():
    persoon = GebruikerFactory(organisatie=BedrijfFactory())
    persoon.groups.add(Group.objects.get(name="Projectteam"))
    return persoon


@pytest.mark.parametrize("aantal", [WEINIG, VEEL])
def test_the_adopted_version_for_the_project_team_in_constant_queries(client, aantal) -> None:
    rol, _ = _bouw(aantal)
    assert rol.secties.count() == max(8, aantal) + 2 and rol.ondertekeningen.count() == aantal
    client.force_login(_projectteam())
    # session, user (with organisation), user and group permissions (one query), the version,
    # a newer visible version, sections with themes, their comments (organisation, author, answerer),
    # decisions, invited organisations, signatures with regions, the 25 regions
    assert _tel(client, rol.get_absolute_url()) == 11
    # /rolbeschrijving/ shows the same page: the current version instead of the version by number
    assert _tel(client, reverse("agenda:rol_huidig")) == 11


@pytest.mark.parametrize("aantal", [WEINIG, VEEL])
def test_the_adopted_version_for_a_reader_in_constant_queries(client, aantal) -> None:
    rol, _ = _bouw(aantal)
    client.force_login(GebruikerFactory(organisatie=BedrijfFactory()))
    # as for the project team (the reader's permissions are looked up the same way)
    assert _tel(client, rol.get_absolute_url()) == 11


@pytest.mark.parametrize("aantal", [WEINIG, VEEL])
def test_the_consultation_for_an_invited_user_and_the_project_team_in_constant_queries(
    client, aantal
) -> None:
    rol, regios = _bouw(aantal, tot="consultatie")
    client.force_login(GebruikerFactory(organisatie=regios[0]))
    # session, user, user and group permissions (one query), the version, a newer version, sections, comments,
    # decisions, invited organisations (no signatures before adoption)
    assert _tel(client, rol.get_absolute_url()) == 9
    client.force_login(_projectteam())
    assert _tel(client, rol.get_absolute_url()) == 9


@pytest.mark.parametrize("aantal", [WEINIG, VEEL])
def test_the_versions_and_comparison_pages_in_constant_queries(client, aantal) -> None:
    rol, _ = _bouw(aantal)
    services.nieuwe_rolversie(actor=None)
    client.force_login(_projectteam())
    # session, user, user and group permissions (one query), versions with their counts
    assert _tel(client, reverse("agenda:rol_versies")) == 4
    # session, user, user and group permissions (one query), the visible versions, sections of each (with themes)
    assert _tel(client, reverse("agenda:rol_vergelijk")) == 6
