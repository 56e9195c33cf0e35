"""Periodic e-mail: daily reminders and the scheduled reports (issue 6 item 8; DESIGN §6).

Celery beat runs `verstuur_herinneringen` every morning and `verstuur_geplande_rapporten` on the
first of the month (`continuiteit.settings.CELERY_BEAT_SCHEDULE`, tasks in `monitoring.tasks`); the
management commands of the same names run them by hand for a chosen date.

**Reminders.** One digest e-mail per person per kind of reminder per run, listing the items:

* ``actie_termijn`` — the owner of an open action: once when its due date comes within 14 days
  (once per due date: a moved date reminds again), and once a week while it is overdue (days 1–7
  after the due date, days 8–14, …), never daily.
* ``instemming`` — the contact person of an organisation whose decision on the plan version *ter
  instemming* is still missing: first after 14 days, then once a week until it decides.
* ``update_ontbreekt`` — an open action of a plan being carried out (vastgesteld, in uitvoering)
  without a progress update or any change for 30 days: its network's coordinators, again every
  30 days; from 60 days also the project team (escalation). A new update starts a new count.
* ``menukaart_review`` — published items not reviewed for 12 months: their curator (the project
  team when the item has none, or its curator left the team), once per calendar month.

Nobody gets a reminder he switched off (`Herinneringsafmelding`), inactive accounts get nothing,
and an action is only mentioned to someone who may see it (`Zichtbaarheid` mirrors the
`visible_to` querysets, TLP:RED included).

**Idempotency.** Every item of a digest has a key ``<soort>:<object>:<ontvanger>:<periode>``,
stored in `VerzondenBericht` (unique). A run leaves out items whose key exists, and sends no mail
without new items: running twice on one day sends nothing twice. The keys are committed in one
transaction *before* the mails go out over one SMTP connection; a parallel run that tries to store
the same key fails on the unique constraint and sends nothing (the other run sends).

**When sending fails.** A mail whose sending raises (or the mail server cannot be reached at all)
has its keys removed again, so the next run sends it: a reminder is delayed by a day, not lost and
not doubled. Only a crash between the commit and the send loses that period's mention of an item
(at most once: a missed reminder is preferable to a duplicate, and the next period reminds again).

**Queries.** A fixed number per run, whatever the number of actions, plans, items and people:
each kind loads its candidates and the people in one or two queries, visibility in at most three
(`Zichtbaarheid`), then one query for the known keys and one insert (split in batches only by the
database's parameter limit). Templates get only prefetched data.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from actieplannen.models import TLP, Actieplan, Instemming, Verbeteractie, Voortgangsupdate
from continuiteit.historie import bewaar, verwijder
from menukaart.models import MenukaartItem
from netwerken.models import Deelname, Gebruiker, Lidmaatschap, NetwerkGebruikerRecht

from .models import Herinneringsafmelding, Herinneringssoort, VerzondenBericht

if TYPE_CHECKING:
    from django.db.models import QuerySet

logger = logging.getLogger(__name__)

BINNENKORT_DAGEN = 14  # an action due within this many days is reminded (once per due date)
TE_LAAT_HERHAAL_DAGEN = 7  # an overdue action is reminded once per this many days
INSTEMMING_NA_DAGEN = 14  # consent pending this long is reminded …
INSTEMMING_HERHAAL_DAGEN = 7  # … and again every this many days
UPDATE_NA_DAGEN = 30  # an action silent this long is reminded to the coordinators …
ESCALATIE_NA_DAGEN = 60  # … and from this long also to the project team
UPDATE_HERHAAL_DAGEN = 30  # … and again every this many days

# Plans whose actions are being carried out: only there a missing progress update means something.
PLANNEN_IN_UITVOERING = (Actieplan.Status.VASTGESTELD, Actieplan.Status.IN_UITVOERING)

S = Herinneringssoort


# --- Building blocks ------------------------------------------------------------------------------


def absolute_url(pad: str) -> str:
    """An absolute link for an e-mail (`settings.SITE_URL` + path)."""
    return settings.SITE_URL.rstrip("/") + pad


@dataclass
class Regel:
    """One item in a digest: what it is about, a link, and the key that records its mention."""

    sleutel: str
    groep: str  # the section of the mail it is listed under, e.g. "te_laat" or "binnenkort"
    titel: str
    url: str
    netwerk: str = ""
    datum: datetime.date | None = None
    dagen: int = 0


@dataclass
class Bericht:
    """One digest e-mail for one person about one kind of reminder."""

    soort: str
    ontvanger: Gebruiker
    regels: list[Regel] = field(default_factory=list)
    bijlagen: list[tuple[str, bytes, str]] = field(default_factory=list)
    onderwerp: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def groep(self, naam: str) -> list[Regel]:
        return [regel for regel in self.regels if regel.groep == naam]


class Zichtbaarheid:
    """Who may see which network and which TLP:RED action, for many people at once (≤ 3 queries).

    Mirrors `Netwerk.objects.visible_to` and `Verbeteractie.objects.visible_to` (the tests check
    they agree): an active superuser or holder of the global `view_netwerk` permission (the project
    team) sees every network, anyone else the networks he holds the object permission on; a
    TLP:RED action only its named recipients. Asking `visible_to` per person would cost a query
    per person.
    """

    def __init__(self, gebruikers: Iterable[Gebruiker], acties: Iterable[Verbeteractie] = ()) -> None:
        ids = {g.pk for g in gebruikers if g.is_active}
        globaal = Q(
            user_permissions__codename="view_netwerk", user_permissions__content_type__app_label="netwerken"
        )
        via_groep = Q(
            groups__permissions__codename="view_netwerk",
            groups__permissions__content_type__app_label="netwerken",
        )
        self.alle_netwerken: set[int] = (
            set(
                Gebruiker.objects.filter(pk__in=ids)
                .filter(Q(is_superuser=True) | globaal | via_groep)
                .values_list("pk", flat=True)
            )
            if ids
            else set()
        )
        self.netwerken: set[tuple[int, int]] = (
            set(
                NetwerkGebruikerRecht.objects.filter(
                    user_id__in=ids - self.alle_netwerken, permission__codename="view_netwerk"
                ).values_list("user_id", "content_object_id")
            )
            if ids - self.alle_netwerken
            else set()
        )
        self.actief = ids
        rode = [a.pk for a in acties if a.tlp == TLP.RED]
        self.rode_ontvangers: set[tuple[int, int]] = (
            set(
                Verbeteractie.tlp_ontvangers.through.objects.filter(verbeteractie_id__in=rode).values_list(
                    "verbeteractie_id", "gebruiker_id"
                )
            )
            if rode
            else set()
        )

    def ziet_netwerk(self, gebruiker: Gebruiker, netwerk_id: int) -> bool:
        if gebruiker.pk not in self.actief:
            return False
        return gebruiker.pk in self.alle_netwerken or (gebruiker.pk, netwerk_id) in self.netwerken

    def ziet_actie(self, gebruiker: Gebruiker, actie: Verbeteractie) -> bool:
        """`actie.actieplan` must be loaded (select_related) or its `netwerk_id` is fetched per action."""
        if not self.ziet_netwerk(gebruiker, actie.actieplan.netwerk_id):
            return False
        return actie.tlp != TLP.RED or (actie.pk, gebruiker.pk) in self.rode_ontvangers


class Afmeldingen:
    """Who switched which reminder off (one query for everybody)."""

    def __init__(self) -> None:
        self.rijen = set(Herinneringsafmelding.objects.values_list("gebruiker_id", "soort"))

    def wil(self, gebruiker: Gebruiker, soort: str) -> bool:
        return gebruiker.is_active and (gebruiker.pk, soort) not in self.rijen


def projectteam() -> list[Gebruiker]:
    """The active members of the project team (group members; administrators are not mailed)."""
    return list(
        Gebruiker.objects.filter(groups__name=settings.GROEP_PROJECTTEAM, is_active=True)
        .distinct()
        .order_by("pk")
    )


def curatoren() -> list[Gebruiker]:
    """Active people who curate the menukaart through their group or personally (the project team)."""
    recht = Q(codename="cureer_menukaartitem", content_type__app_label="menukaart")
    return list(
        Gebruiker.objects.filter(is_active=True)
        .filter(
            Q(groups__permissions__in=_rechten(recht)) | Q(user_permissions__in=_rechten(recht)),
        )
        .distinct()
        .order_by("pk")
    )


def _rechten(voorwaarde: Q) -> QuerySet:
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(voorwaarde).values("pk")


def _periode_week(dagen: int, begin: int, stap: int) -> int:
    """Which repetition a day count falls in: `begin` … `begin + stap - 1` is 0, and so on."""
    return (dagen - begin) // stap


# --- The four kinds of reminders ------------------------------------------------------------------


def _actie_termijn(vandaag: datetime.date, afmeldingen: Afmeldingen) -> list[Bericht]:
    """Owners of open actions due within 14 days or overdue (2–4 queries)."""
    acties = list(
        Verbeteractie.objects.open()
        .filter(einddatum__lte=vandaag + datetime.timedelta(days=BINNENKORT_DAGEN), eigenaar__is_active=True)
        .select_related("actieplan__netwerk", "eigenaar")
        .order_by("einddatum", "titel", "pk")
    )
    acties = [a for a in acties if afmeldingen.wil(a.eigenaar, S.ACTIE_TERMIJN)]
    zicht = Zichtbaarheid({a.eigenaar for a in acties}, acties)
    berichten: dict[int, Bericht] = {}
    for actie in acties:
        eigenaar = actie.eigenaar
        if not zicht.ziet_actie(eigenaar, actie):
            continue
        if actie.einddatum < vandaag:
            dagen = (vandaag - actie.einddatum).days
            periode = f"te-laat-{actie.einddatum}-{_periode_week(dagen, 1, TE_LAAT_HERHAAL_DAGEN)}"
            groep = "te_laat"
        else:
            dagen = (actie.einddatum - vandaag).days
            periode, groep = f"binnenkort-{actie.einddatum}", "binnenkort"
        bericht = berichten.setdefault(eigenaar.pk, Bericht(S.ACTIE_TERMIJN, eigenaar))
        bericht.regels.append(
            Regel(
                sleutel=f"{S.ACTIE_TERMIJN}:{actie.pk}:{eigenaar.pk}:{periode}",
                groep=groep,
                titel=actie.titel,
                url=absolute_url(
                    reverse(
                        "actieplannen:actie", kwargs={"slug": actie.actieplan.netwerk.slug, "pk": actie.pk}
                    )
                ),
                netwerk=actie.actieplan.netwerk.naam,
                datum=actie.einddatum,
                dagen=dagen,
            )
        )
    return list(berichten.values())


def _instemming(vandaag: datetime.date, afmeldingen: Afmeldingen) -> list[Bericht]:
    """Contacts of organisations whose decision on the plan version ter instemming is 14+ days late.

    The same rule as `actieplannen.services.instemmingsstand` (every participating organisation,
    pending while it has no decision on the current version), for all plans in three queries.
    """
    grens = timezone.make_aware(
        datetime.datetime.combine(
            vandaag - datetime.timedelta(days=INSTEMMING_NA_DAGEN - 1), datetime.time.min
        )
    )
    plannen = {
        plan.pk: plan
        for plan in Actieplan.objects.filter(
            status=Actieplan.Status.TER_INSTEMMING, ingediend_op__lt=grens
        ).select_related("netwerk")
    }
    if not plannen:
        return []
    besloten = set(
        Instemming.objects.filter(actieplan_id__in=list(plannen), versie=F("actieplan__versie")).values_list(
            "actieplan_id", "organisatie_id"
        )
    )
    deelnames = list(
        Deelname.objects.filter(
            netwerk__actieplan__in=list(plannen), contactpersoon__isnull=False, contactpersoon__is_active=True
        )
        .select_related("organisatie", "contactpersoon", "netwerk__actieplan")
        .order_by("netwerk__naam", "organisatie__naam", "pk")
    )
    wachtend = [
        d
        for d in deelnames
        if (d.netwerk.actieplan.pk, d.organisatie_id) not in besloten
        and afmeldingen.wil(d.contactpersoon, S.INSTEMMING)
    ]
    zicht = Zichtbaarheid({d.contactpersoon for d in wachtend})
    berichten: dict[int, Bericht] = {}
    for deelname in wachtend:
        plan, contact = plannen[deelname.netwerk.actieplan.pk], deelname.contactpersoon
        if not zicht.ziet_netwerk(contact, deelname.netwerk_id):
            continue
        dagen = (vandaag - timezone.localtime(plan.ingediend_op).date()).days
        herhaling = _periode_week(dagen, INSTEMMING_NA_DAGEN, INSTEMMING_HERHAAL_DAGEN)
        bericht = berichten.setdefault(contact.pk, Bericht(S.INSTEMMING, contact))
        bericht.regels.append(
            Regel(
                sleutel=f"{S.INSTEMMING}:{plan.pk}:v{plan.versie}:{deelname.organisatie_id}:{contact.pk}:{herhaling}",
                groep="instemming",
                titel=f"{plan.titel} (versie {plan.versie}), namens {deelname.organisatie}",
                url=absolute_url(
                    reverse("actieplannen:plan", kwargs={"slug": deelname.netwerk.slug}) + "#instemming"
                ),
                netwerk=deelname.netwerk.naam,
                datum=timezone.localtime(plan.ingediend_op).date(),
                dagen=dagen,
            )
        )
    return list(berichten.values())


def _update_ontbreekt(
    vandaag: datetime.date, afmeldingen: Afmeldingen, team: list[Gebruiker]
) -> list[Bericht]:
    """Actions without an update or change for 30 days: coordinators; from 60 days the project team.

    The last sign of life is the latest of: the action's last change (its history), its newest
    progress update (by date), its creation. One query for the actions, one for the coordinators.
    """
    grens = vandaag - datetime.timedelta(days=UPDATE_NA_DAGEN)
    # Anything at or after the start of the day after `grens` is recent enough.
    grens_tijd = timezone.make_aware(
        datetime.datetime.combine(grens + datetime.timedelta(days=1), datetime.time.min)
    )
    historie = Verbeteractie.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date")
    updates = Voortgangsupdate.objects.filter(actie=OuterRef("pk"))
    acties = list(
        Verbeteractie.objects.open()
        .filter(actieplan__status__in=PLANNEN_IN_UITVOERING, aangemaakt_op__lt=grens_tijd)
        .annotate(
            laatst_gewijzigd=Subquery(historie.values("history_date")[:1]),
            laatste_update=Subquery(updates.order_by("-datum").values("datum")[:1]),
        )
        .filter(Q(laatst_gewijzigd__isnull=True) | Q(laatst_gewijzigd__lt=grens_tijd))
        .exclude(Exists(updates.filter(datum__gt=grens)))
        .select_related("actieplan__netwerk")
        .order_by("actieplan__netwerk__naam", "titel", "pk")
    )
    if not acties:
        return []
    coordinatoren: dict[int, list[Gebruiker]] = defaultdict(list)
    for lid in Lidmaatschap.objects.filter(
        netwerk_id__in={a.actieplan.netwerk_id for a in acties},
        rol=Lidmaatschap.Rol.COORDINATOR,
        persoon__is_active=True,
    ).select_related("persoon"):
        coordinatoren[lid.netwerk_id].append(lid.persoon)
    mensen = {p for personen in coordinatoren.values() for p in personen} | set(team)
    zicht = Zichtbaarheid(mensen, acties)
    berichten: dict[int, Bericht] = {}
    for actie in acties:
        laatst = max(
            timezone.localtime(actie.laatst_gewijzigd or actie.aangemaakt_op).date(),
            actie.laatste_update or datetime.date.min,
        )
        dagen = (vandaag - laatst).days
        if dagen < UPDATE_NA_DAGEN:
            continue
        ontvangers = {p.pk: (p, "coordinator") for p in coordinatoren[actie.actieplan.netwerk_id]}
        if dagen >= ESCALATIE_NA_DAGEN:
            for persoon in team:
                ontvangers.setdefault(persoon.pk, (persoon, "escalatie"))
        for persoon, groep in ontvangers.values():
            if not (afmeldingen.wil(persoon, S.UPDATE_ONTBREEKT) and zicht.ziet_actie(persoon, actie)):
                continue
            bericht = berichten.setdefault(persoon.pk, Bericht(S.UPDATE_ONTBREEKT, persoon))
            bericht.regels.append(
                Regel(
                    sleutel=f"{S.UPDATE_ONTBREEKT}:{actie.pk}:{persoon.pk}:{laatst}:{dagen // UPDATE_HERHAAL_DAGEN}",
                    groep=groep,
                    titel=actie.titel,
                    url=absolute_url(
                        reverse(
                            "actieplannen:actie",
                            kwargs={"slug": actie.actieplan.netwerk.slug, "pk": actie.pk},
                        )
                    ),
                    netwerk=actie.actieplan.netwerk.naam,
                    datum=laatst,
                    dagen=dagen,
                )
            )
    return list(berichten.values())


def _menukaart_review(vandaag: datetime.date, afmeldingen: Afmeldingen) -> list[Bericht]:
    """Curators of published items not reviewed for 12 months (two queries), once a month per item.

    An item goes to its own curator while he still curates; otherwise to every curator.
    """
    items = list(
        MenukaartItem.objects.verouderd(vandaag)
        .select_related("curator")
        .order_by("laatst_beoordeeld", "titel", "pk")
    )
    if not items:
        return []
    iedereen = curatoren()
    is_curator = {c.pk for c in iedereen}
    extra = {"curatie_url": absolute_url(reverse("menukaart:curatie"))}
    berichten: dict[int, Bericht] = {}
    for item in items:
        ontvangers = [item.curator] if item.curator_id in is_curator else iedereen
        for persoon in ontvangers:
            if not afmeldingen.wil(persoon, S.MENUKAART_REVIEW):
                continue
            bericht = berichten.setdefault(persoon.pk, Bericht(S.MENUKAART_REVIEW, persoon, extra=extra))
            bericht.regels.append(
                Regel(
                    sleutel=f"{S.MENUKAART_REVIEW}:{item.pk}:{persoon.pk}:{vandaag:%Y-%m}",
                    groep="eigen" if item.curator_id == persoon.pk else "zonder_curator",
                    titel=item.titel,
                    url=absolute_url(item.get_absolute_url()),
                    datum=item.laatst_beoordeeld,
                )
            )
    return list(berichten.values())


# --- Sending --------------------------------------------------------------------------------------


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def _onderwerp(bericht: Bericht) -> str:
    if bericht.onderwerp:
        return bericht.onderwerp
    n = len(bericht.regels)
    if bericht.soort == S.ACTIE_TERMIJN:
        delen = []
        if te_laat := len(bericht.groep("te_laat")):
            delen.append(_aantal(te_laat, "actie is te laat", "acties zijn te laat"))
        if binnenkort := len(bericht.groep("binnenkort")):
            delen.append(
                _aantal(binnenkort, "actie moet", "acties moeten") + f" binnen {BINNENKORT_DAGEN} dagen af"
            )
        return "Herinnering: " + " en ".join(delen)
    if bericht.soort == S.INSTEMMING:
        return "Herinnering: " + _aantal(n, "actieplan wacht", "actieplannen wachten") + " op uw instemming"
    if bericht.soort == S.UPDATE_ONTBREEKT:
        return "Herinnering: " + _aantal(n, "actie", "acties") + " zonder voortgangsupdate"
    if bericht.soort == S.MENUKAART_REVIEW:
        return "Herinnering: " + _aantal(n, "menukaartitem is", "menukaartitems zijn") + " aan een review toe"
    return "Bericht van het Continuïteitportaal"


def maak_mail(bericht: Bericht) -> EmailMultiAlternatives:
    """The e-mail of a digest: Dutch plain text with an HTML alternative (no queries)."""
    groepen: dict[str, list[Regel]] = defaultdict(list)
    for regel in bericht.regels:
        groepen[regel.groep].append(regel)
    context = {
        "bericht": bericht,
        "ontvanger": bericht.ontvanger,
        "groepen": dict(groepen),
        "soort": Herinneringssoort(bericht.soort).label,
        "voorkeuren_url": absolute_url(reverse("monitoring:herinneringen")),
        "overzicht_url": absolute_url(reverse("mijn_overzicht")),
        "site_url": settings.SITE_URL.rstrip("/"),
        "binnenkort_dagen": BINNENKORT_DAGEN,
        "escalatie_dagen": ESCALATIE_NA_DAGEN,
        "update_dagen": UPDATE_NA_DAGEN,
        **bericht.extra,
    }
    sjabloon = f"monitoring/mail/{bericht.soort}"
    with translation.override(settings.LANGUAGE_CODE):
        tekst = render_to_string(f"{sjabloon}.txt", context)
        html = render_to_string(f"{sjabloon}.html", context)
    mail = EmailMultiAlternatives(subject=_onderwerp(bericht), body=tekst, to=[bericht.ontvanger.email])
    mail.attach_alternative(html, "text/html")
    for naam, inhoud, mimetype in bericht.bijlagen:
        mail.attach(naam, inhoud, mimetype)
    return mail


def _nieuw(berichten: list[Bericht]) -> list[Bericht]:
    """The digests without the items already mentioned in their period (one query)."""
    sleutels = {regel.sleutel for bericht in berichten for regel in bericht.regels}
    if not sleutels:
        return []
    bekend = set(VerzondenBericht.objects.filter(sleutel__in=sleutels).values_list("sleutel", flat=True))
    nieuw = []
    for bericht in berichten:
        bericht.regels = [regel for regel in bericht.regels if regel.sleutel not in bekend]
        if bericht.regels:
            nieuw.append(bericht)
    return nieuw


def _stuur(paren: list[tuple[Bericht, EmailMultiAlternatives]]) -> list[Bericht]:
    """Send over one connection; returns the digests that could not be sent (logged)."""
    verbinding = get_connection()
    try:
        verbinding.open()
    except Exception:  # whatever the mail server's failure: everything waits for the next run
        logger.exception("mailserver onbereikbaar: %s berichten wachten op de volgende run", len(paren))
        return [bericht for bericht, _ in paren]
    mislukt = []
    try:
        for bericht, mail in paren:
            mail.connection = verbinding
            try:
                verzonden = verbinding.send_messages([mail])
            except Exception:  # one refused message must not stop the others
                logger.exception("bericht aan %s niet verzonden", bericht.ontvanger.pk)
                verzonden = 0
                # A failed SMTP conversation may leave the connection unusable: drop it; the next
                # send_messages() opens a fresh one.
                verbinding.close()
            if not verzonden:
                mislukt.append(bericht)
    finally:
        verbinding.close()
    return mislukt


def verstuur(berichten: list[Bericht]) -> int:
    """Send the digests with new items, once per key; returns the number of e-mails sent.

    Renders first (a template error stores nothing), then commits the keys, then sends; the keys
    of mails that failed are removed so the next run tries again (see the module docstring).
    Meant to run outside a transaction (tasks, commands), so "after the commit" is "right after".
    """
    return _verstuur(berichten)[0]


def _verstuur(berichten: list[Bericht]) -> tuple[int, int]:
    """`verstuur`, returning (sent, failed)."""
    berichten = _nieuw(berichten)
    if not berichten:
        return 0, 0
    paren = [(bericht, maak_mail(bericht)) for bericht in berichten]
    nu = timezone.now()
    rijen = [
        VerzondenBericht(
            sleutel=regel.sleutel, soort=bericht.soort, ontvanger=bericht.ontvanger, verzonden_op=nu
        )
        for bericht in berichten
        for regel in bericht.regels
    ]
    try:
        with transaction.atomic():
            VerzondenBericht.objects.bulk_create(rijen)
    except IntegrityError:
        logger.warning("een andere run verstuurt dezelfde berichten al; deze run verstuurt niets")
        return 0, 0
    mislukt = _stuur(paren)
    if mislukt:
        VerzondenBericht.objects.filter(
            sleutel__in=[regel.sleutel for bericht in mislukt for regel in bericht.regels]
        ).delete()
    return len(paren) - len(mislukt), len(mislukt)


def verstuur_herinneringen(vandaag: datetime.date | None = None) -> int:
    """The daily reminders of every kind (see the module docstring); returns the e-mails sent.

    A fixed number of queries whatever the amount of data (21 when every kind has something to
    send; listed in the query-count test).
    """
    vandaag = vandaag or timezone.localdate()
    afmeldingen = Afmeldingen()
    team = projectteam()
    berichten = [
        *_actie_termijn(vandaag, afmeldingen),
        *_instemming(vandaag, afmeldingen),
        *_update_ontbreekt(vandaag, afmeldingen, team),
        *_menukaart_review(vandaag, afmeldingen),
    ]
    aantal = verstuur(berichten)
    logger.info("herinneringen %s: %s e-mails verstuurd", vandaag, aantal)
    return aantal


# --- Preferences ----------------------------------------------------------------------------------


@transaction.atomic
def zet_herinneringen(gebruiker: Gebruiker, *, aan: Iterable[str], actor: Gebruiker | None) -> list[str]:
    """Switch reminder kinds on (`aan`) and every other kind off for a person, with history.

    A kind switched off is a `Herinneringsafmelding` row; switching it on again deletes the row.
    Returns the kinds that changed.
    """
    aan = set(aan)
    if aan - set(S.values):
        raise ValidationError("Onbekende soort herinnering.")
    huidig = {
        afmelding.soort: afmelding
        for afmelding in Herinneringsafmelding.objects.select_for_update().filter(gebruiker=gebruiker)
    }
    gewijzigd = []
    for soort in S.values:
        if soort in aan and soort in huidig:
            verwijder(huidig[soort], actor)
            gewijzigd.append(soort)
        elif soort not in aan and soort not in huidig:
            bewaar(Herinneringsafmelding(gebruiker=gebruiker, soort=soort), actor)
            gewijzigd.append(soort)
    return gewijzigd


# --- Scheduled reports ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Periode:
    label: str  # as stored in Rapportschema.laatste_periode: 2026-11 or 2026-K4
    van: datetime.date
    tot: datetime.date


def te_versturen_periode(frequentie: str, vandaag: datetime.date) -> Periode | None:
    """The period a schedule sends on `vandaag`: the previous month, or the previous quarter.

    A quarterly report goes out in the first month of the next quarter only (January, April, July,
    October): a schedule made in the middle of a quarter waits for the end of the current one.
    """
    begin_maand = vandaag.replace(day=1)
    if frequentie == "maand":
        tot = begin_maand - datetime.timedelta(days=1)
        return Periode(f"{tot:%Y-%m}", tot.replace(day=1), tot)
    if (vandaag.month - 1) % 3:
        return None
    tot = begin_maand - datetime.timedelta(days=1)
    return Periode(f"{tot.year}-K{(tot.month - 1) // 3 + 1}", datetime.date(tot.year, tot.month - 2, 1), tot)


def _mag_rapport_lezen() -> Exists:
    """Stuurgroep/CVI users and the project team read aggregated reports (`rapporten.rapporten_voor`)."""
    return Exists(
        Gebruiker.groups.through.objects.filter(
            gebruiker_id=OuterRef("pk"),
            group__name__in=[settings.GROEP_PROJECTTEAM, settings.GROEP_STUURGROEP],
        )
    )


def _maak_rapport(schema_id: int, periode: Periode) -> tuple[Any, Any] | None:
    """The schedule's report for the period: the stored one, or requested and generated now.

    Inside one transaction with the schedule locked, so two runs never make it twice; generating
    within the transaction means the generation task that `vraag_aan` queues on commit finds the
    report done and does nothing. Returns (schedule, report), or None when there is nothing to send.
    """
    from .models import Rapport, Rapportschema
    from .rapporten import genereer, vraag_aan

    with transaction.atomic():
        schema = (
            Rapportschema.objects.select_for_update(of=("self",)).select_related("sector").get(pk=schema_id)
        )
        if not schema.actief or schema.laatste_periode == periode.label:
            return None
        rapport = (
            Rapport.objects.filter(
                schema=schema, periode_van=periode.van, periode_tot=periode.tot, status=Rapport.Status.GEREED
            )
            .order_by("-gereed_op", "-pk")
            .first()
        )
        if rapport is None:
            try:
                rapport = vraag_aan(
                    actor=None,
                    soort=schema.soort,
                    van=periode.van,
                    tot=periode.tot,
                    sector=schema.sector,
                    schema=schema,
                )
            except ValidationError as fout:
                logger.error(
                    "rapportschema %s: kan geen rapport aanvragen: %s", schema.pk, "; ".join(fout.messages)
                )
                return None
            genereer(rapport.pk)
            rapport.refresh_from_db()
        if rapport.status != Rapport.Status.GEREED:
            logger.error("rapportschema %s: rapport %s mislukt: %s", schema.pk, rapport.pk, rapport.fout)
            return None
    return schema, rapport


def _verstuur_schema(schema_id: int, ontvangers: list[Gebruiker], periode: Periode) -> int:
    """Generate (or reuse) one schedule's report and mail it to each recipient once."""
    from .models import Rapportschema
    from .rapporten import bestandsnaam

    gemaakt = _maak_rapport(schema_id, periode)
    if gemaakt is None:
        return 0
    schema, rapport = gemaakt
    with rapport.bestand.open("rb") as bestand:
        pdf = bestand.read()
    bijlage = (bestandsnaam(rapport), pdf, "application/pdf")
    url = absolute_url(reverse("monitoring:rapport", kwargs={"pk": rapport.pk}))
    berichten = [
        Bericht(
            S.RAPPORT,
            persoon,
            regels=[
                Regel(
                    sleutel=f"{S.RAPPORT}:{schema.pk}:{periode.label}:{persoon.pk}",
                    groep="rapport",
                    titel=rapport.titel,
                    url=url,
                )
            ],
            bijlagen=[bijlage],
            onderwerp=rapport.titel,
            extra={"rapport": rapport, "schema": schema, "paginas": rapport.paginas},
        )
        for persoon in ontvangers
    ]
    verzonden, mislukt = _verstuur(berichten)
    if mislukt:
        logger.warning(
            "rapportschema %s: %s e-mails niet verzonden; volgende run opnieuw", schema.pk, mislukt
        )
        return verzonden
    with transaction.atomic():
        schema = Rapportschema.objects.select_for_update().get(pk=schema.pk)
        schema.laatste_periode = periode.label
        bewaar(schema, None)
    return verzonden


