"""Forms of the monitoring screens the project team maintains and of the toetsbijeenkomst.

They validate and normalise input; `monitoring.services` decides and writes. Every edit form carries
`versie`, the object's history version when the page was shown, so a save on top of someone
else's newer save is refused instead of silently overwriting it.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actieplannen.forms import DatumInput
from agenda.models import Thema
from netwerken.models import Gebruiker, Netwerk, Sector

from .models import Leerpunt
from .services import EERSTE_JAAR


def _versieveld() -> forms.CharField:
    # Empty is allowed: an object without history yet has version "".
    return forms.CharField(widget=forms.HiddenInput, required=False, max_length=20)


def _sectorveld(**kwargs: Any) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        Sector.objects.order_by("volgorde", "naam"),
        label=_("Sector"),
        required=False,
        empty_label=_("Alle sectoren"),
        to_field_name="slug",
        error_messages={"invalid_choice": _("Kies een sector uit de lijst.")},
        **kwargs,
    )


def _themaveld(**kwargs: Any) -> forms.ModelChoiceField:
    veld = forms.ModelChoiceField(
        Thema.objects.order_by("nummer"),
        label=_("Thema"),
        required=False,
        empty_label=_("Alle thema's"),
        to_field_name="nummer",
        error_messages={"invalid_choice": _("Kies een thema uit de lijst.")},
        **kwargs,
    )
    return veld


# --- Leerpunten -----------------------------------------------------------------------------------


class LeerpuntFilterForm(forms.Form):
    sector = _sectorveld()
    thema = _themaveld()


class LeerpuntForm(forms.ModelForm):
    versie = _versieveld()

    class Meta:
        model = Leerpunt
        fields = ["titel", "toelichting", "datum", "sector", "netwerk", "thema"]
        widgets = {"datum": DatumInput(), "toelichting": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "titel": {"required": _("Geef het leerpunt een titel.")},
            "datum": {
                "required": _("Vul de datum van het leerpunt in."),
                "invalid": _("Vul een geldige datum in, bijv. 15-03-2026."),
            },
        }
        help_texts = {
            "titel": _("Het leerpunt in één zin, bijv. „Vroeg afspraken maken over noodwater loont”."),
            "toelichting": _("Wat er gebeurde, wat werkte of niet, en wat anderen ervan kunnen leren."),
            "datum": _("Wanneer het leerpunt is opgehaald."),
            "sector": _("Leeg laten als het leerpunt voor alle sectoren geldt."),
            "netwerk": _("Het netwerk waar het leerpunt vandaan komt, als het uit één netwerk komt."),
            "thema": _("Leeg laten als het leerpunt niet bij één thema hoort."),
        }

    def __init__(self, *args: Any, gebruiker: Gebruiker, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["versie"].initial = kwargs.get("initial", {}).get("versie", "")
        self.fields["sector"].queryset = Sector.objects.order_by("volgorde", "naam")
        self.fields["sector"].empty_label = _("(alle sectoren)")
        self.fields["netwerk"].queryset = Netwerk.objects.visible_to(gebruiker).order_by("naam")
        self.fields["netwerk"].empty_label = _("(geen specifiek netwerk)")
        self.fields["thema"].queryset = Thema.objects.order_by("nummer")
        self.fields["thema"].empty_label = _("(geen specifiek thema)")
        self.fields["titel"].widget.attrs["maxlength"] = 200

    def clean_datum(self) -> Any:
        datum = self.cleaned_data.get("datum")
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(_("Een leerpunt ligt niet in de toekomst."))
        return datum

    def servicevelden(self) -> dict[str, Any]:
        return {naam: self.cleaned_data[naam] for naam in self.Meta.fields}


# --- Programme milestones -------------------------------------------------------------------------


class ProgrammamijlpaalForm(forms.Form):
    gereed_uiterlijk = forms.DateField(
        label=_("Gereed uiterlijk"),
        widget=DatumInput(),
        error_messages={
            "required": _("Vul de datum in waarop de mijlpaal uiterlijk gereed moet zijn."),
            "invalid": _("Vul een geldige datum in, bijv. 31-12-2026."),
        },
    )
    behaald_op = forms.DateField(
        label=_("Behaald op"),
        required=False,
        widget=DatumInput(),
        help_text=_("Leeg laten zolang de mijlpaal niet is behaald."),
        error_messages={"invalid": _("Vul een geldige datum in, bijv. 31-12-2026.")},
    )
    versie = _versieveld()


# --- Programme contributions ----------------------------------------------------------------------


class JaarForm(forms.Form):
    """The year shown in the contributions table (and the year to create rows for)."""

    jaar = forms.IntegerField(
        label=_("Jaar"),
        min_value=EERSTE_JAAR,
        max_value=2100,
        error_messages={
            "required": _("Vul een jaar in."),
            "invalid": _("Vul een jaar in cijfers in, bijv. 2026."),
            "min_value": _("Kies een jaar vanaf %(limit_value)s: toen begon het programma."),
            "max_value": _("Kies een jaar tot en met %(limit_value)s."),
        },
    )

    def __init__(self, *args: Any, verplicht: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Choosing which year to show is optional (default: this year); saving needs one.
        self.fields["jaar"].required = verplicht


_DUIZENDTALLEN = re.compile(r"^\d{1,3}(\.\d{3})+(,\d*)?$")


class BedragField(forms.DecimalField):
    """An amount as people write it in Dutch: "3700", "3700,00", "3.700,00" or "€ 3.700"."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace("€", "").replace("\u00a0", "").replace(" ", "")
            if _DUIZENDTALLEN.match(value):
                value = value.replace(".", "")  # thousands separators
        return super().to_python(value)


