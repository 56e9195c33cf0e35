"""Writes on networks: one function per write, atomic, with the acting user in history.

Views, the admin, management commands and tests all call these; none repeats their rules.
Each refusal is a `ValidationError` with a Dutch message and leaves the database untouched.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import defaultdict
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from continuiteit.historie import bewaar as _bewaar
from continuiteit.historie import verwijder as _verwijder

from .models import (
    Deelname,
    Gebruiker,
    Gemeente,
    Lidmaatschap,
    Netwerk,
    NetwerkRegio,
    Organisatie,
    Uitnodiging,
)
from .permissions import werk_rechten_bij

if TYPE_CHECKING:
    from collections.abc import Iterable


# --- Membership -----------------------------------------------------------------------------------


def _deelname_van(netwerk: Netwerk, persoon: Gebruiker) -> Deelname | None:
    return Deelname.objects.filter(netwerk=netwerk, organisatie_id=persoon.organisatie_id).first()


@transaction.atomic
def voeg_lid_toe(netwerk: Netwerk, persoon: Gebruiker, rol: str, *, actor: Gebruiker | None) -> Lidmaatschap:
    """Add a person to a network. His organisation must take part in it."""
    if Lidmaatschap.objects.filter(netwerk=netwerk, persoon=persoon).exists():
        raise ValidationError(f"{persoon} is al lid van dit netwerk.")
    if persoon.organisatie_id is None or _deelname_van(netwerk, persoon) is None:
        raise ValidationError(
            f"{persoon} werkt bij een organisatie die niet aan dit netwerk deelneemt. "
            "Voeg eerst de organisatie toe als deelnemer."
        )
    lidmaatschap = Lidmaatschap(netwerk=netwerk, persoon=persoon, rol=rol)
    lidmaatschap.full_clean()
    try:
        with transaction.atomic():
            _bewaar(lidmaatschap, actor)
    except IntegrityError:  # a concurrent add of the same person
        raise ValidationError(f"{persoon} is al lid van dit netwerk.") from None
    werk_rechten_bij(netwerk, persoon)
    return lidmaatschap


def _controleer_coordinator_blijft(lidmaatschap: Lidmaatschap) -> None:
    andere = Lidmaatschap.objects.filter(
        netwerk_id=lidmaatschap.netwerk_id, rol=Lidmaatschap.Rol.COORDINATOR
    ).exclude(pk=lidmaatschap.pk)
    if lidmaatschap.rol == Lidmaatschap.Rol.COORDINATOR and not andere.exists():
        raise ValidationError(
            "Een netwerk houdt minstens één coördinator. Benoem eerst een andere coördinator."
        )


@transaction.atomic
def wijzig_rol(lidmaatschap: Lidmaatschap, rol: str, *, actor: Gebruiker | None) -> Lidmaatschap:
    lidmaatschap = Lidmaatschap.objects.select_for_update().get(pk=lidmaatschap.pk)
    if rol not in Lidmaatschap.Rol.values:
        raise ValidationError("Onbekende rol.")
    if rol == lidmaatschap.rol:
        return lidmaatschap
    if rol != Lidmaatschap.Rol.COORDINATOR:
        _controleer_coordinator_blijft(lidmaatschap)
    lidmaatschap.rol = rol
    _bewaar(lidmaatschap, actor)
    werk_rechten_bij(lidmaatschap.netwerk, lidmaatschap.persoon)
    return lidmaatschap


@transaction.atomic
def verwijder_lid(lidmaatschap: Lidmaatschap, *, actor: Gebruiker | None) -> None:
    """Remove a member; he stops being his organisation's contact in this network and his
    invitations to its coming meetings are taken back (with a cancellation mail)."""
    lidmaatschap = (
        Lidmaatschap.objects.select_for_update(of=("self",))
        .select_related("netwerk", "persoon")
        .get(pk=lidmaatschap.pk)
    )
    _controleer_coordinator_blijft(lidmaatschap)
    for deelname in Deelname.objects.filter(
        netwerk=lidmaatschap.netwerk, contactpersoon=lidmaatschap.persoon
    ):
        deelname.contactpersoon = None
        _bewaar(deelname, actor)
    _verwijder(lidmaatschap, actor)
    werk_rechten_bij(lidmaatschap.netwerk, lidmaatschap.persoon)
    # Imported here: the meetings app builds on this one, not the other way round.
    from bijeenkomsten.services import trek_netwerkuitnodigingen_in

    trek_netwerkuitnodigingen_in(lidmaatschap.netwerk, lidmaatschap.persoon, actor=actor)


# --- Participation --------------------------------------------------------------------------------


@transaction.atomic
def zet_leadpartner(deelname: Deelname, leadpartner: bool, *, actor: Gebruiker | None) -> Deelname:
    """Appoint or withdraw a lead partner. A second one on the same side is refused."""
    deelname = (
        Deelname.objects.select_for_update(of=("self",)).select_related("organisatie").get(pk=deelname.pk)
    )
    if deelname.leadpartner == leadpartner:
        return deelname
    if leadpartner:
        if deelname.zijde == Deelname.Zijde.OVERIG:
            raise ValidationError(
                "Leadpartners zijn er alleen aan de kant van de veiligheidsregio's en de bedrijven."
            )
        huidige = (
            Deelname.objects.filter(netwerk_id=deelname.netwerk_id, zijde=deelname.zijde, leadpartner=True)
            .select_related("organisatie")
            .first()
        )
        if huidige is not None:
            raise ValidationError(
                f"{huidige.organisatie} is al leadpartner aan de kant van de {deelname.get_zijde_display()}. "
                "Trek die aanwijzing eerst in."
            )
    deelname.leadpartner = leadpartner
    try:
        with transaction.atomic():
            _bewaar(deelname, actor)
    except IntegrityError:
        raise ValidationError("Er is aan deze kant al een leadpartner.") from None
    return deelname


@transaction.atomic
def zet_contactpersoon(deelname: Deelname, persoon: Gebruiker | None, *, actor: Gebruiker | None) -> Deelname:
    """Name (or clear) the organisation's one contact person; he must be a member working there."""
    deelname = Deelname.objects.select_for_update().get(pk=deelname.pk)
    if persoon is not None:
        if persoon.organisatie_id != deelname.organisatie_id:
            raise ValidationError(f"{persoon} werkt niet bij {deelname.organisatie}.")
        if not Lidmaatschap.objects.filter(netwerk_id=deelname.netwerk_id, persoon=persoon).exists():
            raise ValidationError(f"{persoon} is geen lid van dit netwerk.")
    deelname.contactpersoon = persoon
    _bewaar(deelname, actor)
    return deelname


