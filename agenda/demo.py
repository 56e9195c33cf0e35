"""Example agendas and an example role description for demonstrations (issue 3, item 9).

Called by `manage.py laad_demodata` (never by the reference loader). Everything goes through
`agenda.services`, as the project team would do it in the portal, so the lifecycle rules hold and
the history names the actor. The content itself lives in `agenda.demo_inhoud` and is marked as
example content (`voorbeeld=True`, "Voorbeeldinhoud" in the text).

Safe to run again: a sector that has any agenda version, or a portal with any role description,
is left alone, so real content and demo content edited in the portal are never touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from netwerken.models import Gebruiker, Organisatie, Sector

from . import services
from .demo_inhoud import (
    AGENDABESLUITEN,
    AGENDAS,
    BURGERPARTICIPATIE,
    INLEIDING,
    ONDERTEKENINGEN,
    REACTIES,
    ROLBESLUITEN,
    THEMASECTIES,
    UITGENODIGD,
    SectorAgenda,
)
from .models import Agenda, Besluit, Rolbeschrijving, RolSectie, Thema

if TYPE_CHECKING:
    from django.db.models import Model

ONDERTEKEND_DOOR = "Voorzitter algemeen bestuur (demo)"


@transaction.atomic
def laad_agenda_demo(*, actor: Gebruiker | None = None) -> str:
    """Create the missing example agendas and role description; returns a one-line summary."""
    themas = Thema.objects.in_bulk(field_name="nummer")
    if not set(range(1, 9)) <= set(themas):
        return "Agenda-demo overgeslagen: de acht thema's ontbreken (voer eerst laad_referentiedata uit)."

    sectoren = Sector.objects.in_bulk(list(AGENDAS), field_name="slug")
    met_agenda = set(
        Agenda.objects.filter(sector__in=sectoren.values()).values_list("sector__slug", flat=True)
    )
    nieuw = []
    for slug, inhoud in AGENDAS.items():
        if slug in sectoren and slug not in met_agenda:
            maak_agenda(sectoren[slug], inhoud, themas, actor=actor)
            nieuw.append(sectoren[slug].naam)

    if Rolbeschrijving.objects.exists():
        rol_regel = "rolbeschrijving al aanwezig"
    else:
        rol = maak_rolbeschrijving(themas, actor=actor)
        rol_regel = f"rolbeschrijving aangemaakt ({rol.ondertekeningen.count()} van 25 ondertekend)"

    agendas = f"{len(nieuw)} agenda's aangemaakt" + (f" ({', '.join(nieuw)})" if nieuw else "")
    return f"Agenda-demo: {agendas}, {len(met_agenda)} al aanwezig; {rol_regel}."


def _markeer_als_voorbeeld(obj: Model, actor: Gebruiker | None) -> None:
    obj.voorbeeld = True  # type: ignore[attr-defined]
    obj._history_user = actor  # type: ignore[attr-defined]
    obj.save(update_fields=["voorbeeld"])


def maak_agenda(
    sector: Sector, inhoud: SectorAgenda, themas: dict[int, Thema], *, actor: Gebruiker | None
) -> Agenda:
    """Concept → items → expert meeting → submitted → three decisions → adopted (current)."""
    agenda = services.nieuwe_agendaversie(sector, actor=actor, toelichting=inhoud.toelichting)
    _markeer_als_voorbeeld(agenda, actor)
    for afspraak in inhoud.afspraken:  # in order of rank
        services.voeg_afspraak_toe(
            agenda,
            thema=themas[afspraak.thema],
            titel=afspraak.titel,
            omschrijving=afspraak.omschrijving,
            beoogd_resultaat=afspraak.beoogd_resultaat,
            actor=actor,
        )
    bijeenkomst = inhoud.bijeenkomst
    services.voeg_expertbijeenkomst_toe(
        agenda,
        datum=bijeenkomst.datum,
        deelnemers="\n".join(bijeenkomst.deelnemers),
        samenvatting=bijeenkomst.samenvatting,
        actor=actor,
    )
    services.leg_agenda_voor(agenda, actor=actor)
    for orgaan, datum, kenmerk, toelichting in AGENDABESLUITEN:
        services.leg_agendabesluit_vast(
            agenda,
            orgaan=orgaan,
            besluit=Besluit.VASTGESTELD,
            datum=datum,
            kenmerk=kenmerk,
            toelichting=toelichting,
            actor=actor,
        )
    return services.stel_agenda_vast(agenda, actor=actor)


def maak_rolbeschrijving(themas: dict[int, Thema], *, actor: Gebruiker | None) -> Rolbeschrijving:
    """Verkenning → texts → concept → consultation with answered comments → definitief → four
    decisions → vastgesteld → signatures of 17 of the 25 boards."""
    rol = services.nieuwe_rolversie(actor=actor)
    _markeer_als_voorbeeld(rol, actor)
    secties_per_thema: dict[int, RolSectie] = {}
    for sectie in rol.secties.select_related("thema"):
        if sectie.soort == RolSectie.Soort.INLEIDING:
            services.wijzig_sectie(sectie, actor=actor, tekst=INLEIDING)
        elif sectie.soort == RolSectie.Soort.BURGERPARTICIPATIE:
            services.wijzig_sectie(sectie, actor=actor, tekst=BURGERPARTICIPATIE)
        else:
            tekst = THEMASECTIES[sectie.thema.nummer]
            services.wijzig_sectie(
                sectie,
                actor=actor,
                definitie=tekst.definitie,
                taken=tekst.taken,
                wettelijke_basis=tekst.wettelijke_basis,
                aandachtspunten_ministeries=tekst.aandachtspunten_ministeries,
                aandachtspunten_bedrijven=tekst.aandachtspunten_bedrijven,
            )
            secties_per_thema[sectie.thema.nummer] = sectie

    rol = services.zet_rolstatus(rol, Rolbeschrijving.Status.CONCEPT, actor=actor)
    uitgenodigd = list(Organisatie.objects.filter(code__in=UITGENODIGD))
    services.nodig_uit_voor_consultatie(rol, uitgenodigd, actor=actor)
    rol = services.zet_rolstatus(rol, Rolbeschrijving.Status.CONSULTATIE, actor=actor)
    auteurs = Gebruiker.objects.in_bulk([r.auteur for r in REACTIES], field_name="email")
    uitgenodigde_ids = {o.pk for o in uitgenodigd}
    for tekst in REACTIES:
        auteur = auteurs.get(tekst.auteur)
        if auteur is None or auteur.organisatie_id not in uitgenodigde_ids:
            continue  # without the demo accounts the consultation simply has fewer comments
        reactie = services.plaats_reactie(secties_per_thema[tekst.thema], tekst=tekst.tekst, actor=auteur)
        services.beantwoord_reactie(
            reactie, antwoord=tekst.antwoord, motivering=tekst.motivering, actor=actor
        )

    rol = services.zet_rolstatus(rol, Rolbeschrijving.Status.DEFINITIEF, actor=actor)
    for orgaan, datum, kenmerk, toelichting in ROLBESLUITEN:
        services.leg_rolbesluit_vast(
            rol,
            orgaan=orgaan,
            besluit=Besluit.VASTGESTELD,
            datum=datum,
            kenmerk=kenmerk,
            toelichting=toelichting,
            actor=actor,
        )
    rol = services.zet_rolstatus(rol, Rolbeschrijving.Status.VASTGESTELD, actor=actor)
    regios = {r.vr_nummer: r for r in Organisatie.objects.veiligheidsregios()}
    for nummer, datum in ONDERTEKENINGEN.items():
        if nummer in regios:
            services.leg_ondertekening_vast(
                rol,
                veiligheidsregio=regios[nummer],
                datum=datum,
                ondertekend_door=ONDERTEKEND_DOOR,
                actor=actor,
            )
    return rol
