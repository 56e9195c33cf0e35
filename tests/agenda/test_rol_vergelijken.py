"""Comparing two versions of the role description section by section (issue 3, item 5)."""

from __future__ import annotations

import pytest

from agenda import services
from agenda.models import RolSectie, Thema
from agenda.vergelijken import vergelijk_rolbeschrijvingen
from continuiteit.tekstverschil import Stuk, woordverschil
from tests.factories import maak_rolbeschrijving

pytestmark = pytest.mark.django_db


@pytest.fixture
def twee_versies():
    """v1 adopted; v2 a copy with one changed section, one added and one removed."""
    eerste = maak_rolbeschrijving()
    services.wijzig_sectie(
        eerste.secties.get(thema__nummer=2),
        taken="De veiligheidsregio alarmeert de bevolking via NL-Alert.",
        actor=None,
    )
    for stap in ("concept", "consultatie", "definitief", "vastgesteld"):
        eerste = _stap(eerste, stap)
    tweede = services.nieuwe_rolversie(actor=None)
    services.wijzig_sectie(
        tweede.secties.get(thema__nummer=2),
        taken="De veiligheidsregio informeert de bevolking via NL-Alert en de media.",
        wettelijke_basis="Art. 7 Wvr.",
        actor=None,
    )
    negen = Thema.objects.create(nummer=9, naam="Cybersecurity")
    RolSectie.objects.create(
        rolbeschrijving=tweede, soort="thema", thema=negen, volgorde=9, titel="Cybersecurity"
    )
    tweede.secties.get(soort="burgerparticipatie").delete()
    return eerste, tweede


def _stap(rol, stap):
    import datetime

    from agenda.models import Besluit, Rolbeschrijving
    from tests.factories import RegioFactory

    if stap == "consultatie":
        services.nodig_uit_voor_consultatie(rol, [RegioFactory(vr_nummer=1)], actor=None)
    if stap == "vastgesteld":
        for orgaan in Rolbeschrijving.VASTSTELLENDE_ORGANEN:
            services.leg_rolbesluit_vast(
                rol, orgaan=orgaan, besluit=Besluit.VASTGESTELD, datum=datetime.date(2016, 1, 1), actor=None
            )
    return services.zet_rolstatus(rol, stap, actor=None)


def test_it_marks_each_section_as_changed_added_removed_or_unchanged(twee_versies) -> None:
    eerste, tweede = twee_versies
    verschillen = {v.titel: v.soort for v in vergelijk_rolbeschrijvingen(eerste, tweede)}
    assert verschillen["Thema 2"] == "gewijzigd"
    assert verschillen["Cybersecurity"] == "toegevoegd"
    assert verschillen["Burgerparticipatie en zelfredzaamheid"] == "verwijderd"
    assert [titel for titel, soort in verschillen.items() if soort == "gelijk"] == [
        "Inleiding",
        "Thema 1",
        "Thema 3",
        "Thema 4",
        "Thema 5",
        "Thema 6",
        "Thema 7",
        "Thema 8",
    ]


def test_it_keeps_the_new_order_and_lists_removed_sections_last(twee_versies) -> None:
    eerste, tweede = twee_versies
    titels = [v.titel for v in vergelijk_rolbeschrijvingen(eerste, tweede)]
    assert titels[0] == "Inleiding" and titels[-2] == "Cybersecurity"
    assert titels[-1] == "Burgerparticipatie en zelfredzaamheid"


def test_a_changed_section_lists_only_the_changed_fields_with_word_pieces(twee_versies) -> None:
    eerste, tweede = twee_versies
    gewijzigd = next(v for v in vergelijk_rolbeschrijvingen(eerste, tweede) if v.soort == "gewijzigd")
    assert [veld.veld for veld in gewijzigd.velden] == ["taken en verantwoordelijkheden", "wettelijke basis"]
    taken, basis = gewijzigd.velden
    assert taken.stukken == [
        Stuk("gelijk", "De veiligheidsregio "),
        Stuk("weg", "alarmeert"),
        Stuk("nieuw", "informeert"),
        Stuk("gelijk", " de bevolking via "),
        Stuk("weg", "NL-Alert."),
        Stuk("nieuw", "NL-Alert en de media."),
    ]
    assert basis.stukken == [Stuk("nieuw", "Art. 7 Wvr.")]


def test_identical_versions_have_no_differences() -> None:
    eerste = maak_rolbeschrijving()
    for stap in ("concept", "consultatie", "definitief", "vastgesteld"):
        eerste = _stap(eerste, stap)
    tweede = services.nieuwe_rolversie(actor=None)
    verschillen = vergelijk_rolbeschrijvingen(eerste, tweede)
    assert len(verschillen) == 10
    assert {v.soort for v in verschillen} == {"gelijk"}
    assert all(v.velden == [] for v in verschillen)


def test_the_word_difference_rebuilds_both_texts() -> None:
    oud = "De regio  informeert\nde bevolking."
    nieuw = "De regio alarmeert\nen informeert de bevolking snel."
    stukken = woordverschil(oud, nieuw)
    assert "".join(s.tekst for s in stukken if s.soort != "nieuw") == oud
    assert "".join(s.tekst for s in stukken if s.soort != "weg") == nieuw


def test_an_emptied_field_is_all_removed() -> None:
    assert woordverschil("Art. 10 Wvr.", "") == [Stuk("weg", "Art. 10 Wvr.")]
    assert woordverschil("", "") == []
