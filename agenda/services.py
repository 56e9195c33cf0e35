"""Writes on themes, sector agendas and the role description.

One function per write: atomic, with the acting user in history, refusing bad input with a Dutch
`ValidationError` and leaving nothing changed. Views, the demo loader and tests call these.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from continuiteit.historie import bewaar as _bewaar
from continuiteit.historie import verwijder as _verwijder
from netwerken.models import Organisatie, Sector

from .models import (
    Agenda,
    AgendaVaststelling,
    Consultatiereactie,
    Expertbijeenkomst,
    Ondertekening,
    Orgaan,
    Rolbeschrijving,
    RolSectie,
    RolVaststelling,
    Samenwerkingsafspraak,
    Thema,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from netwerken.models import Gebruiker

# Ranks are moved out of the way to this offset first, so the unique (agenda, rang) constraint
# never sees two items on one rank halfway through a re-rank.
_RANG_OPZIJ = 10_000


# --- Themes ---------------------------------------------------------------------------------------


@transaction.atomic
def wijzig_thema(thema: Thema, *, naam: str, omschrijving: str, actor: Gebruiker | None) -> Thema:
    if not naam.strip():
        raise ValidationError("Een thema heeft een naam.")
    thema.naam, thema.omschrijving = naam.strip(), omschrijving.strip()
    _bewaar(thema, actor)
    return thema


# --- Sector agendas -------------------------------------------------------------------------------


def _vergrendel_agenda(agenda: Agenda) -> Agenda:
    return Agenda.objects.select_for_update(of=("self",)).select_related("sector").get(pk=agenda.pk)


def _eis_bewerkbaar(agenda: Agenda) -> None:
    if not agenda.is_bewerkbaar:
        raise ValidationError(
            f"Versie {agenda.versie} is {agenda.get_status_display()}; alleen een concept kan worden gewijzigd."
        )


@transaction.atomic
def nieuwe_agendaversie(sector: Sector, *, actor: Gebruiker | None, toelichting: str = "") -> Agenda:
    """Start a concept version, as a copy of the current adopted one (if any)."""
    # Lock the sector row so two editors cannot start two versions at once.
    Sector.objects.select_for_update().get(pk=sector.pk)
    open_versie = Agenda.objects.filter(sector=sector).exclude(status=Agenda.Status.VASTGESTELD).first()
    if open_versie is not None:
        raise ValidationError(
            f"Er is al een agenda in bewerking voor {sector}: versie {open_versie.versie} "
            f"({open_versie.get_status_display()}). Rond die eerst af."
        )
    huidig = Agenda.objects.filter(sector=sector, huidig=True).first()
    hoogste = Agenda.objects.filter(sector=sector).aggregate(m=Max("versie"))["m"] or 0
    agenda = Agenda(sector=sector, versie=hoogste + 1, gebaseerd_op=huidig, toelichting=toelichting)
    if huidig is not None:
        agenda.voorbeeld = huidig.voorbeeld
    _bewaar(agenda, actor)
    if huidig is not None:
        for afspraak in huidig.afspraken.all():
            kopie = Samenwerkingsafspraak(
                agenda=agenda,
                sleutel=afspraak.sleutel,
                thema_id=afspraak.thema_id,
                titel=afspraak.titel,
                omschrijving=afspraak.omschrijving,
                beoogd_resultaat=afspraak.beoogd_resultaat,
                rang=afspraak.rang,
            )
            _bewaar(kopie, actor)
    return agenda


@transaction.atomic
def voeg_afspraak_toe(
    agenda: Agenda,
    *,
    thema: Thema,
    titel: str,
    omschrijving: str = "",
    beoogd_resultaat: str = "",
    rang: int | None = None,
    actor: Gebruiker | None,
) -> Samenwerkingsafspraak:
    """Add an agreement at the end, or at a free rank."""
    agenda = _vergrendel_agenda(agenda)
    _eis_bewerkbaar(agenda)
    laatste = agenda.afspraken.aggregate(m=Max("rang"))["m"] or 0
    if rang is None:
        rang = laatste + 1
    elif rang < 1:
        raise ValidationError("De rang is 1 of hoger.")
    else:
        bezet = agenda.afspraken.filter(rang=rang).first()
        if bezet is not None:
            raise ValidationError(
                f"Rang {rang} is al bezet door „{bezet.titel}”. Kies een vrije rang "
                f"(de eerstvolgende is {laatste + 1}) of verplaats de afspraak na het toevoegen."
            )
    afspraak = Samenwerkingsafspraak(
        agenda=agenda,
        thema=thema,
        titel=titel.strip(),
        omschrijving=omschrijving.strip(),
        beoogd_resultaat=beoogd_resultaat.strip(),
        rang=rang,
    )
    afspraak.full_clean()
    _bewaar(afspraak, actor)
    return afspraak


@transaction.atomic
def wijzig_afspraak(
    afspraak: Samenwerkingsafspraak,
    *,
    thema: Thema,
    titel: str,
    omschrijving: str,
    beoogd_resultaat: str,
    actor: Gebruiker | None,
) -> Samenwerkingsafspraak:
    _eis_bewerkbaar(_vergrendel_agenda(afspraak.agenda))
    afspraak.thema, afspraak.titel = thema, titel.strip()
    afspraak.omschrijving, afspraak.beoogd_resultaat = omschrijving.strip(), beoogd_resultaat.strip()
    afspraak.full_clean()
    _bewaar(afspraak, actor)
    return afspraak


def _nummer_opnieuw(volgorde: list[Samenwerkingsafspraak], actor: Gebruiker | None) -> None:
    """Give the agreements ranks 1..n in this order, saving only those that change."""
    te_wijzigen = [(a, rang) for rang, a in enumerate(volgorde, start=1) if a.rang != rang]
    for afspraak, _ in te_wijzigen:  # out of the way first: (agenda, rang) is unique
        Samenwerkingsafspraak.objects.filter(pk=afspraak.pk).update(rang=afspraak.rang + _RANG_OPZIJ)
    for afspraak, rang in te_wijzigen:
        afspraak.rang = rang
        _bewaar(afspraak, actor)


@transaction.atomic
def zet_rang(afspraak: Samenwerkingsafspraak, rang: int, *, actor: Gebruiker | None) -> Samenwerkingsafspraak:
    """Move an agreement to `rang`; the ones in between shift up or down by one."""
    agenda = _vergrendel_agenda(afspraak.agenda)
    _eis_bewerkbaar(agenda)
    volgorde = list(agenda.afspraken.order_by("rang"))
    if not 1 <= rang <= len(volgorde):
        raise ValidationError(f"Kies een rang van 1 tot en met {len(volgorde)}.")
    huidige = next(a for a in volgorde if a.pk == afspraak.pk)
    volgorde.remove(huidige)
    volgorde.insert(rang - 1, huidige)
    _nummer_opnieuw(volgorde, actor)
    huidige.refresh_from_db()
    return huidige


@transaction.atomic
def verwijder_afspraak(afspraak: Samenwerkingsafspraak, *, actor: Gebruiker | None) -> None:
    agenda = _vergrendel_agenda(afspraak.agenda)
    _eis_bewerkbaar(agenda)
    _verwijder(afspraak, actor)
    _nummer_opnieuw(list(agenda.afspraken.order_by("rang")), actor)


@transaction.atomic
def leg_agenda_voor(agenda: Agenda, *, actor: Gebruiker | None) -> Agenda:
    """Concept → voorgelegd (to the management councils and the CVI)."""
    agenda = _vergrendel_agenda(agenda)
    if agenda.status != Agenda.Status.CONCEPT:
        raise ValidationError("Alleen een concept kan worden voorgelegd.")
    if not agenda.afspraken.exists():
        raise ValidationError("Een agenda zonder samenwerkingsafspraken kan niet worden voorgelegd.")
    agenda.status = Agenda.Status.VOORGELEGD
    _bewaar(agenda, actor)
    return agenda


@transaction.atomic
def agenda_terug_naar_concept(agenda: Agenda, *, actor: Gebruiker | None) -> Agenda:
    """Voorgelegd → concept, to process feedback; recorded decisions stay."""
    agenda = _vergrendel_agenda(agenda)
    if agenda.status != Agenda.Status.VOORGELEGD:
        raise ValidationError("Alleen een voorgelegde agenda kan terug naar concept.")
    agenda.status = Agenda.Status.CONCEPT
    _bewaar(agenda, actor)
    return agenda


@transaction.atomic
def leg_agendabesluit_vast(
    agenda: Agenda,
    *,
    orgaan: str,
    besluit: str,
    datum: datetime.date,
    kenmerk: str = "",
    toelichting: str = "",
    actor: Gebruiker | None,
) -> AgendaVaststelling:
    """Record a body's decision on a submitted (or already adopted) agenda."""
    agenda = _vergrendel_agenda(agenda)
    if agenda.status == Agenda.Status.CONCEPT:
        raise ValidationError("Leg de agenda eerst voor; een concept heeft nog geen besluiten.")
    if agenda.vaststellingen.filter(orgaan=orgaan).exists():
        raise ValidationError(f"Het besluit van {Orgaan(orgaan).label} over deze versie is al vastgelegd.")
    if datum > timezone.localdate():
        raise ValidationError("De datum van een besluit ligt niet in de toekomst.")
    vaststelling = AgendaVaststelling(
        agenda=agenda,
        orgaan=orgaan,
        besluit=besluit,
        datum=datum,
        kenmerk=kenmerk.strip(),
        toelichting=toelichting.strip(),
        vastgelegd_door=actor,
    )
    vaststelling.full_clean()
    _bewaar(vaststelling, actor)
    return vaststelling


