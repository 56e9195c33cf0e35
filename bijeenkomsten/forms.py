"""Forms of the meeting screens: they validate and normalise; `bijeenkomsten.services` decides.

Every choice comes from what the user may see or do: the kinds and networks he may convene
(`access`), the people and organisations the service accepts as invitees, the actions of the
network's plan he can see, published menukaart items every portal user may read.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actieplannen.models import TLP, Verbeteractie
from agenda.models import Agenda, Samenwerkingsafspraak, Thema
from menukaart.models import MenukaartItem
from netwerken.models import Gebruiker, Netwerk, Organisatie, Sector

from . import access, services
from .models import Bijeenkomst, Genodigde

if TYPE_CHECKING:
    from django.db.models import QuerySet

PERIODES = [("komend", _("Komend")), ("voorbij", _("Voorbij"))]


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TijdInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%H:%M")


def _revisieveld() -> forms.IntegerField:
    # Required: without the revision the service could not refuse a save on top of a newer one.
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": _("De versie van het formulier ontbreekt; laad de pagina opnieuw.")},
    )


def persoon_label(persoon: Gebruiker) -> str:
    return f"{persoon.naam} — {persoon.organisatie}" if persoon.organisatie_id else persoon.naam


# --- List filters ---------------------------------------------------------------------------------


class BijeenkomstFilterForm(forms.Form):
    """Filters of the meeting list: kind and network (only networks the user may see)."""

    soort = forms.ChoiceField(
        label=_("Soort"), required=False, choices=[("", _("Alle soorten")), *Bijeenkomst.Soort.choices]
    )
    netwerk = forms.ModelChoiceField(
        label=_("Netwerk"),
        required=False,
        queryset=Netwerk.objects.none(),
        empty_label=_("Alle netwerken"),
        to_field_name="slug",
    )

    def __init__(self, *args: Any, gebruiker: Gebruiker, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["netwerk"].queryset = Netwerk.objects.visible_to(gebruiker).order_by("naam")


# --- Convening and changing -----------------------------------------------------------------------


class TijdEnPlaatsForm(forms.Form):
    """Title, day, times and place: shared by the new-meeting and the edit form.

    A meeting usually falls on one day: date, start and end time. `einddatum` only for a meeting
    over several days. Times are Amsterdam wall-clock times (the portal's time zone).
    """

    titel = forms.CharField(label=_("Titel"), max_length=200)
    datum = forms.DateField(label=_("Datum"), widget=DatumInput())
    begintijd = forms.TimeField(label=_("Begintijd"), widget=TijdInput())
    eindtijd = forms.TimeField(label=_("Eindtijd"), widget=TijdInput())
    einddatum = forms.DateField(
        label=_("Einddatum"),
        required=False,
        widget=DatumInput(),
        help_text=_("Alleen als de bijeenkomst meer dan één dag duurt."),
    )
    locatie = forms.CharField(
        label=_("Locatie"),
        max_length=300,
        required=False,
        help_text=_("Adres of zaal. Vul een locatie in, een link voor online deelname, of allebei."),
    )
    online_link = forms.URLField(
        label=_("Link voor online deelname"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Bijvoorbeeld de link naar een Teams- of Webex-vergadering."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Waar de bijeenkomst over gaat; komt in de uitnodiging."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        datum, begintijd, eindtijd = data.get("datum"), data.get("begintijd"), data.get("eindtijd")
        if datum and begintijd and eindtijd:
            einddatum = data.get("einddatum") or datum
            if einddatum < datum:
                self.add_error("einddatum", _("De einddatum ligt voor de datum van de bijeenkomst."))
                return data
            begin = timezone.make_aware(datetime.datetime.combine(datum, begintijd))
            einde = timezone.make_aware(datetime.datetime.combine(einddatum, eindtijd))
            if einde <= begin:
                self.add_error("eindtijd", _("De eindtijd ligt voor of op de begintijd."))
            data["begin"], data["einde"] = begin, einde
        if not (data.get("locatie") or "").strip() and not data.get("online_link"):
            self.add_error("locatie", _("Vul een locatie in, een link voor online deelname, of allebei."))
        return data

    def tijd_en_plaats(self) -> dict[str, Any]:
        """The service's fields (`begin`/`einde` instead of the date and time inputs)."""
        data = self.cleaned_data
        return {
            "titel": data["titel"],
            "begin": data["begin"],
            "einde": data["einde"],
            "locatie": data["locatie"],
            "online_link": data["online_link"],
            "toelichting": data["toelichting"],
        }

    @staticmethod
    def initial_voor(bijeenkomst: Bijeenkomst) -> dict[str, Any]:
        begin, einde = timezone.localtime(bijeenkomst.begin), timezone.localtime(bijeenkomst.einde)
        return {
            "titel": bijeenkomst.titel,
            "datum": begin.date(),
            "begintijd": begin.time(),
            "eindtijd": einde.time(),
            "einddatum": einde.date() if einde.date() != begin.date() else None,
            "locatie": bijeenkomst.locatie,
            "online_link": bijeenkomst.online_link,
            "toelichting": bijeenkomst.toelichting,
            "revisie": bijeenkomst.revisie,
        }


class BijeenkomstForm(TijdEnPlaatsForm):
    """A new meeting: only the kinds and networks the user may convene (§4)."""

    soort = forms.ChoiceField(label=_("Soort bijeenkomst"), widget=forms.RadioSelect)
    netwerk = forms.ModelChoiceField(
        label=_("Netwerk"),
        required=False,
        queryset=Netwerk.objects.none(),
        to_field_name="slug",
        empty_label=_("Kies een netwerk"),
        help_text=_("Alleen bij een netwerkbijeenkomst."),
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        required=False,
        queryset=Sector.objects.none(),
        empty_label=_("Kies een sector"),
        help_text=_("Alleen bij een expertbijeenkomst."),
    )
    agenda = forms.ModelChoiceField(
        label=_("Sectoragenda"),
        required=False,
        queryset=Agenda.objects.none(),
        empty_label=_("(geen)"),
        help_text=_("De versie van de sectoragenda waaraan deze expertbijeenkomst werkt (optioneel)."),
    )

    field_order = ["soort", "netwerk", "sector", "agenda", "titel"]

    def __init__(self, *args: Any, gebruiker: Gebruiker, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        soorten = access.soorten_om_te_plannen(gebruiker)
        self.fields["soort"].choices = soorten
        if len(soorten) == 1:
            # One kind only (a coordinator: network meetings): no choice to make.
            self.fields["soort"].initial = soorten[0][0]
            self.fields["soort"].widget = forms.HiddenInput()
            self.fields["netwerk"].help_text = ""
        if any(waarde == Bijeenkomst.Soort.NETWERK for waarde, _label in soorten):
            self.fields["netwerk"].queryset = access.netwerken_om_te_plannen(gebruiker)
        else:
            # Network meetings are their coordinators' (issue 7): no network to choose.
            del self.fields["netwerk"]
        if gebruiker.is_projectteam:
            self.fields["sector"].queryset = Sector.objects.order_by("volgorde", "naam")
            self.fields["agenda"].queryset = (
                Agenda.objects.visible_to(gebruiker)
                .select_related("sector")
                .order_by("sector__volgorde", "-versie")
            )
            self.fields["agenda"].label_from_instance = (
                lambda a: f"{a.sector}, versie {a.versie} ({a.get_status_display()})"
            )
        else:
            # Only the project team convenes expert meetings: no sector or agenda to choose.
            del self.fields["sector"]
            del self.fields["agenda"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        soort = data.get("soort")
        if soort == Bijeenkomst.Soort.NETWERK and not data.get("netwerk"):
            self.add_error("netwerk", _("Kies het netwerk van deze netwerkbijeenkomst."))
        if soort == Bijeenkomst.Soort.EXPERT and not data.get("sector"):
            self.add_error("sector", _("Kies de sector van deze expertbijeenkomst."))
        agenda, sector = data.get("agenda"), data.get("sector")
        if soort == Bijeenkomst.Soort.EXPERT and agenda and sector and agenda.sector_id != sector.pk:
            self.add_error("agenda", _("Kies een agenda van de gekozen sector."))
        return data

    def servicevelden(self) -> dict[str, Any]:
        data = self.cleaned_data
        soort = data["soort"]
        return {
            **self.tijd_en_plaats(),
            "soort": soort,
            "netwerk": data.get("netwerk") if soort == Bijeenkomst.Soort.NETWERK else None,
            "sector": data.get("sector") if soort == Bijeenkomst.Soort.EXPERT else None,
            "agenda": data.get("agenda") if soort == Bijeenkomst.Soort.EXPERT else None,
        }


class BewerkenForm(TijdEnPlaatsForm):
    """Title, time, place and description of an existing meeting, with the revision it started from."""

    revisie = _revisieveld()


class AnnulerenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden van annulering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Komt in het bericht aan de genodigden."),
    )
    revisie = _revisieveld()


# --- Invitees and responses -----------------------------------------------------------------------


class UitnodigenForm(forms.Form):
    """Persons and/or all contacts of organisations; for a network meeting only its members and
    participating organisations (the service refuses anyone else, whatever is posted)."""

    personen = forms.ModelMultipleChoiceField(
        label=_("Personen"),
        required=False,
        queryset=Gebruiker.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    organisaties = forms.ModelMultipleChoiceField(
        label=_("Organisaties (hun contactpersoon)"),
        required=False,
        queryset=Organisatie.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De contactpersoon van elke gekozen organisatie krijgt een uitnodiging."),
    )

    def __init__(self, *args: Any, bijeenkomst: Bijeenkomst, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        al = Genodigde.objects.filter(bijeenkomst=bijeenkomst).values("gebruiker_id")
        self.fields["personen"].queryset = services.kandidaten(bijeenkomst).exclude(pk__in=al)
        self.fields["personen"].label_from_instance = persoon_label
        self.fields["organisaties"].queryset = services.kandidaat_organisaties(bijeenkomst)
        if bijeenkomst.is_netwerkbijeenkomst:
            self.fields["personen"].help_text = _("Leden van het netwerk die nog niet zijn uitgenodigd.")
        else:
            self.fields["personen"].help_text = _("Iedereen met een account die nog niet is uitgenodigd.")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not data.get("personen") and not data.get("organisaties"):
            raise forms.ValidationError(_("Kies ten minste één persoon of organisatie."))
        return data


class AntwoordForm(forms.Form):
    antwoord = forms.ChoiceField(
        label=_("Uw antwoord"),
        choices=[(w, label) for w, label in Genodigde.Antwoord.choices if w != Genodigde.Antwoord.GEEN],
        error_messages={"required": _("Kies: ik kom, onder voorbehoud of ik meld me af.")},
    )


class AanwezigheidForm(forms.Form):
    """One choice per invitee: present, absent or unknown (a field `aanwezig_<pk>` each), and per
    invitee the value the page showed (hidden `getoond_<pk>`): only what the user changed is
    saved, and a change on top of someone else's is refused as a conflict (two coordinators at
    the same time must not overwrite each other)."""

    KEUZES = [("ja", _("aanwezig")), ("nee", _("afwezig")), ("", _("onbekend"))]
    WAARDE = {"ja": True, "nee": False, "": None}
    KEUZE = {True: "ja", False: "nee", None: ""}

    def __init__(self, *args: Any, genodigden: list[Genodigde], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.genodigden = genodigden
        for genodigde in genodigden:
            self.fields[f"aanwezig_{genodigde.pk}"] = forms.ChoiceField(
                label=genodigde.gebruiker.naam,
                choices=self.KEUZES,
                required=False,
                widget=forms.RadioSelect,
                initial=self.KEUZE[genodigde.aanwezig],
            )
            self.fields[f"getoond_{genodigde.pk}"] = forms.ChoiceField(
                choices=self.KEUZES,
                required=False,
                widget=forms.HiddenInput,
                initial=self.KEUZE[genodigde.aanwezig],
            )

    def rijen(self) -> list[tuple[Genodigde, forms.BoundField, forms.BoundField]]:
        return [(g, self[f"aanwezig_{g.pk}"], self[f"getoond_{g.pk}"]) for g in self.genodigden]

    def _waarden(self, voorvoegsel: str) -> dict[int, bool | None]:
        return {
            g.pk: self.WAARDE[self.cleaned_data.get(f"{voorvoegsel}_{g.pk}") or ""] for g in self.genodigden
        }

    def aanwezigheid(self) -> dict[int, bool | None]:
        return self._waarden("aanwezig")

    def getoond(self) -> dict[int, bool | None]:
        return self._waarden("getoond")

    @classmethod
    def met_getoond(cls, data: Any, genodigden: list[Genodigde]) -> Any:
        """The user's input with the values stored now as "shown": after seeing the conflict,
        saving again is a deliberate choice."""
        data = data.copy()
        for genodigde in genodigden:
            data[f"getoond_{genodigde.pk}"] = cls.KEUZE[genodigde.aanwezig]
        return data


# --- Minutes and decisions ------------------------------------------------------------------------


class NotulenForm(forms.Form):
    notulen = forms.CharField(
        label=_("Notulen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Het verslag van de bijeenkomst. Besluiten legt u hieronder apart vast."),
    )
    revisie = _revisieveld()


def acties_zonder_red(acties: QuerySet[Verbeteractie]) -> QuerySet[Verbeteractie]:
    return acties.exclude(tlp=TLP.RED)


class BesluitForm(forms.Form):
    """A decision, and in the same step: nothing, a new action, or an update of an existing action.

    The revision of every action offered is posted along (`revisie_<pk>`), so an update made on
    top of someone else's change of that action is refused as a conflict.
    """

    GEEN, NIEUW, BIJWERKEN = "geen", "nieuw", "bijwerken"

    tekst = forms.CharField(label=_("Besluit"), widget=forms.Textarea(attrs={"rows": 4}))
    gevolg = forms.ChoiceField(
        label=_("Gevolg voor het actieplan"),
        choices=[
            (GEEN, _("Geen: alleen het besluit vastleggen")),
            (NIEUW, _("Maak een nieuwe verbeteractie")),
            (BIJWERKEN, _("Werk een bestaande actie bij")),
        ],
        initial=GEEN,
        widget=forms.RadioSelect,
    )
    # New action
    titel = forms.CharField(label=_("Titel van de nieuwe actie"), max_length=200, required=False)
    thema = forms.ModelChoiceField(
        label=_("Thema"), queryset=Thema.objects.none(), required=False, empty_label=_("Kies een thema")
    )
    eigenaar = forms.ModelChoiceField(
        label=_("Eigenaar"),
        queryset=Gebruiker.objects.none(),
        required=False,
        empty_label=_("(nog niet bekend)"),
        help_text=_("Een lid van het netwerk."),
    )
    einddatum = forms.DateField(label=_("Einddatum"), required=False, widget=DatumInput())
    # Existing action
    actie = forms.ModelChoiceField(
        label=_("Actie"),
        queryset=Verbeteractie.objects.none(),
        required=False,
        empty_label=_("Kies een actie"),
    )
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        required=False,
        choices=[("", _("(niet wijzigen)")), *Verbeteractie.Status.choices],
    )
    nieuwe_eigenaar = forms.ModelChoiceField(
        label=_("Nieuwe eigenaar"),
        queryset=Gebruiker.objects.none(),
        required=False,
        empty_label=_("(niet wijzigen)"),
    )
    nieuwe_einddatum = forms.DateField(
        label=_("Nieuwe einddatum"),
        required=False,
        widget=DatumInput(),
        help_text=_("Leeg laten om de einddatum niet te wijzigen."),
    )

    def __init__(self, *args: Any, bijeenkomst: Bijeenkomst, gebruiker: Gebruiker, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bijeenkomst = bijeenkomst
        self.met_acties = bijeenkomst.is_netwerkbijeenkomst
        if not self.met_acties:
            for naam in ("gevolg", "titel", "thema", "eigenaar", "einddatum", "actie", "status"):
                del self.fields[naam]
            del self.fields["nieuwe_eigenaar"], self.fields["nieuwe_einddatum"]
            self.acties: list[Verbeteractie] = []
            return
        leden = (
            Gebruiker.objects.filter(lidmaatschappen__netwerk_id=bijeenkomst.netwerk_id, is_active=True)
            .select_related("organisatie")
            .order_by("naam")
        )
        self.fields["thema"].queryset = Thema.objects.order_by("nummer")
        for naam in ("eigenaar", "nieuwe_eigenaar"):
            self.fields[naam].queryset = leden
            self.fields[naam].label_from_instance = persoon_label
        # RED actions stay off: the decision and its link are read by everyone who sees the meeting.
        acties = acties_zonder_red(services.acties_voor_besluit(bijeenkomst, gebruiker))
        self.acties = list(acties)
        self.fields["actie"].queryset = acties
        self.fields["actie"].label_from_instance = (
            lambda a: f"{a.titel} ({a.thema}, {a.get_status_display()})"
        )

    def revisievelden(self) -> list[tuple[int, int | None]]:
        """Hidden `revisie_<pk>` per action offered: as posted (a conflict replaces the one of the
        conflicting action), else as loaded now."""
        if self.is_bound:
            return [(a.pk, self.revisie_van(a) or a.revisie) for a in self.acties]
        return [(a.pk, a.revisie) for a in self.acties]

    def revisie_van(self, actie: Verbeteractie) -> int | None:
        """The revision of the action as the user saw it when the form was rendered."""
        try:
            return int(self.data.get(f"revisie_{actie.pk}", ""))
        except ValueError:
            return None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        gevolg = data.get("gevolg", self.GEEN)
        if gevolg == self.NIEUW:
            if not (data.get("titel") or "").strip():
                self.add_error("titel", _("Geef de nieuwe actie een titel."))
            if not data.get("thema"):
                self.add_error("thema", _("Kies het thema van de nieuwe actie."))
        elif gevolg == self.BIJWERKEN:
            actie = data.get("actie")
            if not actie:
                self.add_error("actie", _("Kies de actie die het besluit bijwerkt."))
            elif not (data.get("status") or data.get("nieuwe_eigenaar") or data.get("nieuwe_einddatum")):
                self.add_error(
                    None, _("Kies wat het besluit aan de actie verandert: status, eigenaar of einddatum.")
                )
            elif self.revisie_van(actie) is None:
                self.add_error("actie", _("De versie van de actie ontbreekt; laad de pagina opnieuw."))
        return data

    def nieuwe_actie(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if data.get("gevolg") != self.NIEUW:
            return None
        velden: dict[str, Any] = {"titel": data["titel"].strip(), "thema": data["thema"]}
        eigenaar = data.get("eigenaar")
        if eigenaar is not None:
            velden["eigenaar"] = eigenaar
            # The owner's organisation is responsible when it takes part in the network.
            if (
                eigenaar.organisatie_id
                and self.bijeenkomst.netwerk.deelnames.filter(organisatie_id=eigenaar.organisatie_id).exists()
            ):
                velden["organisatie"] = eigenaar.organisatie
        if data.get("einddatum"):
            velden["einddatum"] = data["einddatum"]
        return velden

    def bij_te_werken_actie(self) -> tuple[Verbeteractie, dict[str, Any], int | None] | None:
        data = self.cleaned_data
        if data.get("gevolg") != self.BIJWERKEN:
            return None
        actie = data["actie"]
        velden: dict[str, Any] = {}
        if data.get("status"):
            velden["status"] = data["status"]
        if data.get("nieuwe_eigenaar"):
            velden["eigenaar"] = data["nieuwe_eigenaar"]
        if data.get("nieuwe_einddatum"):
            velden["einddatum"] = data["nieuwe_einddatum"]
        return actie, velden, self.revisie_van(actie)


# --- Agenda points --------------------------------------------------------------------------------


class AgendapuntForm(forms.Form):
    """A point on the agenda, optionally about an agreement, an action or a menukaart item — each
    select limited to what the user may see and every invitee may read."""

    titel = forms.CharField(label=_("Titel"), max_length=200)
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    afspraak = forms.ModelChoiceField(
        label=_("Over samenwerkingsafspraak"),
        queryset=Samenwerkingsafspraak.objects.none(),
        required=False,
        empty_label=_("(geen)"),
    )
    verbeteractie = forms.ModelChoiceField(
        label=_("Over verbeteractie"),
        queryset=Verbeteractie.objects.none(),
        required=False,
        empty_label=_("(geen)"),
    )
    menukaartitem = forms.ModelChoiceField(
        label=_("Over menukaartitem"),
        queryset=MenukaartItem.objects.none(),
        required=False,
        empty_label=_("(geen)"),
    )

    def __init__(self, *args: Any, bijeenkomst: Bijeenkomst, gebruiker: Gebruiker, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Agreements of the current agendas that matter: the network's sectors, the expert
        # meeting's sector, or (national meetings) every sector.
        afspraken = Samenwerkingsafspraak.objects.filter(agenda__huidig=True)
        if bijeenkomst.is_netwerkbijeenkomst:
            afspraken = afspraken.filter(agenda__sector__netwerken=bijeenkomst.netwerk_id)
        elif bijeenkomst.sector_id:
            afspraken = afspraken.filter(
                Q(agenda__sector_id=bijeenkomst.sector_id) | Q(agenda_id=bijeenkomst.agenda_id)
            )
        self.fields["afspraak"].queryset = afspraken.select_related("agenda__sector").order_by(
            "agenda__sector__volgorde", "rang"
        )
        self.fields["afspraak"].label_from_instance = lambda a: f"{a.agenda.sector} {a.rang}. {a.titel}"
        acties = acties_zonder_red(Verbeteractie.objects.visible_to(gebruiker))
        if bijeenkomst.is_netwerkbijeenkomst:
            acties = acties.filter(actieplan__netwerk_id=bijeenkomst.netwerk_id)
        else:
            # National meetings discuss the national plan's actions.
            acties = acties.filter(actieplan__landelijk=True)
        self.fields["verbeteractie"].queryset = acties.select_related("thema").order_by(
            "thema__nummer", "titel"
        )
        self.fields["verbeteractie"].label_from_instance = lambda a: f"{a.titel} ({a.thema})"
        self.fields["menukaartitem"].queryset = (
            MenukaartItem.objects.visible_to(gebruiker)
            .gepubliceerd()
            .filter(tlp__in=MenukaartItem.TLP_VOOR_IEDEREEN)
            .order_by("titel")
        )


class VerplaatsForm(forms.Form):
    richting = forms.ChoiceField(choices=[("omhoog", _("omhoog")), ("omlaag", _("omlaag"))])
