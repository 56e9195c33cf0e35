"""The demo loader: refused unless allowed, idempotent, and the personas of §1 with their rights (§4)."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import override_settings

from actieplannen.models import Verbeteractie
from netwerken.models import Deelname, Gebruiker, Lidmaatschap, Netwerk

pytestmark = pytest.mark.django_db

DEMO_ACCOUNTS = [
    "beheerder@demo.nl",
    "projectteam@demo.nl",
    "stuurgroep@demo.nl",
    "adviseur@demo.nl",
    "bcm@demo.nl",
    "waarnemer@demo.nl",
    "buiten@demo.nl",
    "ministerie@demo.nl",
]


def laad_demo() -> str:
    uitvoer = StringIO()
    call_command("laad_demodata", stdout=uitvoer, stderr=StringIO())
    return uitvoer.getvalue()


@pytest.fixture(scope="module")
def demodata(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Reference and demo data loaded once for this module, like Django's `setUpTestData`.

    The load runs in a transaction that stays open while the module runs; each test runs in a
    savepoint inside it and rolls back to the loaded state, and the module rolls back to empty.
    """
    # The suite's fast hasher (tests/conftest.py) is only set per test; hash the demo passwords with it too.
    with (
        django_db_blocker.unblock(),
        override_settings(
            DEMO_DATA_TOEGESTAAN=True, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
        ),
    ):
        module_transactie = transaction.atomic()
        module_transactie.__enter__()
        call_command("laad_referentiedata", stdout=StringIO())
        laad_demo()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transactie.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _demo_toegestaan(settings) -> None:
    settings.DEMO_DATA_TOEGESTAAN = True


def tellingen() -> dict[str, int]:
    """Row count of every table of the portal's apps, history and many-to-many tables included."""
    return {
        model._meta.db_table: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in {"netwerken", "auth", "guardian"}
    }


def persoon(email: str) -> Gebruiker:
    return Gebruiker.objects.select_related("organisatie").get(email=email)


def lidmaatschappen(email: str) -> dict[str, str]:
    return dict(Lidmaatschap.objects.filter(persoon__email=email).values_list("netwerk__slug", "rol"))


def test_it_refuses_without_demo_data_toegestaan(demodata, settings) -> None:
    settings.DEMO_DATA_TOEGESTAAN = False
    Verbeteractie.objects.filter(eigenaar__email="bcm@demo.nl").delete()  # protected link to the owner
    Gebruiker.objects.filter(email="bcm@demo.nl").delete()
    voor = tellingen()

    with pytest.raises(CommandError, match="niet toegestaan"):
        call_command("laad_demodata", stdout=StringIO())

    assert tellingen() == voor
    assert not Gebruiker.objects.filter(email="bcm@demo.nl").exists()


def test_it_asks_for_the_reference_data_first(demodata) -> None:
    Netwerk.objects.all().delete()

    with pytest.raises(CommandError, match="laad_referentiedata"):
        call_command("laad_demodata", stdout=StringIO())


def test_it_changes_nothing_when_run_twice(demodata) -> None:
    voor = tellingen()

    uitvoer = laad_demo()

    assert tellingen() == voor
    assert "0 aangemaakt" in uitvoer


def test_it_prints_where_to_log_in(demodata) -> None:
    uitvoer = laad_demo()

    assert "/account/login/" in uitvoer
    assert "demo-portaal" in uitvoer
    for email in DEMO_ACCOUNTS:
        assert email in uitvoer


def test_it_keeps_a_changed_password_on_reload(demodata) -> None:
    bcm = persoon("bcm@demo.nl")
    bcm.set_password("eigen-wachtwoord-123")
    bcm.save()

    laad_demo()

    assert persoon("bcm@demo.nl").check_password("eigen-wachtwoord-123")


@pytest.mark.parametrize("email", DEMO_ACCOUNTS)
def test_it_lets_every_demo_account_log_in(client, demodata, email) -> None:
    assert client.login(email=email, password="demo-portaal")


