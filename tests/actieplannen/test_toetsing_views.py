"""The toetsing pages (§4, §5): who may read and write, the htmx and plain paths, Dutch messages."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from actieplannen import services
from actieplannen.models import Beoordeling, Verbeteractie
from agenda.models import Agenda
from tests.factories import SectorFactory, maak_netwerk

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _afspraken(vitens) -> list:
    return list(vitens.agenda.afspraken.order_by("rang"))


def _url_pagina(vitens) -> str:
    return reverse("actieplannen:toetsing", args=[vitens.netwerk.slug])


def _url_beoordeel(vitens, afspraak) -> str:
    return reverse("actieplannen:beoordeel", args=[vitens.netwerk.slug, afspraak.sleutel])


def _url_acties(vitens) -> str:
    return reverse("actieplannen:toetsing_acties", args=[vitens.netwerk.slug])


def _schrijfacties(vitens) -> list[tuple[str, str, dict]]:
    """(name, url, POST data) of every write on the toetsing."""
    eerste = _afspraken(vitens)[0]
    beoordeling = services.beoordeel(
        vitens.netwerk, _afspraken(vitens)[1], status="open", toelichting="Nog niets.", actor=vitens.bcm
    )
    return [
        ("beoordeel", _url_beoordeel(vitens, eerste), {"status": "geregeld", "toelichting": ""}),
        ("maak_acties", _url_acties(vitens), {"beoordeling": [beoordeling.pk]}),
    ]


def _meldingen(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- Permissions ----------------------------------------------------------------------------------


def test_it_requires_login_for_every_toetsing_view(client, vitens) -> None:
    response = client.get(_url_pagina(vitens))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    for naam, url, data in _schrijfacties(vitens):
        response = client.post(url, data)
        assert response.status_code == 302, naam
        assert response.url.startswith(reverse("login")), naam


@pytest.mark.parametrize("wie", ["buiten", "stuurgroep"])
def test_it_hides_the_toetsing_from_outsiders_with_404(client, vitens, wie) -> None:
    schrijfacties = _schrijfacties(vitens)
    client.force_login(getattr(vitens, wie))
    assert client.get(_url_pagina(vitens)).status_code == 404
    for naam, url, data in schrijfacties:
        assert client.post(url, data).status_code == 404, naam
        assert client.post(url, data, **HTMX).status_code == 404, naam
    assert Beoordeling.objects.count() == 1 and not Verbeteractie.objects.exists()


@pytest.mark.parametrize("wie", ["waarnemer", "projectteam"])
def test_it_lets_readers_read_without_forms_and_refuses_their_writes_with_403(client, vitens, wie) -> None:
    schrijfacties = _schrijfacties(vitens)
    client.force_login(getattr(vitens, wie))
    response = client.get(_url_pagina(vitens))
    assert response.status_code == 200
    html = response.content.decode()
    assert "U kunt deze toetsing lezen" in html
    assert "<form" not in html.split('id="inhoud"')[1]  # no forms in the content (logout is in the header)
    assert 'name="beoordeling"' not in html
    assert "Nog niets." in html  # the explanation is readable
    for naam, url, data in schrijfacties:
        assert client.post(url, data).status_code == 403, naam
        assert client.post(url, data, **HTMX).status_code == 403, naam
    assert Beoordeling.objects.count() == 1 and not Verbeteractie.objects.exists()


def test_it_rejects_get_on_the_writes_with_405(client, vitens) -> None:
    client.force_login(vitens.bcm)
    for naam, url, _data in _schrijfacties(vitens):
        assert client.get(url).status_code == 405, naam


def test_it_rejects_post_on_the_page_with_405(client, vitens) -> None:
    client.force_login(vitens.bcm)
    assert client.post(_url_pagina(vitens)).status_code == 405


@pytest.mark.parametrize("wie", ["bcm", "coordinator"])
def test_it_shows_members_who_may_edit_a_form_per_item(client, vitens, wie) -> None:
    client.force_login(getattr(vitens, wie))
    html = client.get(_url_pagina(vitens)).content.decode()
    for afspraak in _afspraken(vitens):
        assert f'id="afspraak-{afspraak.sleutel}"' in html
        assert f'hx-post="{_url_beoordeel(vitens, afspraak)}"' in html
    assert "0</span> van 6 beoordeeld" in html
    assert "U kunt deze toetsing lezen" not in html


# --- Assessing without JavaScript -----------------------------------------------------------------


def test_it_saves_an_assessment_and_redirects_to_the_item(client, vitens) -> None:
    afspraak = _afspraken(vitens)[2]
    client.force_login(vitens.bcm)
    response = client.post(
        _url_beoordeel(vitens, afspraak), {"status": "open", "toelichting": "Nog geen afspraken."}
    )
    assert response.status_code == 302
    assert response.url == f"{_url_pagina(vitens)}?opgeslagen={afspraak.sleutel}#afspraak-{afspraak.sleutel}"
    assert _meldingen(response) == [f"Beoordeling van „{afspraak.titel}” opgeslagen: open."]
    beoordeling = Beoordeling.objects.get()
    assert (beoordeling.status, beoordeling.toelichting, beoordeling.beoordeeld_door) == (
        "open",
        "Nog geen afspraken.",
        vitens.bcm,
    )
    assert beoordeling.history.first().history_user == vitens.bcm
    pagina = client.get(response.url).content.decode()
    assert "1</span> van 6 beoordeeld" in pagina
    assert "Beoordeling opgeslagen." in pagina


def test_it_shows_a_missing_explanation_at_the_item_and_stores_nothing(client, vitens) -> None:
    afspraak = _afspraken(vitens)[0]
    client.force_login(vitens.bcm)
    response = client.post(_url_beoordeel(vitens, afspraak), {"status": "deels", "toelichting": "  "})
    assert response.status_code == 200
    html = response.content.decode()
    assert "De beoordeling is niet opgeslagen." in html
    assert f'href="#afspraak-{afspraak.sleutel}"' in html
    assert "Licht toe waarom deze afspraak deels is." in html
    assert 'aria-invalid="true"' in html
    assert not Beoordeling.objects.exists()


def test_it_asks_for_a_status(client, vitens) -> None:
    client.force_login(vitens.bcm)
    response = client.post(_url_beoordeel(vitens, _afspraken(vitens)[0]), {"status": "prima"})
    assert "Kies geregeld, deels, open of niet relevant." in response.content.decode()
    assert not Beoordeling.objects.exists()


def test_it_answers_404_for_an_unknown_item(client, vitens) -> None:
    client.force_login(vitens.bcm)
    url = reverse(
        "actieplannen:beoordeel", args=[vitens.netwerk.slug, "00000000-0000-0000-0000-000000000000"]
    )
    assert client.post(url, {"status": "geregeld"}).status_code == 404


def test_it_answers_404_for_an_item_of_another_sectors_agenda(client, vitens) -> None:
    from tests.factories import maak_agenda

    andere = maak_agenda("elektriciteit", afspraken=2, status="vastgesteld")
    client.force_login(vitens.bcm)
    url = _url_beoordeel(vitens, andere.afspraken.first())
    assert client.post(url, {"status": "geregeld"}).status_code == 404
    assert not Beoordeling.objects.exists()


def test_it_refuses_an_item_that_left_the_agenda_with_a_message(client, vitens) -> None:
    from tests.actieplannen.test_toetsing import nieuwe_versie

    weg = _afspraken(vitens)[-1]
    nieuwe_versie(vitens, verwijder=[weg.titel])
    client.force_login(vitens.bcm)
    response = client.post(_url_beoordeel(vitens, weg), {"status": "geregeld"})
    assert response.status_code == 302 and response.url == _url_pagina(vitens)
    assert _meldingen(response) == [
        f"„{weg.titel}” is niet opgeslagen. "
        "Beoordeel alleen afspraken uit de huidige agenda van de sectoren van dit netwerk."
    ]
    response = client.post(_url_beoordeel(vitens, weg), {"status": "geregeld"}, **HTMX)
    assert response.status_code == 200 and response["HX-Refresh"] == "true"
    assert not Beoordeling.objects.exists()


# --- Assessing with htmx --------------------------------------------------------------------------


def test_it_answers_htmx_with_the_item_and_the_progress_out_of_band(client, vitens) -> None:
    afspraak = _afspraken(vitens)[1]
    client.force_login(vitens.bcm)
    response = client.post(
        _url_beoordeel(vitens, afspraak), {"status": "open", "toelichting": "Geen draaiboek."}, **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith("<li") and f'id="afspraak-{afspraak.sleutel}"' in html
    assert "<html" not in html
    assert 'id="toetsing-voortgang" hx-swap-oob="innerHTML"' in html
    assert "1</span> van 6 beoordeeld" in html
    assert f"Beoordeling van „{afspraak.titel}” opgeslagen: open. 1 van 6 beoordeeld." in html
    assert 'name="beoordeling"' in html  # open now: it can become an action
    assert not _meldingen(response)  # no message left for the next full page
    assert Beoordeling.objects.get().status == "open"


def test_it_answers_htmx_with_the_errors_at_the_item_and_stores_nothing(client, vitens) -> None:
    afspraak = _afspraken(vitens)[1]
    client.force_login(vitens.bcm)
    response = client.post(_url_beoordeel(vitens, afspraak), {"status": "niet_relevant"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith("<li")
    assert 'role="alert"' in html and "Niet opgeslagen." in html
    assert "Licht toe waarom deze afspraak niet relevant is." in html
    assert "0</span> van 6 beoordeeld" in html
    assert not Beoordeling.objects.exists()


def test_it_changes_an_earlier_assessment(client, vitens) -> None:
    afspraak = _afspraken(vitens)[0]
    services.beoordeel(vitens.netwerk, afspraak, status="open", toelichting="Nog niets.", actor=vitens.bcm)
    client.force_login(vitens.coordinator)
    client.post(_url_beoordeel(vitens, afspraak), {"status": "geregeld", "toelichting": "Nu wel."}, **HTMX)
    beoordeling = Beoordeling.objects.get()
    assert (beoordeling.status, beoordeling.beoordeeld_door) == ("geregeld", vitens.coordinator)
    assert beoordeling.history.count() == 2


# --- Making actions -------------------------------------------------------------------------------


def _beoordeel_alles(vitens) -> list[Beoordeling]:
    statussen = ["geregeld", "deels", "open", "niet_relevant", "open", "deels"]
    return [
        services.beoordeel(vitens.netwerk, a, status=s, toelichting=f"Uitleg {a.rang}.", actor=vitens.bcm)
        for a, s in zip(_afspraken(vitens), statussen, strict=True)
    ]


def test_it_makes_actions_from_the_ticked_items(client, vitens) -> None:
    beoordelingen = _beoordeel_alles(vitens)
    client.force_login(vitens.bcm)
    response = client.post(_url_acties(vitens), {"beoordeling": [beoordelingen[1].pk, beoordelingen[2].pk]})
    assert response.status_code == 302 and response.url == _url_pagina(vitens)
    [melding] = _meldingen(response)
    assert melding.startswith("2 verbeteracties gemaakt in het actieplan: „Afspraak 2 van drinkwater”")
    assert f'href="{reverse("actieplannen:plan", args=[vitens.netwerk.slug])}"' in melding
    assert "Naar het actieplan" in melding
    pagina = client.get(response.url).content.decode()
    assert (
        '<a class="utrecht-link" href="/netwerken/drinkwater-vitens/actieplan/">Naar het actieplan</a>'
        in pagina
    )
    acties = Verbeteractie.objects.order_by("afspraak__rang")
    assert [a.beoordeling for a in acties] == beoordelingen[1:3]
    assert {a.actieplan for a in acties} == {vitens.plan}


def test_it_makes_actions_from_all_open_and_partial_items(client, vitens) -> None:
    beoordelingen = _beoordeel_alles(vitens)
    client.force_login(vitens.bcm)
    response = client.post(_url_acties(vitens), {"alle": "1"})
    assert _meldingen(response)[0].startswith("4 verbeteracties gemaakt")
    assert {a.beoordeling_id for a in Verbeteractie.objects.all()} == {
        b.pk for b in beoordelingen if b.status in ("open", "deels")
    }
    client.get(response.url)  # shows (and so clears) the message
    response = client.post(_url_acties(vitens), {"alle": "1"})
    assert _meldingen(response) == ["Er zijn geen open of deels beoordeelde afspraken zonder verbeteractie."]
    assert Verbeteractie.objects.count() == 4


def test_it_skips_ticked_items_that_need_no_action_and_says_so(client, vitens) -> None:
    beoordelingen = _beoordeel_alles(vitens)
    client.force_login(vitens.bcm)
    response = client.post(_url_acties(vitens), {"beoordeling": [beoordelingen[0].pk, beoordelingen[2].pk]})
    meldingen = _meldingen(response)
    assert meldingen[0].startswith("1 verbeteractie gemaakt in het actieplan: „Afspraak 3 van drinkwater”")
    assert meldingen[1] == (
        "1 afspraak overgeslagen: die heeft al een actie of is niet open of deels beoordeeld."
    )
    assert Verbeteractie.objects.count() == 1


def test_it_asks_to_tick_something_first(client, vitens) -> None:
    _beoordeel_alles(vitens)
    client.force_login(vitens.bcm)
    response = client.post(_url_acties(vitens), {})
    assert response.status_code == 302 and response.url == _url_pagina(vitens) + "#acties-maken"
    assert _meldingen(response) == [
        "Vink eerst een of meer afspraken aan die open of deels zijn, "
        "of kies voor alle open en deels beoordeelde afspraken."
    ]
    assert not Verbeteractie.objects.exists()


def test_it_refuses_an_assessment_of_another_network(client, vitens) -> None:
    ander = maak_netwerk(slug="drinkwater-ander")
    vreemd = services.beoordeel(
        ander, _afspraken(vitens)[2], status="open", toelichting="Elders.", actor=None
    )
    client.force_login(vitens.bcm)
    response = client.post(_url_acties(vitens), {"beoordeling": [vreemd.pk]})
    assert _meldingen(response) == ["Een gekozen afspraak hoort niet bij de toetsing van dit netwerk."]
    assert not Verbeteractie.objects.exists()


def test_it_shows_a_link_to_the_action_instead_of_a_checkbox(client, vitens) -> None:
    beoordelingen = _beoordeel_alles(vitens)
    [actie] = services.maak_acties_uit_beoordelingen(vitens.netwerk, [beoordelingen[2]], actor=vitens.bcm)
    client.force_login(vitens.bcm)
    html = client.get(_url_pagina(vitens)).content.decode()
    assert f'href="{actie.get_absolute_url()}"' in html
    assert f'value="{beoordelingen[2].pk}"' not in html  # no checkbox for it
    for andere in (beoordelingen[1], beoordelingen[4], beoordelingen[5]):
        assert f'name="beoordeling" value="{andere.pk}"' in html
    for zonder in (beoordelingen[0], beoordelingen[3]):  # geregeld, niet relevant
        assert f'name="beoordeling" value="{zonder.pk}"' not in html


def test_it_does_not_show_the_title_of_a_red_action_to_others(client, vitens) -> None:
    beoordelingen = _beoordeel_alles(vitens)
    [actie] = services.maak_acties_uit_beoordelingen(vitens.netwerk, [beoordelingen[2]], actor=vitens.bcm)
    services.wijzig_actie(
        actie,
        revisie=actie.revisie,
        actor=vitens.bcm,
        titel="Geheime actie",
        tlp="red",
        tlp_ontvangers=[vitens.bcm],
    )
    client.force_login(vitens.waarnemer)
    html = client.get(_url_pagina(vitens)).content.decode()
    assert "Geheime actie" not in html
    assert "niet voor u zichtbaar" in html
    client.force_login(vitens.bcm)
    assert "Geheime actie" in client.get(_url_pagina(vitens)).content.decode()


# --- Empty states ---------------------------------------------------------------------------------


def test_it_shows_an_empty_state_for_a_sector_without_an_adopted_agenda(client, vitens) -> None:
    gas = SectorFactory(slug="gas", naam="Gas")
    vitens.netwerk.sectoren.add(gas)
    client.force_login(vitens.bcm)
    html = client.get(_url_pagina(vitens)).content.decode()
    assert "Voor gas is nog geen agenda vastgesteld." in html
    assert "Agenda drinkwater" in html and "0</span> van 6 beoordeeld" in html


def test_it_shows_an_empty_state_when_no_sector_has_an_agenda(client, vitens) -> None:
    Agenda.objects.filter(pk=vitens.agenda.pk).update(huidig=False)
    client.force_login(vitens.bcm)
    html = client.get(_url_pagina(vitens)).content.decode()
    assert "Voor drinkwater is nog geen agenda vastgesteld." in html
    assert "0</span> van 0 beoordeeld" in html
    assert 'id="acties-maken"' not in html
