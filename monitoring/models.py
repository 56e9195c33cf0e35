"""Monitoring (§1, §5, §6): programme milestones, lessons learned, programme contributions,
monthly snapshots of the figures, generated reports with their schedules, and the bookkeeping of
periodic reminders (who switched which reminder off, what was sent already).
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actieplannen.models import TLP
from agenda.models import Thema
from continuiteit.opslag import prive_opslag
from netwerken.models import Netwerk, Organisatie, Sector

# --- Programme data the project team maintains ----------------------------------------------------


class Programmamijlpaal(models.Model):
    """A milestone of the programme (from the project plan; `fixtures/referentie/mijlpalen.csv`)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    resultaat = models.CharField(_("resultaat"), max_length=100)
    omschrijving = models.TextField(_("omschrijving"))
    gereed_uiterlijk = models.DateField(_("gereed uiterlijk"))
    behaald_op = models.DateField(_("behaald op"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["gereed_uiterlijk", "code"]
        verbose_name = _("programmamijlpaal")
        verbose_name_plural = _("programmamijlpalen")

    def __str__(self) -> str:
        return f"{self.resultaat}: {self.omschrijving}"


class Leerpunt(models.Model):
    """A lesson learned in cooperation, per sector, network and/or thema, for the steering group."""

    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    netwerk = models.ForeignKey(
        Netwerk,
        verbose_name=_("netwerk"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="leerpunten",
    )
    thema = models.ForeignKey(
        Thema, verbose_name=_("thema"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    opgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("leerpunt")
        verbose_name_plural = _("leerpunten")

    def __str__(self) -> str:
        return self.titel


class Programmabijdrage(models.Model):
    """A safety region's agreed financial contribution to the programme for one year."""

    veiligheidsregio = models.ForeignKey(
        Organisatie,
        verbose_name=_("veiligheidsregio"),
        on_delete=models.PROTECT,
        limit_choices_to={"soort": Organisatie.Soort.VEILIGHEIDSREGIO},
        related_name="programmabijdragen",
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2015), MaxValueValidator(2100)]
    )
    bedrag = models.DecimalField(
        _("afgesproken bijdrage (EUR)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("3700.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    ontvangen_op = models.DateField(_("ontvangen op"), null=True, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["jaar", "veiligheidsregio__vr_nummer"]
        verbose_name = _("programmabijdrage")
        verbose_name_plural = _("programmabijdragen")
        constraints = [
            models.UniqueConstraint(
                fields=["veiligheidsregio", "jaar"],
                name="een_bijdrage_per_regio_per_jaar",
                violation_error_message=_(
                    "Voor deze veiligheidsregio is dit jaar al een bijdrage vastgelegd."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.veiligheidsregio} {self.jaar}"

    @property
    def is_ontvangen(self) -> bool:
        return self.ontvangen_op is not None


# --- Snapshots ------------------------------------------------------------------------------------


class Momentopname(models.Model):
    """The programme's figures on one day (the first of a month), for trends over time.

    `cijfers` holds aggregates only (counts and sums, never the content of an action), computed
    over all networks; who may see which part is decided when it is shown.
    """

    datum = models.DateField(_("datum"), unique=True)
    cijfers = models.JSONField(_("cijfers"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["datum"]
        verbose_name = _("momentopname")
        verbose_name_plural = _("momentopnamen")

    def __str__(self) -> str:
        return f"Momentopname {self.datum:%m-%Y}"


# --- Reports --------------------------------------------------------------------------------------


class Rapportsoort(models.TextChoices):
    STUURGROEP = "stuurgroep", _("Voortgangsrapportage stuurgroep")
    CVI = "cvi", _("Rapportage CVI")
    NETWERK = "netwerk", _("Netwerkrapportage")
    EIND = "eind", _("Eindrapportage")


def rapport_pad(rapport: Rapport, bestandsnaam: str) -> str:
    return f"rapporten/{rapport.aangevraagd_op:%Y/%m}/{uuid.uuid4().hex}.pdf"


class Rapport(models.Model):
    """One generated (or generating) PDF report. The file exists only once the status is *gereed*.

    Not kept in history: a report is an artefact, written by the generating task only.
    """

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("in de wachtrij")
        BEZIG = "bezig", _("wordt gemaakt")
        GEREED = "gereed", _("gereed")
        MISLUKT = "mislukt", _("mislukt")

    soort = models.CharField(_("soort"), max_length=12, choices=Rapportsoort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    netwerk = models.ForeignKey(
        Netwerk,
        verbose_name=_("netwerk"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rapporten",
    )
    periode_van = models.DateField(_("periode van"))
    periode_tot = models.DateField(_("periode tot en met"))
    tlp = models.CharField(_("TLP"), max_length=14, choices=TLP.choices, default=TLP.AMBER)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ)
    voortgang = models.PositiveSmallIntegerField(
        _("voortgang (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    stap = models.CharField(_("huidige stap"), max_length=200, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)
    bestand = models.FileField(
        _("bestand"), storage=prive_opslag, upload_to=rapport_pad, max_length=255, blank=True
    )
    paginas = models.PositiveIntegerField(_("pagina's"), null=True, blank=True)
    duur_ms = models.PositiveIntegerField(_("duur (ms)"), null=True, blank=True)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    gereed_op = models.DateTimeField(_("gereed op"), null=True, blank=True)
    schema = models.ForeignKey(
        "Rapportschema",
        verbose_name=_("schema"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rapporten",
    )

    class Meta:
        ordering = ["-aangevraagd_op", "-pk"]
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporten")
        indexes = [models.Index(fields=["soort", "status"])]

    def __str__(self) -> str:
        return self.titel


class Rapportschema(models.Model):
    """A report that is generated and e-mailed to its recipients every month or quarter."""

    class Frequentie(models.TextChoices):
        MAANDELIJKS = "maand", _("maandelijks")
        PER_KWARTAAL = "kwartaal", _("per kwartaal")

    soort = models.CharField(
        _("soort"),
        max_length=12,
        choices=[
            (Rapportsoort.STUURGROEP, Rapportsoort.STUURGROEP.label),
            (Rapportsoort.CVI, Rapportsoort.CVI.label),
        ],
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Verplicht voor een rapportage CVI."),
    )
    frequentie = models.CharField(_("frequentie"), max_length=10, choices=Frequentie.choices)
    ontvangers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("ontvangers"), related_name="rapportschemas", blank=True
    )
    actief = models.BooleanField(_("actief"), default=True)
    laatste_periode = models.CharField(
        _("laatst verstuurde periode"),
        max_length=10,
        blank=True,
        help_text=_("Bijvoorbeeld 2026-11 of 2026-K4; voorkomt dat een periode twee keer wordt verstuurd."),
    )

    history = HistoricalRecords(m2m_fields=[ontvangers])

    class Meta:
        ordering = ["soort", "pk"]
        verbose_name = _("rapportschema")
        verbose_name_plural = _("rapportschema's")

    def __str__(self) -> str:
        naam = self.get_soort_display()
        return f"{naam} ({self.sector})" if self.sector_id else str(naam)


# --- Reminders ------------------------------------------------------------------------------------


class Herinneringssoort(models.TextChoices):
    ACTIE_TERMIJN = "actie_termijn", _("Acties die binnen 14 dagen moeten zijn afgerond of te laat zijn")
    INSTEMMING = "instemming", _("Instemming die al 14 dagen op mij wacht")
    UPDATE_ONTBREEKT = (
        "update_ontbreekt",
        _("Acties zonder voortgangsupdate (30 dagen; na 60 dagen het projectteam)"),
    )
    MENUKAART_REVIEW = "menukaart_review", _("Menukaartitems die aan een review toe zijn")
    BIJEENKOMST = "bijeenkomst", _("Bijeenkomsten de dag van tevoren")
    RAPPORT = "rapport", _("Geplande rapportages")


class Herinneringsafmelding(models.Model):
    """A person switched one type of reminder off (no row: the reminder is on)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="herinneringsafmeldingen"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Herinneringssoort.choices)
    op = models.DateTimeField(_("afgemeld op"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afmelding voor herinneringen")
        verbose_name_plural = _("afmeldingen voor herinneringen")
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "soort"], name="een_afmelding_per_soort"),
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker}: {self.get_soort_display()}"


class VerzondenBericht(models.Model):
    """A periodic message that was sent, under a key that makes sending it twice impossible.

    The key names the reason and its period, e.g. `actie_termijn:412:2026-11-29:7` — a job that
    runs twice finds the key and sends nothing.
    """

    sleutel = models.CharField(_("sleutel"), max_length=200, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Herinneringssoort.choices)
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verzonden_op = models.DateTimeField(_("verzonden op"), default=timezone.now)

    class Meta:
        ordering = ["-verzonden_op"]
        verbose_name = _("verzonden bericht")
        verbose_name_plural = _("verzonden berichten")

    def __str__(self) -> str:
        return self.sleutel