@transaction.atomic
def voeg_deelnemer_toe(
    netwerk: Netwerk,
    organisatie: Organisatie,
    rol: str,
    *,
    actor: Gebruiker | None,
    coordinerend: bool = False,
    leadpartner: bool = False,
) -> Deelname:
    if Deelname.objects.filter(netwerk=netwerk, organisatie=organisatie).exists():
        raise ValidationError(f"{organisatie} neemt al deel aan dit netwerk.")
    if coordinerend and Deelname.objects.filter(netwerk=netwerk, coordinerend=True).exists():
        raise ValidationError("Dit netwerk heeft al een coördinerende veiligheidsregio.")
    deelname = Deelname(
        netwerk=netwerk, organisatie=organisatie, rol=rol, coordinerend=coordinerend, leadpartner=leadpartner
    )
    deelname.zijde = Deelname.zijde_voor(organisatie)
    deelname.full_clean()
    _bewaar(deelname, actor)
    return deelname


# --- Derivation of safety regions -----------------------------------------------------------------


def bereken_regiodekking(gemeenten: Iterable[Gemeente]) -> dict[int, tuple[int, int]]:
    """Per safety region id: (gemeenten of the werkgebied in it, gemeenten in the region).

    Pure over its input apart from one query for the region sizes.
    """
    in_werkgebied: dict[int, int] = defaultdict(int)
    for gemeente in gemeenten:
        in_werkgebied[gemeente.veiligheidsregio_id] += 1
    totalen = dict(
        Gemeente.objects.filter(veiligheidsregio_id__in=in_werkgebied)
        .values_list("veiligheidsregio_id")
        .annotate(n=Count("id"))
        .values_list("veiligheidsregio_id", "n")
    )
    return {regio_id: (n, totalen[regio_id]) for regio_id, n in in_werkgebied.items()}


