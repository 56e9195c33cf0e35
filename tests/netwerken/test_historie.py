"""History with the acting user and field-level changes on the network's history page (§3, §4)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from netwerken.models import Lidmaatschap
from tests.factories import GebruikerFactory, maak_lid, maak_netwerk

pytestmark = pytest.mark.django_db


def _historie(netwerk) -> str:
    return reverse("netwerken:historie", args=[netwerk.slug])


def test_it_records_who_changed_a_role_and_shows_old_and_new(client) -> None:
    netwerk = maak_netwerk()
    coordinator = maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR)
    lid = maak_lid(netwerk)
    client.force_login(coordinator)
    lidmaatschap = netwerk.lidmaatschappen.get(persoon=lid)
    client.post(reverse("netwerken:lid_rol", args=[netwerk.slug, lidmaatschap.pk]), {"rol": "waarnemer"})
    laatste = lidmaatschap.history.first()
    assert laatste.history_user == coordinator
    assert laatste.rol == "waarnemer"
    pagina = client.get(_historie(netwerk)).content.decode()
    assert f"Lid {lid.naam} gewijzigd" in pagina
    assert "<del>lid</del>" in pagina and "<ins>waarnemer</ins>" in pagina


def test_it_records_the_acting_user_when_a_member_is_added_through_the_page(client) -> None:
    netwerk = maak_netwerk()
    coordinator = maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR)
    nieuw = GebruikerFactory(organisatie=netwerk.kernpartner, naam="Nieuwe Collega")
    client.force_login(coordinator)
    client.post(reverse("netwerken:lid_toevoegen", args=[netwerk.slug]), {"persoon": nieuw.pk, "rol": "lid"})
    rij = Lidmaatschap.history.filter(persoon_id=nieuw.pk).get()
    assert rij.history_type == "+" and rij.history_user == coordinator
    assert "Lid Nieuwe Collega toegevoegd" in client.get(_historie(netwerk)).content.decode()


def test_it_shows_lead_partner_and_contact_changes(client) -> None:
    netwerk = maak_netwerk()
    coordinator = maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR)
    contact = maak_lid(netwerk)
    deelname = netwerk.deelnames.get(organisatie=netwerk.kernpartner)
    client.force_login(coordinator)
    client.post(
        reverse("netwerken:contactpersoon", args=[netwerk.slug, deelname.pk]), {"contactpersoon": contact.pk}
    )
    client.post(reverse("netwerken:leadpartner", args=[netwerk.slug, deelname.pk]), {})
    pagina = client.get(_historie(netwerk)).content.decode()
    assert f"<ins>{contact.naam}</ins>" in pagina
    assert "<del>ja</del>" in pagina and "<ins>nee</ins>" in pagina
    assert deelname.history.first().history_user == coordinator


def test_the_network_page_links_to_its_history(client) -> None:
    netwerk = maak_netwerk()
    client.force_login(maak_lid(netwerk, Lidmaatschap.Rol.WAARNEMER))
    assert f'href="{_historie(netwerk)}"' in client.get(netwerk.get_absolute_url()).content.decode()


def test_the_history_page_requires_login(client) -> None:
    netwerk = maak_netwerk()
    antwoord = client.get(_historie(netwerk))
    assert antwoord.status_code == 302 and "/account/login/" in antwoord["Location"]


def test_an_outsider_gets_404_and_a_waarnemer_reads_it(client) -> None:
    netwerk = maak_netwerk()
    waarnemer = maak_lid(netwerk, Lidmaatschap.Rol.WAARNEMER)
    client.force_login(maak_lid(maak_netwerk(slug="ander-netwerk")))
    assert client.get(_historie(netwerk)).status_code == 404
    client.force_login(waarnemer)
    assert client.get(_historie(netwerk)).status_code == 200


def test_it_refuses_writes(client) -> None:
    netwerk = maak_netwerk()
    client.force_login(maak_lid(netwerk, Lidmaatschap.Rol.COORDINATOR))
    assert client.post(_historie(netwerk)).status_code == 405