def verstuur_geplande_rapporten(vandaag: datetime.date | None = None) -> int:
    """E-mail the report of every active schedule whose period has come; returns the e-mails sent.

    Per schedule and period once: `laatste_periode` is set when every recipient got it, and each
    recipient's mail has a key (`rapport:<schema>:<periode>:<ontvanger>`), so a second run, or
    one after a partial failure, sends only what is missing, reusing the stored report. Recipients:
    the schedule's active recipients who may read the report (stuurgroep/CVI, project team) and
    did not switch the `rapport` e-mail off. Administrators configure the schedules in the admin.

    Queries: two for the schedules with their recipients, then per due schedule the report's own
    generation (`monitoring.rapporten.genereer`) and a fixed few; none per recipient.
    """
    from django.db.models import Prefetch

    from .models import Rapportschema

    vandaag = vandaag or timezone.localdate()
    afmeldingen = Afmeldingen()
    lezers = Gebruiker.objects.filter(is_active=True).annotate(mag_lezen=_mag_rapport_lezen()).order_by("pk")
    totaal = 0
    for schema in Rapportschema.objects.filter(actief=True).prefetch_related(
        Prefetch("ontvangers", queryset=lezers, to_attr="lezers")
    ):
        periode = te_versturen_periode(schema.frequentie, vandaag)
        if periode is None or schema.laatste_periode == periode.label:
            continue
        ontvangers = [
            p for p in schema.lezers if (p.mag_lezen or p.is_superuser) and afmeldingen.wil(p, S.RAPPORT)
        ]
        if not ontvangers:
            # Nobody to send it to: no report is made (that takes seconds); the period stays open,
            # so a recipient added later this month still gets it.
            logger.warning("rapportschema %s: geen ontvangers die de rapportage mogen lezen", schema.pk)
            continue
        totaal += _verstuur_schema(schema.pk, ontvangers, periode)
    logger.info("geplande rapporten %s: %s e-mails verstuurd", vandaag, totaal)
    return totaal
