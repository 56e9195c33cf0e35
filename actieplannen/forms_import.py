"""The upload form of the Excel import: it checks the file (size, real .xlsx); `excel` reads it."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .excel import MAX_GROOTTE, controleer_xlsx

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Excel-bestand"),
        help_text=_(
            "Het bestand dat u uit dit actieplan exporteerde en bewerkte (.xlsx, hoogstens 5 MB). "
            "U ziet eerst de wijzigingen; er verandert pas iets als u ze doorvoert."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX_MIME}"}),
        error_messages={
            "required": _("Kies het Excel-bestand dat u wilt importeren."),
            "empty": _("Het bestand is leeg."),
        },
    )

    def clean_bestand(self) -> bytes:
        """The file's bytes, once it is known to be a workbook of at most 5 MB (by its content)."""
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_GROOTTE:
            raise ValidationError(
                _("Het bestand is %(mb)s MB; de grens is 5 MB.")
                % {"mb": f"{bestand.size / 1024 / 1024:.1f}".replace(".", ",")},
                code="te_groot",
            )
        inhoud = bestand.read()
        controleer_xlsx(inhoud)
        return inhoud
