"""The base layout, the auth pages, the error pages and the project-wide form templates."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.contrib.messages import constants as berichtniveau
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import permission_denied, server_error

from netwerken.models import Gebruiker, Organisatie

pytestmark = pytest.mark.django_db


@pytest.fixture
def anne() -> Gebruiker:
    organisatie = Organisatie.objects.create(
        code="vr-test", naam="Veiligheidsregio Test", soort=Organisatie.Soort.MINISTERIE
    )
    return Gebruiker.objects.create_user(
        email="anne@test.example",
        password="veilig-en-lang-2026",
        naam="Anne de Vries",
        organisatie=organisatie,
    )


def url_van(naam: str) -> str:
    return reverse(naam)


# Layout -----------------------------------------------------------------------------------------


def test_the_login_page_is_dutch_with_a_skip_link_to_the_content(client) -> None:
    html = client.get(reverse("login")).content.decode()

    assert '<html lang="nl">' in html
    assert "<title>Inloggen — Continuïteitportaal</title>" in html
    assert '<a class="utrecht-skip-link' in html and 'href="#inhoud">Naar de inhoud</a>' in html
    assert '<main id="inhoud" tabindex="-1"' in html
    assert "Referentiedata: CBS, Gebieden in Nederland (open data)" in html


def test_pages_load_every_asset_from_the_portal_itself(client, anne) -> None:
    anoniem = client.get(reverse("login")).content.decode()
    client.force_login(anne)
    ingelogd = client.get(reverse("password_change")).content.decode()

    for html in (anoniem, ingelogd):
        assert "http://" not in html and "https://" not in html
        assets = re.findall(r'<(?:link|script)[^>]+(?:href|src)="([^"]+)"', html)
        assert assets, "geen stylesheets of scripts gevonden"
        assert all(a.startswith("/static/") for a in assets), assets


def test_the_header_shows_who_is_logged_in_with_a_post_logout(client, anne) -> None:
    client.force_login(anne)

    html = client.get(reverse("password_change")).content.decode()

    assert "Anne de Vries" in html and "Veiligheidsregio Test" in html
    assert re.search(rf'<form method="post" action="{reverse("logout")}"', html)
    assert '<nav class="hoofdmenu" aria-label="Hoofdmenu">' in html


def test_the_main_menu_marks_the_current_page(client, anne) -> None:
    overzicht = url_van("mijn_overzicht")
    client.force_login(anne)

    html = client.get(overzicht).content.decode()

    assert re.search(r'<a class="hoofdmenu__link" href="/" aria-current="page">Mijn overzicht</a>', html)
    assert re.search(r'<a class="hoofdmenu__link" href="[^"]+">Netwerken</a>', html)


def test_anonymous_visitors_get_no_main_menu(client) -> None:
    assert 'aria-label="Hoofdmenu"' not in client.get(reverse("login")).content.decode()


def test_a_protected_page_sends_anonymous_visitors_to_the_login(client) -> None:
    netwerken = url_van("netwerken:lijst")

    response = client.get(netwerken)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={netwerken}"


def test_messages_are_alerts_with_a_role_that_fits_their_urgency(rf: RequestFactory) -> None:
    request = rf.get("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    request._messages.add(berichtniveau.SUCCESS, "Opgeslagen.")
    request._messages.add(berichtniveau.ERROR, "Niet gelukt.")

    html = render_to_string("registration/logged_out.html", request=request)

    assert re.search(
        r'utrecht-alert--ok" role="status">\s*<div class="utrecht-alert__content">\s*<p class="utrecht-alert__message">Opgeslagen.',
        html,
    )
    assert re.search(
        r'utrecht-alert--error" role="alert">\s*<div class="utrecht-alert__content">\s*<p class="utrecht-alert__message">Niet gelukt.',
        html,
    )


# Error pages ------------------------------------------------------------------------------------


def test_the_404_page_is_dutch_and_does_not_say_whether_the_page_exists(client, anne) -> None:
    for ingelogd in (False, True):
        if ingelogd:
            client.force_login(anne)
        response = client.get("/bestaat/niet/")

        assert response.status_code == 404
        html = response.content.decode()
        assert "Pagina niet gevonden" in html
        assert "Deze pagina bestaat niet of u heeft er geen toegang toe." in html


def test_the_403_page_says_geen_toestemming(rf: RequestFactory) -> None:
    response = permission_denied(rf.get("/"), PermissionDenied("intern detail"))

    assert response.status_code == 403
    html = response.content.decode()
    assert "Geen toestemming" in html
    assert "intern detail" not in html


def test_the_500_page_renders_without_a_request_context(rf: RequestFactory) -> None:
    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


# Password reset ---------------------------------------------------------------------------------


def test_a_password_reset_mail_is_dutch_and_unknown_addresses_look_the_same(client, anne, mailoutbox) -> None:
    bekend = client.post(reverse("password_reset"), {"email": "ANNE@test.example"})
    onbekend = client.post(reverse("password_reset"), {"email": "niemand@test.example"})

    assert bekend.status_code == onbekend.status_code == 302
    assert bekend["Location"] == onbekend["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["anne@test.example"]
    assert mail.subject == "Nieuw wachtwoord voor het Continuïteitportaal"
    assert mail.body.startswith("Beste Anne de Vries,")
    assert re.search(r"http://testserver/account/reset/[\w-]+/[\w-]+/", mail.body)
    assert "&amp;" not in mail.body and "&#x27;" not in mail.body


def test_an_invalid_reset_link_says_so(client) -> None:
    response = client.get(
        reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "ongeldig-token"})
    )

    assert response.status_code == 200
    assert "Deze link is ongeldig of al gebruikt." in response.content.decode()


# Form templates ---------------------------------------------------------------------------------


class VoorbeeldFormulier(forms.Form):
    naam = forms.CharField(label="Naam", help_text="Zoals in de organisatie bekend.")
    opmerking = forms.CharField(label="Opmerking", required=False, widget=forms.Textarea)
    akkoord = forms.BooleanField(label="Ik ga akkoord")
    rol = forms.ChoiceField(
        label="Rol", choices=[("lid", "Lid"), ("waarnemer", "Waarnemer")], widget=forms.RadioSelect
    )
    geheim = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        raise forms.ValidationError("Dit netwerk is intussen door iemand anders gewijzigd.")


def test_a_valid_field_has_a_label_and_described_help_text() -> None:
    html = str(VoorbeeldFormulier())

    assert (
        '<label class="utrecht-form-label" for="id_naam">Naam<span class="verplicht" aria-hidden="true"> *</span></label>'
        in html
    )
    assert 'id="id_naam_helptext"' in html
    assert 'aria-describedby="id_naam_helptext"' in html
    assert 'for="id_opmerking">Opmerking</label>' in html  # optional: no marker
    assert "aria-invalid" not in html
    assert "Velden met een" in html
    assert 'type="hidden" name="geheim"' in html


def test_invalid_fields_are_marked_and_linked_to_their_errors() -> None:
    html = str(VoorbeeldFormulier(data={"naam": ""}))

    samenvatting = html.split('class="formulier__verplicht-uitleg"')[0]
    assert 'role="alert"' in samenvatting
    assert "Dit netwerk is intussen door iemand anders gewijzigd." in samenvatting
    assert '<a class="utrecht-link" href="#id_naam">Naam: Dit veld is verplicht.</a>' in samenvatting
    assert '<a class="utrecht-link" href="#id_rol_0">Rol: Dit veld is verplicht.</a>' in samenvatting

    naam = re.search(r"<input [^>]*name=\"naam\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in naam
    assert 'aria-describedby="id_naam_helptext id_naam_error"' in naam
    assert (
        '<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="id_naam_error">'
        in html
    )
    assert "utrecht-form-field--invalid" in html


def test_checkboxes_put_the_label_after_the_box_and_radios_get_a_fieldset() -> None:
    html = str(VoorbeeldFormulier(data={}))

    akkoord = html[html.index("utrecht-form-field--checkbox") :]
    assert akkoord.index('name="akkoord"') < akkoord.index('for="id_akkoord">Ik ga akkoord')
    assert re.search(
        r'<fieldset class="utrecht-form-fieldset[^"]*" aria-describedby="id_rol_error">\s*<legend[^>]*>Rol',
        html,
    )
