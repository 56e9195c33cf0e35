"""Administrators maintain the programme data and the report schedules here; what jobs produce
(snapshots, reports, sent messages) is shown read-only: it is written by the jobs alone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from netwerken.models import Gebruiker

from .models import (
    Herinneringsafmelding,
    Leerpunt,
    Momentopname,
    Programmabijdrage,
    Programmamijlpaal,
    Rapport,
    Rapportschema,
    Rapportsoort,
    VerzondenBericht,
)

if TYPE_CHECKING:
    from django.http import HttpRequest


class AlleenLezen:
    """View-only in the admin: rows written by a job, not by hand."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002 - Django's signature
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002
        return False


@admin.register(Programmamijlpaal)
class ProgrammamijlpaalAdmin(SimpleHistoryAdmin):
    list_display = ("code", "resultaat", "omschrijving", "gereed_uiterlijk", "behaald_op")
    list_filter = ("resultaat",)
    search_fields = ("code", "resultaat", "omschrijving")


@admin.register(Leerpunt)
class LeerpuntAdmin(SimpleHistoryAdmin):
    list_display = ("titel", "datum", "sector", "netwerk", "thema", "opgesteld_door")
    list_filter = ("sector", "thema")
    search_fields = ("titel", "toelichting")
    raw_id_fields = ("netwerk", "opgesteld_door")
    list_select_related = ("sector", "netwerk", "thema", "opgesteld_door")


@admin.register(Programmabijdrage)
class ProgrammabijdrageAdmin(SimpleHistoryAdmin):
    list_display = ("veiligheidsregio", "jaar", "bedrag", "ontvangen_op")
    list_filter = ("jaar",)
    list_select_related = ("veiligheidsregio",)


@admin.register(Momentopname)
class MomentopnameAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ("datum", "aangemaakt_op")
    date_hierarchy = "datum"


@admin.register(Rapport)
class RapportAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = (
        "titel",
        "soort",
        "status",
        "tlp",
        "paginas",
        "aangevraagd_door",
        "aangevraagd_op",
        "schema",
    )
    list_filter = ("soort", "status", "tlp")
    search_fields = ("titel",)
    list_select_related = ("aangevraagd_door", "schema__sector")


class RapportschemaForm(forms.ModelForm):
    class Meta:
        model = Rapportschema
        fields = ("soort", "sector", "frequentie", "ontvangers", "actief", "laatste_periode")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only people who may read the aggregated reports can be on the list (monitoring.rapporten).
        self.fields["ontvangers"].queryset = (
            Gebruiker.objects.filter(
                is_active=True, groups__name__in=[settings.GROEP_PROJECTTEAM, settings.GROEP_STUURGROEP]
            )
            .distinct()
            .order_by("naam")
        )
        self.fields[
            "ontvangers"
        ].help_text = "Alleen actieve leden van de stuurgroep, de CVI en het projectteam kunnen de rapportage ontvangen."

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean()
        soort, sector = gegevens.get("soort"), gegevens.get("sector")
        if soort == Rapportsoort.CVI and sector is None:
            self.add_error("sector", "Kies de sector van de rapportage CVI.")
        if soort == Rapportsoort.STUURGROEP and sector is not None:
            self.add_error(
                "sector", "De voortgangsrapportage stuurgroep gaat over alle sectoren: laat de sector leeg."
            )
        return gegevens


@admin.register(Rapportschema)
class RapportschemaAdmin(SimpleHistoryAdmin):
    form = RapportschemaForm
    list_display = ("__str__", "frequentie", "actief", "laatste_periode")
    list_filter = ("soort", "frequentie", "actief")
    filter_horizontal = ("ontvangers",)
    list_select_related = ("sector",)


@admin.register(Herinneringsafmelding)
class HerinneringsafmeldingAdmin(SimpleHistoryAdmin):
    list_display = ("gebruiker", "soort", "op")
    list_filter = ("soort",)
    search_fields = ("gebruiker__naam", "gebruiker__email")
    raw_id_fields = ("gebruiker",)
    list_select_related = ("gebruiker",)


@admin.register(VerzondenBericht)
class VerzondenBerichtAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ("sleutel", "soort", "ontvanger", "verzonden_op")
    list_filter = ("soort",)
    search_fields = ("sleutel", "ontvanger__email")
    date_hierarchy = "verzonden_op"
    list_select_related = ("ontvanger",)
