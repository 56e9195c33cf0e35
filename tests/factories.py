"""Factories for test data; one place that knows how to build a valid network."""

from __future__ import annotations

import factory

from netwerken import services
from netwerken.models import Gebruiker, Gemeente, Lidmaatschap, Netwerk, Organisatie, Sector


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Sector {n}")
    slug = factory.Sequence(lambda n: f"sector-{n}")


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("vr_nummer",)

    soort = Organisatie.Soort.VEILIGHEIDSREGIO
    vr_nummer = factory.Sequence(lambda n: n % 25 + 1)
    code = factory.LazyAttribute(lambda o: f"vr{o.vr_nummer:02d}")
    naam = factory.LazyAttribute(lambda o: f"Veiligheidsregio {o.vr_nummer}")
    korte_naam = factory.LazyAttribute(lambda o: f"Regio {o.vr_nummer}")


class BedrijfFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    soort = Organisatie.Soort.VITALE_PARTNER
    code = factory.Sequence(lambda n: f"bedrijf-{n}")
    naam = factory.Sequence(lambda n: f"Bedrijf {n}")


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente

    cbs_code = factory.Sequence(lambda n: f"GM{n:04d}")
    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    provincie = "Testland"
    veiligheidsregio = factory.SubFactory(RegioFactory)


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@test.nl")
    naam = factory.Sequence(lambda n: f"Persoon {n}")
    functie = "Adviseur"
    organisatie = factory.SubFactory(BedrijfFactory)
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord")

    @factory.post_generation
    def _bewaar(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's hook signature
        if create:
            obj.save()


def maak_netwerk(
    *, slug: str = "drinkwater-test", regio: Organisatie | None = None, bedrijf: Organisatie | None = None
) -> Netwerk:
    """A network with a kernpartner (lead partner) and a coordinating safety region."""
    sector = SectorFactory(slug="drinkwater", naam="Drinkwater")
    bedrijf = bedrijf or BedrijfFactory()
    regio = regio or RegioFactory()
    netwerk = Netwerk.objects.create(naam=f"Netwerk {slug}", slug=slug, kernpartner=bedrijf)
    netwerk.sectoren.add(sector)
    services.voeg_deelnemer_toe(netwerk, bedrijf, "kernpartner", actor=None, leadpartner=True)
    services.voeg_deelnemer_toe(netwerk, regio, "veiligheidsregio", actor=None, coordinerend=True)
    return netwerk


def maak_lid(
    netwerk: Netwerk, rol: str = Lidmaatschap.Rol.LID, organisatie: Organisatie | None = None
) -> Gebruiker:
    """A person at a participating organisation (the kernpartner by default) with a network role."""
    organisatie = organisatie or netwerk.kernpartner
    persoon = GebruikerFactory(organisatie=organisatie)
    services.voeg_lid_toe(netwerk, persoon, rol, actor=None)
    return persoon