def test_it_makes_the_national_accounts(demodata) -> None:
    beheerder = persoon("beheerder@demo.nl")
    assert (beheerder.is_superuser, beheerder.is_staff, beheerder.organisatie.code) == (
        True,
        True,
        "ifv-nipv",
    )

    projectteam = persoon("projectteam@demo.nl")
    assert (projectteam.is_projectteam, projectteam.is_superuser, projectteam.organisatie.code) == (
        True,
        False,
        "ifv-nipv",
    )

    stuurgroep = persoon("stuurgroep@demo.nl")
    assert (stuurgroep.is_stuurgroep, stuurgroep.is_projectteam) == (True, False)
    assert stuurgroep.organisatie.code == "veiligheidsberaad"

    ministerie = persoon("ministerie@demo.nl")
    assert ministerie.organisatie.code == "min-jenv"
    assert lidmaatschappen("ministerie@demo.nl") == {"landelijk": "coordinator"}


def test_it_gives_every_account_a_fictional_name_and_a_function(demodata) -> None:
    for gebruiker in Gebruiker.objects.all():
        assert "Demo" in gebruiker.naam, gebruiker.email
        assert gebruiker.functie, gebruiker.email


def test_it_builds_the_vitens_network_around_the_personas(demodata) -> None:
    assert persoon("adviseur@demo.nl").organisatie.code == "vr04"
    assert persoon("bcm@demo.nl").organisatie.code == "vitens"
    assert persoon("waarnemer@demo.nl").organisatie.code == "vr06"
    assert lidmaatschappen("adviseur@demo.nl") == {"drinkwater-vitens": Lidmaatschap.Rol.COORDINATOR}
    assert lidmaatschappen("bcm@demo.nl") == {"drinkwater-vitens": Lidmaatschap.Rol.LID}
    assert lidmaatschappen("waarnemer@demo.nl") == {"drinkwater-vitens": Lidmaatschap.Rol.WAARNEMER}

    deelnames = Deelname.objects.filter(netwerk__slug="drinkwater-vitens")
    assert deelnames.get(organisatie__code="vitens").contactpersoon == persoon("bcm@demo.nl")
    assert deelnames.get(coordinerend=True).organisatie.code == "vr04"  # Vitens' head office Zwolle


def test_it_puts_buiten_in_the_evides_network_only(demodata) -> None:
    buiten = persoon("buiten@demo.nl")
    assert buiten.organisatie.code == "evides"
    assert lidmaatschappen("buiten@demo.nl") == {"drinkwater-evides": Lidmaatschap.Rol.LID}
    assert list(Netwerk.objects.visible_to(buiten).values_list("slug", flat=True)) == ["drinkwater-evides"]
    evides = Netwerk.objects.get(slug="drinkwater-evides")
    assert evides.lidmaatschappen.filter(rol=Lidmaatschap.Rol.COORDINATOR).exists()


def test_it_gives_every_network_a_coordinator_at_its_coordinating_region(demodata) -> None:
    for netwerk in Netwerk.objects.filter(landelijk=False):
        regio = netwerk.deelnames.get(coordinerend=True).organisatie
        coordinatoren = netwerk.lidmaatschappen.filter(rol=Lidmaatschap.Rol.COORDINATOR).select_related(
            "persoon"
        )
        assert [c.persoon.organisatie_id for c in coordinatoren] == [regio.pk], netwerk.slug


def test_it_makes_the_ministry_coordinator_of_the_national_network(demodata) -> None:
    landelijk = Netwerk.objects.get(landelijk=True)
    lid = landelijk.lidmaatschappen.select_related("persoon__organisatie").get()
    assert (lid.persoon.email, lid.rol, lid.persoon.organisatie.code) == (
        "ministerie@demo.nl",
        "coordinator",
        "min-jenv",
    )
    assert landelijk.deelnames.get(organisatie__code="min-jenv").contactpersoon == lid.persoon


def test_it_grants_object_permissions_that_follow_the_roles(demodata) -> None:
    vitens = Netwerk.objects.get(slug="drinkwater-vitens")
    bcm, waarnemer, buiten = persoon("bcm@demo.nl"), persoon("waarnemer@demo.nl"), persoon("buiten@demo.nl")

    assert bcm.has_perm("netwerken.view_netwerk", vitens)
    assert bcm.has_perm("netwerken.change_netwerk", vitens)
    assert not bcm.has_perm("netwerken.beheer_netwerk", vitens)
    assert waarnemer.has_perm("netwerken.view_netwerk", vitens)
    assert not waarnemer.has_perm("netwerken.change_netwerk", vitens)
    assert not buiten.has_perm("netwerken.view_netwerk", vitens)
    assert not buiten.has_perm("netwerken.change_netwerk", vitens)
    assert persoon("adviseur@demo.nl").has_perm("netwerken.beheer_netwerk", vitens)