@transaction.atomic
def stel_agenda_vast(agenda: Agenda, *, actor: Gebruiker | None) -> Agenda:
    """Voorgelegd → vastgesteld: it becomes the sector's one current agenda."""
    agenda = _vergrendel_agenda(agenda)
    if agenda.status == Agenda.Status.VASTGESTELD:
        raise ValidationError(f"Versie {agenda.versie} is al vastgesteld.")
    if agenda.status != Agenda.Status.VOORGELEGD:
        raise ValidationError(
            "Leg de agenda eerst voor; alleen een voorgelegde agenda kan worden vastgesteld."
        )
    positief = [v for v in agenda.vaststellingen.all() if v.is_positief]
    if not positief:
        raise ValidationError("Leg eerst het besluit vast van het orgaan dat de agenda heeft vastgesteld.")
    vorige = (
        Agenda.objects.select_for_update().filter(sector=agenda.sector, huidig=True).exclude(pk=agenda.pk)
    )
    for oud in vorige:
        oud.huidig = False
        _bewaar(oud, actor)
    agenda.status, agenda.huidig = Agenda.Status.VASTGESTELD, True
    agenda.vastgesteld_op = max(v.datum for v in positief)
    try:
        with transaction.atomic():
            _bewaar(agenda, actor)
    except IntegrityError:  # another editor adopted a version at the same moment
        raise ValidationError(
            "Er is intussen een andere versie vastgesteld. Laad de pagina opnieuw."
        ) from None
    return agenda


