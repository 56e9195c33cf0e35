"""Django admin for administrators: themes, role descriptions and sector agendas, with history.

The project team works through the portal's screens, which go through `agenda.services` and keep
the lifecycle rules; the admin is for repairs by a functional administrator.
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Agenda,
    AgendaVaststelling,
    Consultatiereactie,
    Expertbijeenkomst,
    Ondertekening,
    Rolbeschrijving,
    RolSectie,
    RolVaststelling,
    Samenwerkingsafspraak,
    Thema,
)


@admin.register(Thema)
class ThemaAdmin(SimpleHistoryAdmin):
    list_display = ["nummer", "naam"]
    search_fields = ["naam", "omschrijving"]


# --- Role description -----------------------------------------------------------------------------


class RolSectieInline(admin.StackedInline):
    model = RolSectie
    extra = 0
    autocomplete_fields = ["thema"]
    fields = [
        ("soort", "thema", "volgorde"),
        "titel",
        "tekst",
        "definitie",
        "taken",
        "wettelijke_basis",
        "aandachtspunten_ministeries",
        "aandachtspunten_bedrijven",
    ]


class RolVaststellingInline(admin.TabularInline):
    model = RolVaststelling
    extra = 0
    readonly_fields = ["vastgelegd_door"]


@admin.register(Rolbeschrijving)
class RolbeschrijvingAdmin(SimpleHistoryAdmin):
    list_display = ["versie", "titel", "status", "huidig", "vastgesteld_op", "voorbeeld"]
    list_filter = ["status", "huidig", "voorbeeld"]
    readonly_fields = ["huidig", "aangemaakt_op", "gewijzigd_op"]
    filter_horizontal = ["uitgenodigd"]
    inlines = [RolSectieInline, RolVaststellingInline]


@admin.register(RolSectie)
class RolSectieAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "rolbeschrijving", "soort", "thema", "volgorde"]
    list_filter = ["soort", "rolbeschrijving"]
    list_select_related = ["rolbeschrijving", "thema"]
    search_fields = ["titel"]


@admin.register(Consultatiereactie)
class ConsultatiereactieAdmin(SimpleHistoryAdmin):
    list_display = ["sectie", "organisatie", "auteur", "geplaatst_op", "antwoord"]
    list_filter = ["antwoord", "sectie__rolbeschrijving"]
    list_select_related = ["sectie", "organisatie", "auteur"]
    raw_id_fields = ["sectie", "auteur", "organisatie", "beantwoord_door"]
    readonly_fields = ["geplaatst_op", "beantwoord_op"]


@admin.register(RolVaststelling)
class RolVaststellingAdmin(SimpleHistoryAdmin):
    list_display = ["rolbeschrijving", "orgaan", "besluit", "datum", "kenmerk"]
    list_filter = ["orgaan", "besluit"]
    list_select_related = ["rolbeschrijving"]
    readonly_fields = ["vastgelegd_door"]


@admin.register(Ondertekening)
class OndertekeningAdmin(SimpleHistoryAdmin):
    list_display = ["veiligheidsregio", "rolbeschrijving", "datum", "ondertekend_door"]
    list_filter = ["rolbeschrijving"]
    list_select_related = ["veiligheidsregio", "rolbeschrijving"]
    raw_id_fields = ["veiligheidsregio"]
    readonly_fields = ["vastgelegd_door"]


# --- Sector agendas -------------------------------------------------------------------------------


class SamenwerkingsafspraakInline(admin.StackedInline):
    model = Samenwerkingsafspraak
    extra = 0
    autocomplete_fields = ["thema"]
    fields = [("rang", "thema"), "titel", "omschrijving", "beoogd_resultaat"]
    ordering = ["rang"]


class ExpertbijeenkomstInline(admin.TabularInline):
    model = Expertbijeenkomst
    extra = 0


class AgendaVaststellingInline(admin.TabularInline):
    model = AgendaVaststelling
    extra = 0
    readonly_fields = ["vastgelegd_door"]


@admin.register(Agenda)
class AgendaAdmin(SimpleHistoryAdmin):
    list_display = ["sector", "versie", "status", "huidig", "vastgesteld_op", "voorbeeld"]
    list_filter = ["sector", "status", "huidig", "voorbeeld"]
    list_select_related = ["sector"]
    readonly_fields = ["huidig", "aangemaakt_op", "gewijzigd_op"]
    raw_id_fields = ["gebaseerd_op"]
    inlines = [SamenwerkingsafspraakInline, AgendaVaststellingInline, ExpertbijeenkomstInline]


@admin.register(Samenwerkingsafspraak)
class SamenwerkingsafspraakAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "agenda", "rang", "thema"]
    list_filter = ["agenda__sector", "thema"]
    list_select_related = ["agenda__sector", "thema"]
    search_fields = ["titel", "omschrijving"]
    raw_id_fields = ["agenda"]
    readonly_fields = ["sleutel"]


@admin.register(AgendaVaststelling)
class AgendaVaststellingAdmin(SimpleHistoryAdmin):
    list_display = ["agenda", "orgaan", "besluit", "datum", "kenmerk"]
    list_filter = ["orgaan", "besluit"]
    list_select_related = ["agenda__sector"]
    readonly_fields = ["vastgelegd_door"]


@admin.register(Expertbijeenkomst)
class ExpertbijeenkomstAdmin(SimpleHistoryAdmin):
    list_display = ["agenda", "datum"]
    list_select_related = ["agenda__sector"]
