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


# --- agenda ---------------------------------------------------------------------------------------


def maak_themas() -> list:
    """The eight themes (as the reference loader creates them)."""
    from agenda.models import Thema

    return [
        Thema.objects.get_or_create(
            nummer=n, defaults={"naam": f"Thema {n}", "omschrijving": f"Over thema {n}."}
        )[0]
        for n in range(1, 9)
    ]


def maak_agenda(sector_slug: str = "drinkwater", *, afspraken: int = 6, status: str = "concept", actor=None):
    """An agenda version of a sector with `afspraken` items over the themes, in the given status.

    `status="vastgesteld"` adopts it through the services (with a CVI decision) so it is current.
    """
    import datetime

    from agenda import services as agenda_services
    from agenda.models import Besluit, Orgaan

    sector = SectorFactory(slug=sector_slug, naam=sector_slug.capitalize())
    themas = maak_themas()
    agenda = agenda_services.nieuwe_agendaversie(sector, actor=actor)
    for i in range(afspraken):
        agenda_services.voeg_afspraak_toe(
            agenda,
            thema=themas[i % len(themas)],
            titel=f"Afspraak {i + 1} van {sector_slug}",
            omschrijving=f"Omschrijving van afspraak {i + 1}.",
            beoogd_resultaat=f"Resultaat {i + 1}.",
            actor=actor,
        )
    if status in ("voorgelegd", "vastgesteld"):
        agenda_services.leg_agenda_voor(agenda, actor=actor)
    if status == "vastgesteld":
        agenda_services.leg_agendabesluit_vast(
            agenda,
            orgaan=Orgaan.CVI,
            besluit=Besluit.VASTGESTELD,
            datum=datetime.date(2016, 3, 1),
            kenmerk="CVI-2016-01",
            actor=actor,
        )
        agenda_services.stel_agenda_vast(agenda, actor=actor)
    agenda.refresh_from_db()
    return agenda


def maak_rolbeschrijving(*, status: str = "verkenning", uitgenodigd=(), actor=None):
    """A role-description version moved through the lifecycle up to `status`."""
    import datetime

    from agenda import services as agenda_services
    from agenda.models import Besluit, Rolbeschrijving

    maak_themas()
    rol = agenda_services.nieuwe_rolversie(actor=actor)
    stappen = list(Rolbeschrijving.VOLGENDE.values())
    for stap in stappen[: stappen.index(status) + 1] if status != "verkenning" else []:
        if stap == Rolbeschrijving.Status.CONSULTATIE:
            agenda_services.nodig_uit_voor_consultatie(
                rol, list(uitgenodigd) or [RegioFactory()], actor=actor
            )
        if stap == Rolbeschrijving.Status.VASTGESTELD:
            for orgaan in Rolbeschrijving.VASTSTELLENDE_ORGANEN:
                agenda_services.leg_rolbesluit_vast(
                    rol,
                    orgaan=orgaan,
                    besluit=Besluit.VASTGESTELD,
                    datum=datetime.date(2015, 12, 1),
                    actor=actor,
                )
        rol = agenda_services.zet_rolstatus(rol, stap, actor=actor)
    return rol


def maak_regios(aantal: int = 25) -> list:
    """The safety regions 1..`aantal` (get-or-create on their number)."""
    return [RegioFactory(vr_nummer=n) for n in range(1, aantal + 1)]


def maak_vastgestelde_rolbeschrijving(
    *, reacties: int = 2, ondertekend: int = 3, voorbeeld: bool = False, actor=None
):
    """An adopted role description with filled theme sections, answered comments and signatures.

    The consultation gets `reacties` comments by people of an invited region, each answered; the
    first `ondertekend` of the 25 safety regions sign it.
    """
    import datetime

    from agenda import services as agenda_services
    from agenda.models import Besluit, Consultatiereactie, Rolbeschrijving

    regios = maak_regios()
    rol = maak_rolbeschrijving(status="concept", actor=actor)
    for sectie in rol.secties.all():
        if sectie.thema_id:
            agenda_services.wijzig_sectie(
                sectie,
                actor=actor,
                taken=f"- Taak A bij {sectie.titel}\n- Taak B bij {sectie.titel}",
                wettelijke_basis="Art. 10 Wvr (taken van het bestuur).",
                aandachtspunten_ministeries=f"Ministeries en {sectie.titel}.",
                aandachtspunten_bedrijven=f"Bedrijven en {sectie.titel}.",
            )
        else:
            agenda_services.wijzig_sectie(sectie, actor=actor, tekst=f"Tekst van {sectie.titel}.")
    agenda_services.nodig_uit_voor_consultatie(rol, regios[:2], actor=actor)
    rol = agenda_services.zet_rolstatus(rol, Rolbeschrijving.Status.CONSULTATIE, actor=actor)
    secties = list(rol.secties.all())
    antwoorden = list(Consultatiereactie.Antwoord.values)
    for i in range(reacties):
        persoon = GebruikerFactory(organisatie=regios[i % 2])
        reactie = agenda_services.plaats_reactie(
            secties[(i + 1) % len(secties)],
            tekst=f"Reactie nummer {i + 1} uit de consultatie.",
            actor=persoon,
        )
        agenda_services.beantwoord_reactie(
            reactie, antwoord=antwoorden[i % 3], motivering=f"Motivering bij reactie {i + 1}.", actor=actor
        )
    rol = agenda_services.zet_rolstatus(rol, Rolbeschrijving.Status.DEFINITIEF, actor=actor)
    for orgaan in Rolbeschrijving.VASTSTELLENDE_ORGANEN:
        agenda_services.leg_rolbesluit_vast(
            rol,
            orgaan=orgaan,
            besluit=Besluit.VASTGESTELD,
            datum=datetime.date(2015, 12, 1),
            kenmerk=f"{orgaan}-2015",
            actor=actor,
        )
    rol = agenda_services.zet_rolstatus(rol, Rolbeschrijving.Status.VASTGESTELD, actor=actor)
    for regio in regios[:ondertekend]:
        agenda_services.leg_ondertekening_vast(
            rol,
            veiligheidsregio=regio,
            datum=datetime.date(2016, 2, 1),
            ondertekend_door=f"Voorzitter van {regio.naam}",
            actor=actor,
        )
    if voorbeeld:
        rol.voorbeeld = True
        rol.save(update_fields=["voorbeeld"])
    rol.refresh_from_db()
    return rol


def maak_projectteamlid(**kwargs) -> Gebruiker:
    """A member of the national project team (maintains themes, agendas and the role description)."""
    from django.contrib.auth.models import Group

    persoon = GebruikerFactory(**kwargs)
    persoon.groups.add(Group.objects.get(name="Projectteam"))
    return persoon
