"""Forms of the network screens: they validate and normalise; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from .models import Deelname, Gebruiker, Lidmaatschap, Netwerk, Organisatie, Sector


class NetwerkFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam"), required=False, max_length=100)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle sectoren"),
    )
    regio = forms.ModelChoiceField(
        label=_("Veiligheidsregio"),
        queryset=Organisatie.objects.veiligheidsregios(),
        to_field_name="vr_nummer",
        required=False,
        empty_label=_("Alle veiligheidsregio's"),
    )


class LidToevoegenForm(forms.Form):
    persoon = forms.ModelChoiceField(label=_("Persoon"), queryset=Gebruiker.objects.none())
    rol = forms.ChoiceField(
        label=_("Rol in het netwerk"), choices=Lidmaatschap.Rol.choices, initial=Lidmaatschap.Rol.LID
    )

    def __init__(self, *args: Any, netwerk: Netwerk, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # People of participating organisations who are not yet members.
        self.fields["persoon"].queryset = (
            Gebruiker.objects.filter(is_active=True, organisatie__deelnames__netwerk=netwerk)
            .exclude(lidmaatschappen__netwerk=netwerk)
            .select_related("organisatie")
            .order_by("naam")
        )
        self.fields["persoon"].label_from_instance = lambda g: f"{g.naam} — {g.organisatie}"
        self.fields["persoon"].help_text = _(
            "Alleen medewerkers van deelnemende organisaties met een account. Anderen nodigt u uit per e-mail."
        )


class RolForm(forms.Form):
    rol = forms.ChoiceField(label=_("Rol"), choices=Lidmaatschap.Rol.choices)


class LeadpartnerForm(forms.Form):
    leadpartner = forms.BooleanField(label=_("Leadpartner"), required=False)


class ContactpersoonForm(forms.Form):
    contactpersoon = forms.ModelChoiceField(
        label=_("Contactpersoon"), queryset=Gebruiker.objects.none(), required=False, empty_label=_("(geen)")
    )

    def __init__(self, *args: Any, deelname: Deelname, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contactpersoon"].queryset = Gebruiker.objects.filter(
            organisatie_id=deelname.organisatie_id, lidmaatschappen__netwerk_id=deelname.netwerk_id
        ).order_by("naam")


class UitnodigingForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.")},
    )
    naam = forms.CharField(label=_("Naam"), max_length=150)
    organisatie = forms.ModelChoiceField(label=_("Organisatie"), queryset=Organisatie.objects.none())
    rol = forms.ChoiceField(
        label=_("Rol in het netwerk"), choices=Lidmaatschap.Rol.choices, initial=Lidmaatschap.Rol.LID
    )

    def __init__(self, *args: Any, netwerk: Netwerk, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.filter(deelnames__netwerk=netwerk).order_by(
            "naam"
        )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class AccountAanmakenForm(forms.Form):
    """Set a name and password when accepting an invitation without an account."""

    naam = forms.CharField(label=_("Uw naam"), max_length=150)
    wachtwoord1 = forms.CharField(
        label=_("Kies een wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    wachtwoord2 = forms.CharField(
        label=_("Herhaal het wachtwoord"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        een, twee = data.get("wachtwoord1"), data.get("wachtwoord2")
        if een and twee and een != twee:
            self.add_error("wachtwoord2", _("De twee wachtwoorden zijn niet gelijk."))
        elif een:
            try:
                password_validation.validate_password(
                    een, Gebruiker(email=self.email, naam=data.get("naam", ""))
                )
            except forms.ValidationError as fout:
                self.add_error("wachtwoord1", fout)
        return data