@transaction.atomic
def voeg_expertbijeenkomst_toe(
    agenda: Agenda, *, datum: datetime.date, deelnemers: str, samenvatting: str = "", actor: Gebruiker | None
) -> Expertbijeenkomst:
    if not deelnemers.strip():
        raise ValidationError("Noem de deelnemers van de bijeenkomst.")
    bijeenkomst = Expertbijeenkomst(
        agenda=agenda, datum=datum, deelnemers=deelnemers.strip(), samenvatting=samenvatting.strip()
    )
    _bewaar(bijeenkomst, actor)
    return bijeenkomst


# --- Role description -----------------------------------------------------------------------------


def _vergrendel_rol(rol: Rolbeschrijving) -> Rolbeschrijving:
    return Rolbeschrijving.objects.select_for_update().get(pk=rol.pk)


@transaction.atomic
def nieuwe_rolversie(*, actor: Gebruiker | None) -> Rolbeschrijving:
    """Start a new version (verkenning): a copy of the adopted one, or an empty section per theme."""
    open_versie = Rolbeschrijving.objects.select_for_update().exclude(
        status=Rolbeschrijving.Status.VASTGESTELD
    )
    if (bestaand := open_versie.first()) is not None:
        raise ValidationError(
            f"Versie {bestaand.versie} is nog in bewerking ({bestaand.get_status_display()}). Rond die eerst af."
        )
    huidig = Rolbeschrijving.objects.filter(huidig=True).first()
    hoogste = Rolbeschrijving.objects.aggregate(m=Max("versie"))["m"] or 0
    rol = Rolbeschrijving(versie=hoogste + 1, gebaseerd_op=huidig)
    if huidig is not None:
        rol.titel, rol.voorbeeld = huidig.titel, huidig.voorbeeld
    _bewaar(rol, actor)
    if huidig is not None:
        for sectie in huidig.secties.all():
            sectie.pk, sectie.rolbeschrijving = None, rol
            sectie._state.adding = True
            _bewaar(sectie, actor)
    else:
        for sectie in _lege_secties(rol):
            _bewaar(sectie, actor)
    return rol


