"""My reminder settings (`/monitoring/herinneringen/`): every logged-in user switches reminder kinds
on and off for himself; changes are kept with who made them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from monitoring.models import Herinneringsafmelding, Herinneringssoort
from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db

S = Herinneringssoort
URL = "/monitoring/herinneringen/"


@pytest.fixture
def persoon(client):
    gebruiker = GebruikerFactory(naam="Petra Persoon")
    client.force_login(gebruiker)
    return gebruiker


def afgemeld(gebruiker) -> set[str]:
    return set(Herinneringsafmelding.objects.filter(gebruiker=gebruiker).values_list("soort", flat=True))


def test_the_url_is_named():
    assert reverse("monitoring:herinneringen") == URL


def test_it_requires_login(client):
    antwoord = client.get(URL)
    assert antwoord.status_code == 302 and antwoord["Location"].startswith("/account/login/")
    assert client.post(URL, {"aan": []}).status_code == 302
    assert not Herinneringsafmelding.objects.exists()


def test_it_shows_every_kind_switched_on_by_default(client, persoon):
    pagina = client.get(URL).content.decode()

    assert pagina.count('type="checkbox" name="aan"') == len(S.values) == 6
    assert pagina.count(" checked") == 6
    for soort in S:
        assert str(soort.label) in pagina
        assert f'aria-describedby="id_aan_{S.values.index(soort.value)}_uitleg"' in pagina
    assert "alle herinneringen staan aan" in pagina
    # The page header links here on every page.
    assert f'href="{URL}"' in client.get("/").content.decode()


def test_it_switches_kinds_off_and_on_with_a_message_and_history(client, persoon):
    aan = [s for s in S.values if s not in (S.ACTIE_TERMIJN, S.RAPPORT)]

    antwoord = client.post(URL, {"aan": aan}, follow=True)

    assert antwoord.redirect_chain == [(URL, 302)]
    pagina = antwoord.content.decode()
    assert "Uw keuzes zijn opgeslagen. U ontvangt 4 van de 6 soorten herinneringen." in pagina
    assert afgemeld(persoon) == {S.ACTIE_TERMIJN, S.RAPPORT}
    assert pagina.count(" checked") == 4
    assert f"„{S.RAPPORT.label}” uitgezet" in pagina
    assert "door <strong>uzelf</strong>" in pagina

    pagina = client.post(URL, {"aan": [*aan, S.RAPPORT]}, follow=True).content.decode()

    assert afgemeld(persoon) == {S.ACTIE_TERMIJN}
    assert f"„{S.RAPPORT.label}” weer aangezet" in pagina
    assert pagina.index("weer aangezet") < pagina.index("uitgezet")  # newest first
    assert Herinneringsafmelding.history.filter(gebruiker_id=persoon.pk, history_user=persoon).count() == 3


def test_saving_without_changes_says_so(client, persoon):
    pagina = client.post(URL, {"aan": S.values}, follow=True).content.decode()
    assert "Er was niets gewijzigd." in pagina
    assert not Herinneringsafmelding.objects.exists()


def test_everything_can_be_switched_off(client, persoon):
    client.post(URL, {})
    assert afgemeld(persoon) == set(S.values)


def test_an_unknown_kind_is_refused_and_nothing_is_stored(client, persoon):
    antwoord = client.post(URL, {"aan": ["spam"]})

    assert antwoord.status_code == 200
    assert "Er is een probleem" in antwoord.content.decode()
    assert not Herinneringsafmelding.objects.exists()


def test_only_get_and_post_are_allowed(client, persoon):
    assert client.put(URL).status_code == 405
    assert client.delete(URL).status_code == 405


def test_it_shows_and_changes_only_my_own_settings(client, persoon):
    ander = GebruikerFactory(naam="Anton Ander")
    Herinneringsafmelding.objects.create(gebruiker=ander, soort=S.INSTEMMING)

    pagina = client.get(URL).content.decode()
    assert pagina.count(" checked") == 6 and "Anton Ander" not in pagina

    client.post(URL, {"aan": []})
    assert afgemeld(ander) == {S.INSTEMMING}


def test_a_change_by_an_administrator_is_shown_with_his_name(client, persoon, admin_user):
    from continuiteit.historie import bewaar

    bewaar(Herinneringsafmelding(gebruiker=persoon, soort=S.BIJEENKOMST), admin_user)

    pagina = client.get(URL).content.decode()
    assert f"„{S.BIJEENKOMST.label}” uitgezet" in pagina
    assert f"door <strong>{admin_user}</strong>" in pagina


def test_the_page_runs_a_fixed_number_of_queries(client, persoon, django_assert_num_queries):
    client.post(URL, {"aan": [S.INSTEMMING]})
    client.post(URL, {"aan": [S.INSTEMMING, S.RAPPORT, S.BIJEENKOMST]})
    assert Herinneringsafmelding.history.filter(gebruiker_id=persoon.pk).count() == 7

    # session, user (with his roles for the menu), opt-outs, history with its actors
    with django_assert_num_queries(4):
        assert client.get(URL).status_code == 200