@transaction.atomic
def leid_regios_af(netwerk: Netwerk, *, actor: Gebruiker | None) -> list[NetwerkRegio]:
    """Derive the network's safety regions from the kernpartner's werkgebied.

    Regions adjusted by hand keep their choice; their counts are refreshed.
    """
    if netwerk.kernpartner_id is None:
        return list(netwerk.regios.all())
    gemeenten = netwerk.kernpartner.werkgebied.only("id", "veiligheidsregio_id")
    dekking = bereken_regiodekking(gemeenten)
    bestaand = {r.veiligheidsregio_id: r for r in netwerk.regios.all()}
    for regio_id, (n, totaal) in dekking.items():
        regio = bestaand.pop(regio_id, None) or NetwerkRegio(netwerk=netwerk, veiligheidsregio_id=regio_id)
        regio.gemeenten_in_werkgebied, regio.gemeenten_totaal = n, totaal
        regio.dekking = NetwerkRegio.Dekking.VOLLEDIG if n >= totaal else NetwerkRegio.Dekking.DEELS
        _bewaar(regio, actor)
    for regio in bestaand.values():  # no longer in the werkgebied
        if regio.handmatig:
            regio.gemeenten_in_werkgebied, regio.dekking = 0, NetwerkRegio.Dekking.GEEN
            _bewaar(regio, actor)
        else:
            _verwijder(regio, actor)
    return list(netwerk.regios.select_related("veiligheidsregio"))


@transaction.atomic
def pas_regio_aan(
    netwerk: Netwerk, veiligheidsregio: Organisatie, opgenomen: bool, *, actor: Gebruiker | None
) -> NetwerkRegio:
    """Include or exclude a safety region by hand; the derivation keeps that choice."""
    if not veiligheidsregio.is_veiligheidsregio:
        raise ValidationError(f"{veiligheidsregio} is geen veiligheidsregio.")
    regio, _ = NetwerkRegio.objects.get_or_create(
        netwerk=netwerk,
        veiligheidsregio=veiligheidsregio,
        defaults={
            "dekking": NetwerkRegio.Dekking.GEEN,
            "gemeenten_totaal": veiligheidsregio.gemeenten.count(),
        },
    )
    regio.handmatig, regio.opgenomen = True, opgenomen
    _bewaar(regio, actor)
    return regio