def _lege_secties(rol: Rolbeschrijving) -> list[RolSectie]:
    secties = [RolSectie(rolbeschrijving=rol, soort=RolSectie.Soort.INLEIDING, volgorde=0, titel="Inleiding")]
    for thema in Thema.objects.all():
        secties.append(
            RolSectie(
                rolbeschrijving=rol,
                soort=RolSectie.Soort.THEMA,
                thema=thema,
                volgorde=thema.nummer,
                titel=thema.naam,
                definitie=thema.omschrijving,
            )
        )
    secties.append(
        RolSectie(
            rolbeschrijving=rol,
            soort=RolSectie.Soort.BURGERPARTICIPATIE,
            volgorde=99,
            titel="Burgerparticipatie en zelfredzaamheid",
        )
    )
    return secties


@transaction.atomic
def wijzig_sectie(sectie: RolSectie, *, actor: Gebruiker | None, **velden: str) -> RolSectie:
    rol = _vergrendel_rol(sectie.rolbeschrijving)
    if not rol.is_bewerkbaar:
        raise ValidationError(
            f"De tekst is {rol.get_status_display()} en ligt vast; alleen in verkenning of concept kan hij worden gewijzigd."
        )
    onbekend = set(velden) - set(RolSectie.TEKSTVELDEN)
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    for veld, waarde in velden.items():
        setattr(sectie, veld, waarde.strip())
    if not sectie.titel:
        raise ValidationError("Een sectie heeft een titel.")
    _bewaar(sectie, actor)
    return sectie


@transaction.atomic
def nodig_uit_voor_consultatie(
    rol: Rolbeschrijving, organisaties: Iterable[Organisatie], *, actor: Gebruiker | None
) -> Rolbeschrijving:
    rol = _vergrendel_rol(rol)
    if rol.status not in (Rolbeschrijving.Status.CONCEPT, Rolbeschrijving.Status.CONSULTATIE):
        raise ValidationError("Organisaties uitnodigen kan in de fase concept of consultatie.")
    rol._history_user = actor  # type: ignore[attr-defined]
    rol.uitgenodigd.set(organisaties)
    return rol


@transaction.atomic
def zet_rolstatus(rol: Rolbeschrijving, status: str, *, actor: Gebruiker | None) -> Rolbeschrijving:
    """Move one step along verkenning → concept → consultatie → definitief → vastgesteld."""
    rol = _vergrendel_rol(rol)
    if status != rol.volgende_status:
        raise ValidationError(
            f"Van {rol.get_status_display()} gaat een rolbeschrijving alleen naar "
            f"{Rolbeschrijving.Status(rol.volgende_status).label if rol.volgende_status else 'geen volgende fase'}."
        )
    if status == Rolbeschrijving.Status.CONSULTATIE and not rol.uitgenodigd.exists():
        raise ValidationError("Nodig eerst de organisaties uit die in de consultatie mogen reageren.")
    if status == Rolbeschrijving.Status.DEFINITIEF:
        open_reacties = Consultatiereactie.objects.filter(sectie__rolbeschrijving=rol, antwoord="").count()
        if open_reacties:
            raise ValidationError(
                f"Nog {open_reacties} consultatiereactie{'s' if open_reacties != 1 else ''} zonder antwoord. "
                "Beantwoord eerst alle reacties."
            )
    if status == Rolbeschrijving.Status.VASTGESTELD:
        positief = {v.orgaan: v for v in rol.vaststellingen.all() if v.is_positief}
        ontbreekt = [str(Orgaan(o).label) for o in Rolbeschrijving.VASTSTELLENDE_ORGANEN if o not in positief]
        if ontbreekt:
            raise ValidationError("Nog geen positief besluit van: " + ", ".join(ontbreekt) + ".")
        for oud in Rolbeschrijving.objects.select_for_update().filter(huidig=True).exclude(pk=rol.pk):
            oud.huidig = False
            _bewaar(oud, actor)
        rol.huidig = True
        rol.vastgesteld_op = max(v.datum for v in positief.values())
    rol.status = status
    _bewaar(rol, actor)
    return rol


@transaction.atomic
def plaats_reactie(sectie: RolSectie, *, tekst: str, actor: Gebruiker) -> Consultatiereactie:
    """A comment by a user of an invited body, during consultation only."""
    rol = _vergrendel_rol(sectie.rolbeschrijving)
    if rol.status != Rolbeschrijving.Status.CONSULTATIE:
        raise ValidationError("Reageren kan alleen tijdens de consultatie.")
    if actor.organisatie_id is None or not rol.uitgenodigd.filter(pk=actor.organisatie_id).exists():
        raise ValidationError("Uw organisatie is niet uitgenodigd voor deze consultatie.")
    if not tekst.strip():
        raise ValidationError("Schrijf uw reactie.")
    reactie = Consultatiereactie(
        sectie=sectie, auteur=actor, organisatie_id=actor.organisatie_id, tekst=tekst.strip()
    )
    _bewaar(reactie, actor)
    return reactie


