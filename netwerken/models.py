"""Sectors, organisations, gemeenten, networks, participation and membership (§2, §3)."""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from .querysets import NetwerkQuerySet


class Sector(models.Model):
    """A vital sector. Data, not code: more sectors may be added."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("code"), max_length=50, unique=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")

    def __str__(self) -> str:
        return self.naam


class OrganisatieQuerySet(models.QuerySet["Organisatie"]):
    def veiligheidsregios(self) -> OrganisatieQuerySet:
        return self.filter(soort=Organisatie.Soort.VEILIGHEIDSREGIO).order_by("vr_nummer")


class Organisatie(models.Model):
    """A party: a vital company, a safety region, a ministry or another body."""

    class Soort(models.TextChoices):
        VITALE_PARTNER = "vitale_partner", _("vitale partner")
        VEILIGHEIDSREGIO = "veiligheidsregio", _("veiligheidsregio")
        MINISTERIE = "ministerie", _("ministerie")
        OVERIG = "overig", _("overig")

    code = models.SlugField(
        _("code"), max_length=60, unique=True, help_text=_("Vaste sleutel uit de referentiedata.")
    )
    naam = models.CharField(_("naam"), max_length=200)
    korte_naam = models.CharField(_("korte naam"), max_length=80, blank=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    vr_nummer = models.PositiveSmallIntegerField(
        _("nummer veiligheidsregio"),
        null=True,
        blank=True,
        unique=True,
        help_text=_("Officieel nummer 1–25."),
    )
    sectoren = models.ManyToManyField(
        Sector, verbose_name=_("sectoren"), blank=True, related_name="organisaties"
    )
    werkgebied = models.ManyToManyField(
        "Gemeente", verbose_name=_("werkgebied"), blank=True, related_name="bedrijven"
    )
    werkgebied_toelichting = models.TextField(_("toelichting werkgebied"), blank=True)
    betrouwbaarheid = models.CharField(
        _("betrouwbaarheid werkgebied"),
        max_length=60,
        blank=True,
        help_text=_("Zoals in de bron: high, medium, low."),
    )
    actief = models.BooleanField(_("actief"), default=True)

    history = HistoricalRecords(m2m_fields=[werkgebied])
    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.CheckConstraint(
                name="organisatie_vr_nummer_alleen_voor_regio",
                condition=(Q(soort="veiligheidsregio") & Q(vr_nummer__gte=1) & Q(vr_nummer__lte=25))
                | (~Q(soort="veiligheidsregio") & Q(vr_nummer__isnull=True)),
                violation_error_message=_(
                    "Een veiligheidsregio heeft een nummer 1–25; andere organisaties geen."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.korte_naam or self.naam

    @property
    def is_veiligheidsregio(self) -> bool:
        return self.soort == self.Soort.VEILIGHEIDSREGIO

    @property
    def vr_code(self) -> str:
        return f"VR{self.vr_nummer:02d}" if self.vr_nummer else ""


class Gemeente(models.Model):
    """A municipality (CBS code) and the safety region it belongs to."""

    cbs_code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    provincie = models.CharField(_("provincie"), max_length=50)
    veiligheidsregio = models.ForeignKey(
        Organisatie,
        verbose_name=_("veiligheidsregio"),
        on_delete=models.PROTECT,
        related_name="gemeenten",
        limit_choices_to={"soort": Organisatie.Soort.VEILIGHEIDSREGIO},
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.naam


class GebruikerManager(BaseUserManager["Gebruiker"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> Gebruiker:
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        gebruiker = self.model(email=self.normalize_email(email).lower(), **extra)
        gebruiker.set_password(password)
        gebruiker.save(using=self._db)
        return gebruiker

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> Gebruiker:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class Gebruiker(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an e-mail address and works at one organisation."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    naam = models.CharField(_("naam"), max_length=150)
    functie = models.CharField(_("functie"), max_length=150, blank=True)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="medewerkers",
        null=True,
        blank=True,
        help_text=_("Leeg alleen voor technische beheeraccounts."),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("toegang tot beheer"), default=False)
    date_joined = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    history = HistoricalRecords(excluded_fields=["password", "last_login"])
    objects = GebruikerManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["naam"]

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.naam or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return self.naam

    def get_short_name(self) -> str:
        return self.naam.split(" ")[0] if self.naam else self.email

    @cached_property
    def is_projectteam(self) -> bool:
        """Member of the national project team: reads every network, curates content.

        The logged-in user comes with the answer (`GebruikerBackend.get_user` annotates it)."""
        if self.is_superuser:
            return True
        if hasattr(self, "_in_projectteam"):
            return self._in_projectteam
        return self.groups.filter(name=settings.GROEP_PROJECTTEAM).exists()

    @cached_property
    def is_stuurgroep(self) -> bool:
        """Steering group or CVI: aggregated dashboards and reports only."""
        if hasattr(self, "_in_stuurgroep"):
            return self._in_stuurgroep
        return self.groups.filter(name=settings.GROEP_STUURGROEP).exists()


class Netwerk(models.Model):
    """A regional network: its sectors, kernpartner, safety regions and participants."""

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("code"), max_length=100, unique=True, help_text=_("<sector>-<kernpartner>"))
    sectoren = models.ManyToManyField(Sector, verbose_name=_("sectoren"), related_name="netwerken")
    kernpartner = models.ForeignKey(
        Organisatie,
        verbose_name=_("kernpartner"),
        on_delete=models.PROTECT,
        related_name="kernnetwerken",
        null=True,
        blank=True,
        help_text=_("Het bedrijf waarvan het werkgebied de schaal van het netwerk bepaalt."),
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    landelijk = models.BooleanField(
        _("landelijk netwerk"),
        default=False,
        help_text=_(
            "Het landelijke netwerk van het nationale actieplan: zonder coördinerende veiligheidsregio."
        ),
    )
    veiligheidsregios = models.ManyToManyField(
        Organisatie,
        through="NetwerkRegio",
        through_fields=("netwerk", "veiligheidsregio"),
        related_name="regionetwerken",
        verbose_name=_("veiligheidsregio's"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[sectoren])
    objects = NetwerkQuerySet.as_manager()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("netwerk")
        verbose_name_plural = _("netwerken")
        permissions = [
            ("beheer_netwerk", _("Kan leden, deelnemers en uitnodigingen van het netwerk beheren"))
        ]
        default_permissions = ("add", "change", "delete", "view")

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("netwerken:detail", kwargs={"slug": self.slug})

    def valideer_deelnames(self) -> None:
        """§3: exactly one coordinating safety region (the database allows at most one).

        The national network of the national action plan has none: the ministry convenes it.
        """
        if self.landelijk:
            return
        aantal = self.deelnames.filter(coordinerend=True).count()
        if aantal != 1:
            raise ValidationError(
                _("Een netwerk heeft precies één coördinerende veiligheidsregio; %(netwerk)s heeft er %(n)d.")
                % {"netwerk": self.naam, "n": aantal}
            )


class NetwerkRegio(models.Model):
    """A safety region in a network: derived from the werkgebied, or adjusted by hand."""

    class Dekking(models.TextChoices):
        VOLLEDIG = "volledig", _("volledig")
        DEELS = "deels", _("deels")
        GEEN = "geen", _("geen (handmatig toegevoegd)")

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="regios")
    veiligheidsregio = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="netwerkregios",
        limit_choices_to={"soort": Organisatie.Soort.VEILIGHEIDSREGIO},
    )
    dekking = models.CharField(_("dekking"), max_length=10, choices=Dekking.choices)
    gemeenten_in_werkgebied = models.PositiveSmallIntegerField(_("gemeenten in werkgebied"), default=0)
    gemeenten_totaal = models.PositiveSmallIntegerField(_("gemeenten in regio"), default=0)
    handmatig = models.BooleanField(
        _("handmatig aangepast"),
        default=False,
        help_text=_("Blijft staan als de afleiding opnieuw wordt berekend."),
    )
    opgenomen = models.BooleanField(
        _("opgenomen in netwerk"),
        default=True,
        help_text=_("Uit: handmatig uitgesloten ondanks de afleiding."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["veiligheidsregio__vr_nummer"]
        verbose_name = _("veiligheidsregio in netwerk")
        verbose_name_plural = _("veiligheidsregio's in netwerk")
        constraints = [
            models.UniqueConstraint(fields=["netwerk", "veiligheidsregio"], name="netwerkregio_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.veiligheidsregio} ({self.get_dekking_display()})"


class Deelname(models.Model):
    """An organisation's participation in a network (§3)."""

    class Rol(models.TextChoices):
        KERNPARTNER = "kernpartner", _("kernpartner")
        VITALE_PARTNER = "vitale_partner", _("vitale partner")
        VEILIGHEIDSREGIO = "veiligheidsregio", _("veiligheidsregio")
        MINISTERIE = "ministerie", _("ministerie")
        OVERIG = "overig", _("overig")

    class Zijde(models.TextChoices):
        # Lead partners are appointed per side: one for the safety regions, one for the companies.
        REGIOS = "regios", _("veiligheidsregio's")
        BEDRIJVEN = "bedrijven", _("bedrijven")
        OVERIG = "overig", _("overheid en overig")

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="deelnames")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="deelnames")
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)
    zijde = models.CharField(_("zijde"), max_length=10, choices=Zijde.choices, editable=False)
    leadpartner = models.BooleanField(_("leadpartner"), default=False)
    coordinerend = models.BooleanField(
        _("coördinerende veiligheidsregio"), default=False, help_text=_("De platformfunctie van het netwerk.")
    )
    contactpersoon = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contactpersoon"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contactdeelnames",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisatie__naam"]
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        constraints = [
            models.UniqueConstraint(
                fields=["netwerk", "organisatie"],
                name="deelname_uniek",
                violation_error_message=_("Deze organisatie neemt al deel aan het netwerk."),
            ),
            models.UniqueConstraint(
                fields=["netwerk"],
                condition=Q(coordinerend=True),
                name="deelname_een_coordinerende_regio",
                violation_error_message=_("Een netwerk heeft precies één coördinerende veiligheidsregio."),
            ),
            models.UniqueConstraint(
                fields=["netwerk", "zijde"],
                condition=Q(leadpartner=True),
                name="deelname_een_leadpartner_per_zijde",
                violation_error_message=_("Er is aan deze kant al een leadpartner."),
            ),
            models.CheckConstraint(
                name="deelname_coordinerend_is_regio",
                condition=Q(coordinerend=False) | Q(zijde="regios"),
                violation_error_message=_("Alleen een veiligheidsregio kan coördineren."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie} in {self.netwerk}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.zijde = self.zijde_voor(self.organisatie)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.organisatie_id:
            self.zijde = self.zijde_voor(self.organisatie)
        if self.leadpartner and self.zijde == self.Zijde.OVERIG:
            raise ValidationError(
                {"leadpartner": _("Leadpartners zijn er alleen aan de kant van de regio's en de bedrijven.")}
            )
        if self.contactpersoon_id and self.contactpersoon.organisatie_id != self.organisatie_id:
            raise ValidationError(
                {"contactpersoon": _("De contactpersoon moet bij deze organisatie werken.")}
            )

    @staticmethod
    def zijde_voor(organisatie: Organisatie) -> str:
        if organisatie.soort == Organisatie.Soort.VEILIGHEIDSREGIO:
            return Deelname.Zijde.REGIOS
        if organisatie.soort == Organisatie.Soort.VITALE_PARTNER:
            return Deelname.Zijde.BEDRIJVEN
        return Deelname.Zijde.OVERIG


class Lidmaatschap(models.Model):
    """A person's membership of a network, with the network role."""

    class Rol(models.TextChoices):
        COORDINATOR = "coordinator", _("coördinator")
        LID = "lid", _("lid")
        WAARNEMER = "waarnemer", _("waarnemer")

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="lidmaatschappen")
    persoon = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    rol = models.CharField(_("rol"), max_length=12, choices=Rol.choices, default=Rol.LID)
    sinds = models.DateTimeField(_("lid sinds"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["persoon__naam"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["netwerk", "persoon"],
                name="lidmaatschap_uniek",
                violation_error_message=_("Deze persoon is al lid van het netwerk."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.persoon} ({self.get_rol_display()})"


class Uitnodiging(models.Model):
    """A single-use, expiring invitation to join a network with a role."""

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="uitnodigingen")
    email = models.EmailField(_("e-mailadres"))
    naam = models.CharField(_("naam"), max_length=150)
    organisatie = models.ForeignKey(Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT)
    rol = models.CharField(
        _("rol"), max_length=12, choices=Lidmaatschap.Rol.choices, default=Lidmaatschap.Rol.LID
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    verloopt_op = models.DateTimeField(_("verloopt op"))
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verstuurde_uitnodigingen",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gebruikt_op = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.email} → {self.netwerk}"

    def is_bruikbaar(self, nu: object | None = None) -> bool:
        nu = nu or timezone.now()
        return self.gebruikt_op is None and self.ingetrokken_op is None and self.verloopt_op > nu  # type: ignore[operator]


class NetwerkGebruikerRecht(UserObjectPermissionBase):
    """Direct foreign-key object permissions (guardian's advice for scale) for users."""

    content_object = models.ForeignKey(Netwerk, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("recht van gebruiker op netwerk")


class NetwerkGroepRecht(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Netwerk, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = _("recht van groep op netwerk")
