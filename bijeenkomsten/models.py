"""Meetings (§2 Bijeenkomst, §5 Bijeenkomsten): network, expert, national test and steering-group
meetings, with their agenda, invitees and responses, minutes, decisions, and the personal
calendar feed.

Writes go through `bijeenkomsten.services`; visibility through `Bijeenkomst.objects.visible_to`.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .querysets import BijeenkomstQuerySet, GenodigdeQuerySet


def nieuwe_uid() -> str:
    """A stable, globally unique iCalendar UID (RFC 5545 §3.8.4.7): the same for every update."""
    return f"{uuid.uuid4()}@continuiteit"


def nieuw_token() -> str:
    """A secret for a link that works without logging in (response link, calendar feed)."""
    return secrets.token_urlsafe(32)


class Bijeenkomst(models.Model):
    """A meeting: its kind decides who convenes it and who may see it (§4)."""

    class Soort(models.TextChoices):
        NETWERK = "netwerk", _("netwerkbijeenkomst")
        EXPERT = "expert", _("expertbijeenkomst")
        TOETS = "toets", _("toetsbijeenkomst")
        STUURGROEP = "stuurgroep", _("stuurgroep")

    soort = models.CharField(_("soort"), max_length=12, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    netwerk = models.ForeignKey(
        "netwerken.Netwerk",
        verbose_name=_("netwerk"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bijeenkomsten",
        help_text=_("Alleen bij een netwerkbijeenkomst."),
    )
    sector = models.ForeignKey(
        "netwerken.Sector",
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bijeenkomsten",
        help_text=_("Alleen bij een expertbijeenkomst."),
    )
    agenda = models.ForeignKey(
        "agenda.Agenda",
        verbose_name=_("sectoragenda"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bijeenkomsten",
        help_text=_("De sectoragenda waaraan een expertbijeenkomst werkt."),
    )
    # The simple records kept with a sector agenda (agenda app) stay where they are, so the agenda
    # pages and their PDF keep working; a meeting links to the record it produced or belongs to.
    expertbijeenkomst = models.OneToOneField(
        "agenda.Expertbijeenkomst",
        verbose_name=_("verslag bij de sectoragenda"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bijeenkomst",
    )
    begin = models.DateTimeField(_("begin"))
    einde = models.DateTimeField(_("einde"))
    locatie = models.CharField(_("locatie"), max_length=300, blank=True)
    online_link = models.URLField(_("link online deelname"), max_length=500, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    notulen = models.TextField(_("notulen"), blank=True)
    notulen_vastgelegd_op = models.DateTimeField(_("notulen vastgelegd op"), null=True, blank=True)
    notulen_vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # iCalendar identity: one UID for the life of the meeting; SEQUENCE rises with every change of
    # time or place and with the cancellation, so calendar clients replace the older version.
    uid = models.CharField(_("UID"), max_length=255, unique=True, default=nieuwe_uid, editable=False)
    sequence = models.PositiveIntegerField(_("volgnummer agenda-item"), default=0, editable=False)
    geannuleerd_op = models.DateTimeField(_("geannuleerd op"), null=True, blank=True, editable=False)
    annuleringsreden = models.TextField(_("reden van annulering"), blank=True)
    georganiseerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("georganiseerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="georganiseerde_bijeenkomsten",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # Optimistic locking: every save increments it; a save based on an older revision is refused.
    revisie = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = BijeenkomstQuerySet.as_manager()

    class Meta:
        ordering = ["begin", "pk"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        indexes = [models.Index(fields=["begin"], name="bijeenkomst_begin")]
        constraints = [
            models.CheckConstraint(
                name="bijeenkomst_einde_na_begin",
                condition=Q(einde__gt=models.F("begin")),
                violation_error_message=_("Het einde ligt na het begin."),
            ),
            models.CheckConstraint(
                name="bijeenkomst_netwerk_bij_netwerkbijeenkomst",
                condition=(Q(soort="netwerk") & Q(netwerk__isnull=False))
                | (~Q(soort="netwerk") & Q(netwerk__isnull=True)),
                violation_error_message=_(
                    "Een netwerkbijeenkomst hoort bij één netwerk; andere soorten niet."
                ),
            ),
            models.CheckConstraint(
                name="bijeenkomst_sector_bij_expertbijeenkomst",
                condition=(Q(soort="expert") & Q(sector__isnull=False))
                | (~Q(soort="expert") & Q(sector__isnull=True) & Q(agenda__isnull=True)),
                violation_error_message=_("Een expertbijeenkomst hoort bij één sector; andere soorten niet."),
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("bijeenkomsten:detail", kwargs={"pk": self.pk})

    @property
    def is_geannuleerd(self) -> bool:
        return self.geannuleerd_op is not None

    def is_voorbij(self, nu: object | None = None) -> bool:
        """The meeting has ended: minutes, attendance and decisions can be recorded."""
        return self.einde <= (nu or timezone.now())  # type: ignore[operator]

    @property
    def is_netwerkbijeenkomst(self) -> bool:
        return self.soort == self.Soort.NETWERK


class Agendapunt(models.Model):
    """One point on a meeting's agenda, optionally about an agreement, an action or a menukaart item."""

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="agendapunten")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    afspraak = models.ForeignKey(
        "agenda.Samenwerkingsafspraak",
        verbose_name=_("samenwerkingsafspraak"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendapunten",
    )
    verbeteractie = models.ForeignKey(
        "actieplannen.Verbeteractie",
        verbose_name=_("verbeteractie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendapunten",
    )
    menukaartitem = models.ForeignKey(
        "menukaart.MenukaartItem",
        verbose_name=_("menukaartitem"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendapunten",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["bijeenkomst", "volgorde", "pk"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return self.titel


class Genodigde(models.Model):
    """A person invited to a meeting, with his response and (afterwards) his attendance."""

    class Antwoord(models.TextChoices):
        GEEN = "geen", _("nog geen antwoord")
        ACCEPTEERT = "accepteert", _("accepteert")
        ONDER_VOORBEHOUD = "onder_voorbehoud", _("onder voorbehoud")
        AFGEMELD = "afgemeld", _("afgemeld")

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="genodigden")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="uitnodigingen_bijeenkomst",
    )
    organisatie = models.ForeignKey(
        "netwerken.Organisatie",
        verbose_name=_("uitgenodigd als contactpersoon van"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    antwoord = models.CharField(_("antwoord"), max_length=16, choices=Antwoord.choices, default=Antwoord.GEEN)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    aanwezig = models.BooleanField(_("aanwezig"), null=True, blank=True)
    # The response link in the e-mail works without logging in; the token is the only key.
    token = models.CharField(max_length=64, unique=True, default=nieuw_token, editable=False)
    uitgenodigd_op = models.DateTimeField(_("uitgenodigd op"), default=timezone.now)
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(excluded_fields=["token"])
    objects = GenodigdeQuerySet.as_manager()

    class Meta:
        ordering = ["bijeenkomst", "gebruiker__naam", "pk"]
        verbose_name = _("genodigde")
        verbose_name_plural = _("genodigden")
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "gebruiker"],
                name="genodigde_een_keer_per_bijeenkomst",
                violation_error_message=_("Deze persoon is al uitgenodigd."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} ({self.get_antwoord_display()})"

    def get_antwoord_url(self) -> str:
        """Path of the response page behind the secret token (prefix `settings.SITE_URL` in mail)."""
        return reverse("bijeenkomsten:antwoord_link", kwargs={"token": self.token})

    @property
    def heeft_afgemeld(self) -> bool:
        return self.antwoord == self.Antwoord.AFGEMELD


class Besluit(models.Model):
    """A decision recorded after the meeting; it may create or update an action in the network's plan."""

    class Gevolg(models.TextChoices):
        GEEN = "geen", _("geen actie")
        NIEUW = "nieuw", _("nieuwe verbeteractie")
        BIJGEWERKT = "bijgewerkt", _("verbeteractie bijgewerkt")

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="besluiten")
    volgnummer = models.PositiveSmallIntegerField(_("nummer"))
    tekst = models.TextField(_("besluit"))
    verbeteractie = models.ForeignKey(
        "actieplannen.Verbeteractie",
        verbose_name=_("verbeteractie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="besluiten",
    )
    gevolg = models.CharField(
        _("gevolg voor het actieplan"), max_length=12, choices=Gevolg.choices, default=Gevolg.GEEN
    )
    # What the decision changed on the action, in words, for the action's timeline.
    wijziging = models.TextField(_("wijziging van de actie"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["bijeenkomst", "volgnummer"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        constraints = [
            models.UniqueConstraint(fields=["bijeenkomst", "volgnummer"], name="besluit_volgnummer_uniek"),
        ]

    def __str__(self) -> str:
        return f"Besluit {self.volgnummer}: {self.tekst[:80]}"


class Agendafeed(models.Model):
    """A person's secret calendar-feed address; renewing it makes the old address stop working."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agendafeed"
    )
    token = models.CharField(max_length=64, unique=True, default=nieuw_token, editable=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    vernieuwd_op = models.DateTimeField(_("vernieuwd op"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")

    def __str__(self) -> str:
        return f"Agenda-abonnement van {self.gebruiker}"

    def get_absolute_url(self) -> str:
        """Path of the feed (prefix `settings.SITE_URL` to show or subscribe to it)."""
        return reverse("bijeenkomsten:feed", kwargs={"token": self.token})