@transaction.atomic
def beantwoord_reactie(
    reactie: Consultatiereactie, *, antwoord: str, motivering: str, actor: Gebruiker | None
) -> Consultatiereactie:
    rol = _vergrendel_rol(reactie.sectie.rolbeschrijving)
    if rol.status != Rolbeschrijving.Status.CONSULTATIE:
        raise ValidationError("Reacties worden beantwoord tijdens de consultatie.")
    if antwoord not in Consultatiereactie.Antwoord.values:
        raise ValidationError("Kies: overgenomen, deels overgenomen of niet overgenomen.")
    if not motivering.strip():
        raise ValidationError("Motiveer het antwoord.")
    reactie.antwoord, reactie.motivering = antwoord, motivering.strip()
    reactie.beantwoord_door, reactie.beantwoord_op = actor, timezone.now()
    _bewaar(reactie, actor)
    return reactie


@transaction.atomic
def leg_rolbesluit_vast(
    rol: Rolbeschrijving,
    *,
    orgaan: str,
    besluit: str,
    datum: datetime.date,
    kenmerk: str = "",
    toelichting: str = "",
    actor: Gebruiker | None,
) -> RolVaststelling:
    rol = _vergrendel_rol(rol)
    if rol.status not in (Rolbeschrijving.Status.DEFINITIEF, Rolbeschrijving.Status.VASTGESTELD):
        raise ValidationError("Besluiten worden vastgelegd over de definitieve tekst.")
    if orgaan not in Rolbeschrijving.VASTSTELLENDE_ORGANEN:
        raise ValidationError(f"{Orgaan(orgaan).label} stelt de rolbeschrijving niet vast.")
    if rol.vaststellingen.filter(orgaan=orgaan).exists():
        raise ValidationError(f"Het besluit van {Orgaan(orgaan).label} is al vastgelegd.")
    if datum > timezone.localdate():
        raise ValidationError("De datum van een besluit ligt niet in de toekomst.")
    vaststelling = RolVaststelling(
        rolbeschrijving=rol,
        orgaan=orgaan,
        besluit=besluit,
        datum=datum,
        kenmerk=kenmerk.strip(),
        toelichting=toelichting.strip(),
        vastgelegd_door=actor,
    )
    vaststelling.full_clean()
    _bewaar(vaststelling, actor)
    return vaststelling


@transaction.atomic
def leg_ondertekening_vast(
    rol: Rolbeschrijving,
    *,
    veiligheidsregio: Organisatie,
    datum: datetime.date,
    ondertekend_door: str,
    actor: Gebruiker | None,
) -> Ondertekening:
    rol = _vergrendel_rol(rol)
    if rol.status != Rolbeschrijving.Status.VASTGESTELD:
        raise ValidationError("Alleen een vastgestelde rolbeschrijving kan worden ondertekend.")
    if not veiligheidsregio.is_veiligheidsregio:
        raise ValidationError(f"{veiligheidsregio} is geen veiligheidsregio.")
    if rol.ondertekeningen.filter(veiligheidsregio=veiligheidsregio).exists():
        raise ValidationError(f"De ondertekening door {veiligheidsregio} is al vastgelegd.")
    if rol.vastgesteld_op and datum < rol.vastgesteld_op:
        raise ValidationError("Ondertekenen kan pas na de vaststelling.")
    if datum > timezone.localdate():
        raise ValidationError("De datum van ondertekening ligt niet in de toekomst.")
    if not ondertekend_door.strip():
        raise ValidationError("Vul in wie namens het bestuur heeft getekend.")
    ondertekening = Ondertekening(
        rolbeschrijving=rol,
        veiligheidsregio=veiligheidsregio,
        datum=datum,
        ondertekend_door=ondertekend_door.strip(),
        vastgelegd_door=actor,
    )
    _bewaar(ondertekening, actor)
    return ondertekening


def ondertekenstand(rol: Rolbeschrijving) -> dict:
    """Which of the 25 safety regions signed, and which not yet (two queries)."""
    getekend = list(rol.ondertekeningen.select_related("veiligheidsregio"))
    gedaan = {o.veiligheidsregio_id for o in getekend}
    ontbrekend = [r for r in Organisatie.objects.veiligheidsregios() if r.pk not in gedaan]
    return {
        "getekend": getekend,
        "ontbrekend": ontbrekend,
        "aantal": len(getekend),
        "totaal": len(getekend) + len(ontbrekend),
    }