# --- Invitations ----------------------------------------------------------------------------------


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def nodig_uit(
    netwerk: Netwerk, *, email: str, naam: str, organisatie: Organisatie, rol: str, actor: Gebruiker
) -> tuple[Uitnodiging, str]:
    """Invite a person by e-mail. Returns the invitation and the secret token (mailed, never stored)."""
    email = email.strip().lower()
    if Lidmaatschap.objects.filter(netwerk=netwerk, persoon__email__iexact=email).exists():
        raise ValidationError(f"{email} is al lid van dit netwerk.")
    if not Deelname.objects.filter(netwerk=netwerk, organisatie=organisatie).exists():
        raise ValidationError(f"{organisatie} neemt niet deel aan dit netwerk.")
    bestaand = Gebruiker.objects.filter(email__iexact=email).first()
    if bestaand is not None and bestaand.organisatie_id != organisatie.pk:
        raise ValidationError(
            f"{email} heeft al een account bij {bestaand.organisatie}; kies die organisatie."
        )
    # A new invitation replaces an open one for the same address.
    nu = timezone.now()
    for open_uitnodiging in Uitnodiging.objects.filter(
        netwerk=netwerk, email=email, gebruikt_op__isnull=True, ingetrokken_op__isnull=True
    ):
        open_uitnodiging.ingetrokken_op = nu
        _bewaar(open_uitnodiging, actor)
    token = secrets.token_urlsafe(32)
    uitnodiging = Uitnodiging(
        netwerk=netwerk,
        email=email,
        naam=naam.strip(),
        organisatie=organisatie,
        rol=rol,
        token_hash=_hash(token),
        verloopt_op=nu + timedelta(days=settings.UITNODIGING_GELDIG_DAGEN),
        uitgenodigd_door=actor,
    )
    uitnodiging.full_clean(exclude=["token_hash"])
    _bewaar(uitnodiging, actor)
    link = settings.SITE_URL.rstrip("/") + reverse("netwerken:uitnodiging", kwargs={"token": token})
    context = {"uitnodiging": uitnodiging, "link": link, "actor": actor}
    transaction.on_commit(
        lambda: send_mail(
            subject=f"Uitnodiging voor het netwerk {netwerk.naam}",
            message=render_to_string("netwerken/mail/uitnodiging.txt", context),
            html_message=render_to_string("netwerken/mail/uitnodiging.html", context),
            from_email=None,
            recipient_list=[email],
        )
    )
    return uitnodiging, token


@transaction.atomic
def trek_uitnodiging_in(uitnodiging: Uitnodiging, *, actor: Gebruiker) -> None:
    if uitnodiging.gebruikt_op is None and uitnodiging.ingetrokken_op is None:
        uitnodiging.ingetrokken_op = timezone.now()
        _bewaar(uitnodiging, actor)


def zoek_uitnodiging(token: str) -> Uitnodiging | None:
    return (
        Uitnodiging.objects.select_related("netwerk", "organisatie").filter(token_hash=_hash(token)).first()
    )


@transaction.atomic
def accepteer_uitnodiging(
    uitnodiging: Uitnodiging,
    *,
    gebruiker: Gebruiker | None = None,
    wachtwoord: str | None = None,
    naam: str = "",
) -> Lidmaatschap:
    """Use an invitation once: create the account (if needed) and the membership."""
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if uitnodiging.gebruikt_op is not None:
        raise ValidationError(
            "Deze uitnodiging is al gebruikt. Log in of vraag de coördinator om een nieuwe."
        )
    if uitnodiging.ingetrokken_op is not None:
        raise ValidationError("Deze uitnodiging is ingetrokken. Vraag de coördinator om een nieuwe.")
    if uitnodiging.verloopt_op <= timezone.now():
        raise ValidationError("Deze uitnodiging is verlopen. Vraag de coördinator om een nieuwe.")
    if gebruiker is None:
        gebruiker = Gebruiker.objects.filter(email__iexact=uitnodiging.email).first()
        if gebruiker is not None:
            raise ValidationError("Er bestaat al een account met dit e-mailadres. Log eerst in.")
        gebruiker = Gebruiker(
            email=uitnodiging.email, naam=naam or uitnodiging.naam, organisatie=uitnodiging.organisatie
        )
        gebruiker.set_password(wachtwoord)
        _bewaar(gebruiker, None)
    elif gebruiker.email.lower() != uitnodiging.email.lower():
        raise ValidationError("Deze uitnodiging is voor een ander e-mailadres.")
    uitnodiging.gebruikt_op = timezone.now()
    _bewaar(uitnodiging, gebruiker)
    return voeg_lid_toe(uitnodiging.netwerk, gebruiker, uitnodiging.rol, actor=gebruiker)
