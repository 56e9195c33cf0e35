"""The role-description screens, used the way the project team and an invited region use them."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse

from agenda import services
from agenda.forms_rol import controlewaarde
from agenda.models import Consultatiereactie, Ondertekening, Rolbeschrijving, RolSectie, RolVaststelling
from tests.factories import BedrijfFactory, GebruikerFactory, RegioFactory, maak_rolbeschrijving, maak_themas

pytestmark = pytest.mark.django_db


@pytest.fixture
def regios() -> list:
    return [RegioFactory(vr_nummer=n) for n in range(1, 26)]


@pytest.fixture
def projectteam():
    persoon = GebruikerFactory(organisatie=BedrijfFactory(naam="IFV"), naam="Petra Projectteam")
    persoon.groups.add(Group.objects.get(name="Projectteam"))
    return persoon


def _berichten(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_whole_lifecycle_from_verkenning_to_signatures(client, regios, projectteam) -> None:
    maak_themas()
    ijsselland = regios[3]
    adviseur = GebruikerFactory(organisatie=ijsselland, naam="Anne Adviseur")
    client.force_login(projectteam)

    # No version yet: the project team starts the first one.
    assert "Er is nog geen vastgestelde rolbeschrijving." in _html(client.get(reverse("agenda:rol_huidig")))
    response = client.post(reverse("agenda:rol_nieuwe_versie"))
    rol = Rolbeschrijving.objects.get()
    assert response.url == rol.get_absolute_url()
    pagina = _html(client.get(reverse("agenda:rol_huidig")))  # the newest version while none is adopted
    assert "Versie 1" in pagina and 'aria-current="step"' in pagina and "Maak er een concept van" in pagina

    # Edit a theme section.
    sectie = rol.secties.get(thema__nummer=2)
    url = reverse("agenda:rol_sectie_bewerken", args=[1, sectie.pk])
    assert "Wettelijke basis" in _html(client.get(url))
    response = client.post(
        url,
        {
            "definitie": "Uitval van elektriciteit.",
            "taken": "De veiligheidsregio alarmeert en informeert de bevolking.",
            "wettelijke_basis": "Art. 10 Wet veiligheidsregio's.",
            "aandachtspunten_ministeries": "Afstemming met EZK.",
            "aandachtspunten_bedrijven": "Contact met de netbeheerder.",
            "controle": controlewaarde(sectie),
        },
    )
    assert response.url.endswith(f"#sectie-{sectie.pk}")
    sectie.refresh_from_db()
    assert sectie.wettelijke_basis == "Art. 10 Wet veiligheidsregio's."
    assert sectie.history.first().history_user == projectteam

    # Concept, invite, consultation.
    client.post(reverse("agenda:rol_status", args=[1]), {"status": "concept"})
    response = client.post(reverse("agenda:rol_status", args=[1]), {"status": "consultatie"})
    assert "Nodig eerst de organisaties uit die in de consultatie mogen reageren." in _berichten(response)
    assert "Veiligheidsregio&#x27;s" in _html(client.get(reverse("agenda:rol_uitnodigen", args=[1])))
    response = client.post(
        reverse("agenda:rol_uitnodigen", args=[1]), {"organisaties": [ijsselland.pk, regios[5].pk]}
    )
    assert "2 organisaties uitgenodigd voor de consultatie over versie 1." in _berichten(response)
    client.post(reverse("agenda:rol_status", args=[1]), {"status": "consultatie"})
    rol.refresh_from_db()
    assert rol.status == "consultatie"

    # The invited region comments; the project team answers.
    client.force_login(adviseur)
    pagina = _html(client.get(rol.get_absolute_url()))
    assert "is uitgenodigd om op deze versie te reageren" in pagina
    assert "Beantwoorden" not in pagina  # answering is for the project team
    client.post(
        reverse("agenda:rol_reageren", args=[1, sectie.pk]), {"tekst": "Noem ook de crisisnoodvoorziening."}
    )
    response = client.post(reverse("agenda:rol_reageren", args=[1, sectie.pk]), {"tekst": "  "})
    assert "Uw reactie: Schrijf uw reactie." in _berichten(response)
    reactie = Consultatiereactie.objects.get()
    assert reactie.organisatie == ijsselland

    client.force_login(projectteam)
    response = client.post(reverse("agenda:rol_status", args=[1]), {"status": "definitief"})
    assert "Nog 1 consultatiereactie zonder antwoord. Beantwoord eerst alle reacties." in _berichten(response)
    response = client.post(
        reverse("agenda:rol_beantwoorden", args=[1, reactie.pk]), {"antwoord": "deels", "motivering": ""}
    )
    assert "Motivering: Motiveer het antwoord." in _berichten(response)
    client.post(
        reverse("agenda:rol_beantwoorden", args=[1, reactie.pk]),
        {"antwoord": "deels", "motivering": "Opgenomen bij de taken, niet bij de definitie."},
    )
    client.post(reverse("agenda:rol_status", args=[1]), {"status": "definitief"})
    rol.refresh_from_db()
    assert rol.status == "definitief"

    # The four bodies adopt it.
    for orgaan, dag in (("stuurgroep", 1), ("cvi", 8), ("veiligheidsberaad", 15), ("ministerie_jenv", 22)):
        client.post(
            reverse("agenda:rol_besluit", args=[1]),
            {
                "orgaan": orgaan,
                "besluit": "vastgesteld",
                "datum": f"2016-03-{dag:02d}",
                "kenmerk": f"{orgaan}-1",
            },
        )
    assert RolVaststelling.objects.count() == 4
    client.post(reverse("agenda:rol_status", args=[1]), {"status": "vastgesteld"})
    rol.refresh_from_db()
    assert rol.status == "vastgesteld" and rol.huidig and rol.vastgesteld_op == datetime.date(2016, 3, 22)

    # Three regions sign.
    response = client.post(
        reverse("agenda:rol_ondertekening", args=[1]),
        {"veiligheidsregio": regios[0].pk, "datum": "2016-03-01", "ondertekend_door": "Voorzitter"},
    )
    assert "Ondertekenen kan pas na de vaststelling." in _berichten(response)
    for regio in (regios[0], regios[3], regios[9]):
        client.post(
            reverse("agenda:rol_ondertekening", args=[1]),
            {
                "veiligheidsregio": regio.pk,
                "datum": "2016-04-05",
                "ondertekend_door": f"Voorzitter {regio.vr_nummer}",
            },
        )
    assert Ondertekening.objects.count() == 3

    # Everybody reads the result; the answer table is part of the record.
    client.force_login(GebruikerFactory(organisatie=BedrijfFactory()))
    pagina = _html(client.get(reverse("agenda:rol_huidig")))
    assert "3 van 25 ondertekend" in pagina
    assert "Nog niet ondertekend (22)" in pagina
    assert "2. Veiligheidsregio 2" in pagina and "25. Veiligheidsregio 25" in pagina
    assert "Voorzitter 10" in pagina
    assert "Reactietabel" in pagina and "Noem ook de crisisnoodvoorziening." in pagina
    assert "Opgenomen bij de taken, niet bij de definitie." in pagina
    assert "ministerie_jenv-1" in pagina
    assert "Art. 10 Wet veiligheidsregio&#x27;s." in pagina
    assert "Ondertekening vastleggen" not in pagina and "Bewerken" not in pagina


def test_the_current_version_page_shows_the_adopted_version_to_readers_and_newer_work_to_the_project_team(
    client, projectteam
) -> None:
    eerste = maak_rolbeschrijving(status="vastgesteld")
    services.nieuwe_rolversie(actor=None)
    client.force_login(projectteam)
    pagina = _html(client.get(reverse("agenda:rol_huidig")))
    assert (
        "Versie 1" in pagina and "Er is een nieuwere versie" in pagina and "versie 2 (verkenning)" in pagina
    )
    client.force_login(GebruikerFactory())
    pagina = _html(client.get(reverse("agenda:rol_huidig")))
    assert "Versie 1" in pagina and "nieuwere versie" not in pagina
    assert eerste.huidig


def test_a_reader_sees_the_empty_state_without_an_adopted_version(client) -> None:
    maak_rolbeschrijving(status="concept")
    client.force_login(GebruikerFactory())
    pagina = _html(client.get(reverse("agenda:rol_huidig")))
    assert "Er is nog geen vastgestelde rolbeschrijving." in pagina
    assert "Nieuwe versie starten" not in pagina


def test_the_example_content_is_marked(client) -> None:
    rol = maak_rolbeschrijving(status="vastgesteld")
    Rolbeschrijving.objects.filter(pk=rol.pk).update(voorbeeld=True)
    client.force_login(GebruikerFactory())
    assert "Voorbeeldinhoud." in _html(client.get(rol.get_absolute_url()))


def test_a_new_version_while_another_is_open_is_refused_with_a_message(client, projectteam) -> None:
    maak_rolbeschrijving(status="concept")
    client.force_login(projectteam)
    response = client.post(reverse("agenda:rol_nieuwe_versie"))
    assert response.url == reverse("agenda:rol_versies")
    assert "Versie 1 is nog in bewerking (concept). Rond die eerst af." in _berichten(response)
    assert Rolbeschrijving.objects.count() == 1


def test_a_new_version_starts_as_a_copy_of_the_adopted_one(client, projectteam) -> None:
    maak_rolbeschrijving(status="vastgesteld")
    client.force_login(projectteam)
    response = client.post(reverse("agenda:rol_nieuwe_versie"))
    assert "Versie 2 is gestart als kopie van de vastgestelde versie 1." in _berichten(response)
    assert RolSectie.objects.filter(rolbeschrijving__versie=2).count() == 10


def test_editing_a_section_of_a_fixed_text_is_refused(client, projectteam) -> None:
    rol = maak_rolbeschrijving(status="consultatie")
    sectie = rol.secties.first()
    client.force_login(projectteam)
    url = reverse("agenda:rol_sectie_bewerken", args=[rol.versie, sectie.pk])
    response = client.post(url, {"titel": "Anders", "tekst": "Anders"})
    assert response.status_code == 302
    assert "de tekst ligt vast" in " ".join(_berichten(response))
    assert RolSectie.objects.get(pk=sectie.pk).titel == "Inleiding"


def test_a_section_of_another_version_is_not_found(client, projectteam) -> None:
    eerste = maak_rolbeschrijving(status="vastgesteld")
    tweede = services.nieuwe_rolversie(actor=None)
    client.force_login(projectteam)
    url = reverse("agenda:rol_sectie_bewerken", args=[tweede.versie, eerste.secties.first().pk])
    assert client.get(url).status_code == 404


def test_an_edit_over_someone_elses_edit_is_a_conflict_not_a_silent_overwrite(client, projectteam) -> None:
    rol = maak_rolbeschrijving()
    sectie = rol.secties.get(soort="inleiding")
    geopend = controlewaarde(sectie)
    services.wijzig_sectie(sectie, tekst="Tekst van de collega.", actor=None)
    client.force_login(projectteam)
    url = reverse("agenda:rol_sectie_bewerken", args=[rol.versie, sectie.pk])
    pagina = _html(client.post(url, {"titel": "Inleiding", "tekst": "Mijn tekst.", "controle": geopend}))
    assert "Iemand anders heeft deze sectie gewijzigd" in pagina
    assert "Tekst van de collega." in pagina and "Mijn tekst." in pagina and "Toch opslaan" in pagina
    assert RolSectie.objects.get(pk=sectie.pk).tekst == "Tekst van de collega."
    # Saving again, knowingly, replaces the colleague's text.
    response = client.post(
        url,
        {
            "titel": "Inleiding",
            "tekst": "Mijn tekst.",
            "controle": controlewaarde(RolSectie.objects.get(pk=sectie.pk)),
        },
    )
    assert response.status_code == 302
    assert RolSectie.objects.get(pk=sectie.pk).tekst == "Mijn tekst."


def test_a_section_without_a_title_is_refused_and_nothing_is_stored(client, projectteam) -> None:
    rol = maak_rolbeschrijving()
    sectie = rol.secties.get(soort="burgerparticipatie")
    client.force_login(projectteam)
    url = reverse("agenda:rol_sectie_bewerken", args=[rol.versie, sectie.pk])
    pagina = _html(
        client.post(url, {"titel": "", "tekst": "Zelfredzaamheid.", "controle": controlewaarde(sectie)})
    )
    assert "Er is een probleem" in pagina
    assert RolSectie.objects.get(pk=sectie.pk).tekst == ""


def test_inviting_needs_at_least_one_organisation_and_can_invite_all_regions(
    client, projectteam, regios
) -> None:
    rol = maak_rolbeschrijving(status="concept")
    client.force_login(projectteam)
    url = reverse("agenda:rol_uitnodigen", args=[rol.versie])
    assert "Kies ten minste één organisatie." in _html(client.post(url, {}))
    ministerie = BedrijfFactory(soort="ministerie", naam="Ministerie van Justitie en Veiligheid")
    response = client.post(url, {"alle_veiligheidsregios": "on", "organisaties": [ministerie.pk]})
    assert response.status_code == 302
    assert rol.uitgenodigd.count() == 26


def test_bad_dates_and_choices_get_a_dutch_message_and_store_nothing(client, projectteam, regios) -> None:
    rol = maak_rolbeschrijving(status="definitief", uitgenodigd=regios[:1])
    client.force_login(projectteam)
    response = client.post(
        reverse("agenda:rol_besluit", args=[rol.versie]),
        {"orgaan": "managementraad", "besluit": "vastgesteld", "datum": "31-02-2016"},
    )
    berichten = " ".join(_berichten(response))
    assert "Orgaan:" in berichten and "Vul een geldige datum in" in berichten
    response = client.post(
        reverse("agenda:rol_besluit", args=[rol.versie]),
        {
            "orgaan": "cvi",
            "besluit": "vastgesteld",
            "datum": (datetime.date.today() + datetime.timedelta(days=3)).isoformat(),
        },
    )
    assert "De datum van een besluit ligt niet in de toekomst." in _berichten(response)
    assert not rol.vaststellingen.exists()
    response = client.post(
        reverse("agenda:rol_ondertekening", args=[rol.versie]),
        {"veiligheidsregio": regios[0].pk, "datum": "2016-04-05", "ondertekend_door": "Voorzitter"},
    )
    assert "Alleen een vastgestelde rolbeschrijving kan worden ondertekend." in _berichten(response)
    assert client.post(reverse("agenda:rol_status", args=[rol.versie]), {"status": "??"}).status_code == 302
    assert not Ondertekening.objects.exists()


def test_the_versions_page_lists_versions_with_counts(client, projectteam) -> None:
    maak_rolbeschrijving(status="vastgesteld")
    services.nieuwe_rolversie(actor=None)
    client.force_login(projectteam)
    pagina = _html(client.get(reverse("agenda:rol_versies")))
    assert "Versie 2" in pagina and "Versie 1" in pagina and "huidige versie" in pagina
    assert "Versie 2 is nog in bewerking (verkenning)" in pagina
    assert f"{reverse('agenda:rol_vergelijk')}?van=1&amp;met=2" in pagina


def test_the_comparison_page_shows_word_level_changes_per_section(client, projectteam) -> None:
    eerste = maak_rolbeschrijving(status="vastgesteld")
    tweede = services.nieuwe_rolversie(actor=None)
    services.wijzig_sectie(
        tweede.secties.get(thema__nummer=3), definitie="Over thema 3 en de drinkwatervoorziening.", actor=None
    )
    client.force_login(projectteam)
    pagina = _html(client.get(reverse("agenda:rol_vergelijk")))  # default: current adopted vs newest
    assert "Versie 1 → versie 2" in pagina
    # "Over thema 3." became "Over thema 3 en de drinkwatervoorziening.": the last word changed.
    assert (
        'Over thema <del><span class="visueel-verborgen">[verwijderd: </span>3.<span class="visueel-verborgen">]'
        '</span></del><ins><span class="visueel-verborgen">[toegevoegd: </span>3 en de drinkwatervoorziening.'
    ) in pagina
    assert "9 secties ongewijzigd" in pagina
    pagina = _html(client.get(reverse("agenda:rol_vergelijk"), {"van": 2, "met": 1}))
    assert "Versie 2 → versie 1" in pagina and "<del>" in pagina
    pagina = _html(client.get(reverse("agenda:rol_vergelijk"), {"van": 1, "met": 1}))
    assert "Kies twee verschillende versies." in pagina
    pagina = _html(client.get(reverse("agenda:rol_vergelijk"), {"van": "x", "met": 99}))
    assert "Kies een van de versies in de lijst." in pagina
    pagina = _html(client.get(reverse("agenda:rol_vergelijk"), {"van": "", "met": 1}))
    assert "Kies twee versies om te vergelijken." in pagina
    assert eerste.versie == 1


def test_the_comparison_does_not_offer_versions_the_reader_may_not_see(client) -> None:
    maak_rolbeschrijving(status="vastgesteld")
    services.nieuwe_rolversie(actor=None)
    client.force_login(GebruikerFactory())
    pagina = _html(client.get(reverse("agenda:rol_vergelijk"), {"van": 1, "met": 2}))
    assert "Er is 1 versie die u kunt zien; vergelijken kan vanaf twee versies." in pagina
    assert "Versie 2" not in pagina and "<del>" not in pagina


def test_the_pdf_download(client) -> None:
    pytest.importorskip(
        "agenda.reports", reason="agenda.reports (render_rolbeschrijving_pdf) is not there yet"
    )
    rol = maak_rolbeschrijving(status="vastgesteld")
    client.force_login(GebruikerFactory())
    response = client.get(reverse("agenda:rol_pdf", args=[rol.versie]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="rolbeschrijving-v1.pdf"'
    assert response.content.startswith(b"%PDF")