class BijdrageForm(forms.Form):
    """One row of the contributions table (prefix: `b<pk>`)."""

    bedrag = BedragField(
        label=_("Afgesproken bijdrage (EUR)"),
        min_value=0,
        max_digits=10,
        decimal_places=2,
        localize=True,
        error_messages={
            "required": _("Vul het afgesproken bedrag in (0 als er niets is afgesproken)."),
            "invalid": _("Vul een bedrag in euro's in, bijv. 3700 of 3700,00."),
            "min_value": _("Het bedrag is nul of meer."),
            "max_digits": _("Het bedrag is te groot."),
            "max_decimal_places": _("Gebruik hoogstens twee cijfers achter de komma."),
            "max_whole_digits": _("Het bedrag is te groot."),
        },
    )
    ontvangen_op = forms.DateField(
        label=_("Ontvangen op"),
        required=False,
        widget=DatumInput(),
        error_messages={"invalid": _("Vul een geldige datum in, bijv. 15-03-2026.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=300,
        error_messages={"max_length": _("De toelichting is hoogstens %(limit_value)d tekens.")},
    )
    versie = _versieveld()

    def clean_ontvangen_op(self) -> Any:
        datum = self.cleaned_data.get("ontvangen_op")
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(_("De ontvangstdatum ligt niet in de toekomst."))
        if datum and datum.year < EERSTE_JAAR:
            raise forms.ValidationError(
                _("Het programma begon in %(jaar)s; kies een latere datum.") % {"jaar": EERSTE_JAAR}
            )
        return datum


# --- Toetsbijeenkomst -----------------------------------------------------------------------------


class ToetsbijeenkomstFilterForm(forms.Form):
    sector = _sectorveld()
    thema = _themaveld()
    ook_afgesloten = forms.BooleanField(label=_("Ook afgeronde en vervallen acties"), required=False)


_ACTIE_REVISIE = re.compile(r"^(\d{1,10}):(\d{1,10})$")


class VoorstelForm(forms.Form):
    """Turn a group into a proposal for the national plan: its actions with the revisions seen."""

    acties = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={"required": _("De groep ontbreekt; laad de pagina opnieuw.")},
    )
    titel = forms.CharField(
        label=_("Titel van de landelijke actie"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("De titel is hoogstens %(limit_value)d tekens.")},
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Zichtbaar voor iedereen die het nationale actieplan leest: neem geen vertrouwelijke "
            "details uit de regionale acties over."
        ),
    )

    def clean_acties(self) -> dict[int, int]:
        """`12:3,45:1` → {12: 3, 45: 1}: action id → the revision shown on the page."""
        revisies: dict[int, int] = {}
        for deel in self.cleaned_data["acties"].split(","):
            gevonden = _ACTIE_REVISIE.match(deel.strip())
            if not gevonden:
                raise forms.ValidationError(_("De groep is niet goed doorgegeven; laad de pagina opnieuw."))
            revisies[int(gevonden[1])] = int(gevonden[2])
        if len(revisies) < 2:
            raise forms.ValidationError(_("Een groep bestaat uit ten minste twee acties."))
        if len(revisies) > 500:
            raise forms.ValidationError(_("Deze groep is te groot om in één keer voor te stellen."))
        return revisies
