"""Django admin for administrators: plans, actions, assessments and consent, read-only.

Plans and actions change only through `actieplannen.services` (optimistic locking, material
changes reopening consent, TLP:RED recipients); the admin shows them with their history so an
administrator can look something up, and sends him to the portal to change it.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import Actieplan, Beoordeling, Instemming, Mijlpaal, PlanVersie, Verbeteractie, Voortgangsupdate


class AlleenLezen:
    """Viewing and history only: every write goes through the services."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class MijlpaalInline(AlleenLezen, admin.TabularInline):
    model = Mijlpaal
    extra = 0


class VoortgangsupdateInline(AlleenLezen, admin.TabularInline):
    model = Voortgangsupdate
    extra = 0
    fields = ["datum", "status", "voortgang", "notitie", "door"]


@admin.register(Actieplan)
class ActieplanAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ["titel", "netwerk", "status", "versie", "tlp", "landelijk"]
    list_filter = ["status", "landelijk", "tlp"]
    search_fields = ["titel", "netwerk__naam"]
    list_select_related = ["netwerk"]


@admin.register(PlanVersie)
class PlanVersieAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["actieplan", "versie", "ingediend_op", "ingediend_door", "reden"]
    list_select_related = ["actieplan", "ingediend_door"]
    search_fields = ["actieplan__titel"]


@admin.register(Instemming)
class InstemmingAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ["actieplan", "versie", "organisatie", "besluit", "door", "namens", "op"]
    list_filter = ["besluit", "namens"]
    list_select_related = ["actieplan", "organisatie", "door"]
    search_fields = ["actieplan__titel", "organisatie__naam"]


@admin.register(Verbeteractie)
class VerbeteractieAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = [
        "titel",
        "actieplan",
        "thema",
        "organisatie",
        "eigenaar",
        "einddatum",
        "status",
        "voortgang",
        "tlp",
    ]
    list_filter = ["status", "tlp", "thema", "landelijk_oppakken"]
    search_fields = ["titel", "actieplan__titel", "eigenaar__naam"]
    list_select_related = ["actieplan", "thema", "organisatie", "eigenaar"]
    inlines = [MijlpaalInline, VoortgangsupdateInline]

    def get_queryset(self, request: HttpRequest) -> Any:
        # TLP:RED stays with its named recipients, here too (§4).
        return super().get_queryset(request).visible_to(request.user)


@admin.register(Beoordeling)
class BeoordelingAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ["afspraak", "netwerk", "status", "beoordeeld_door", "beoordeeld_op"]
    list_filter = ["status"]
    list_select_related = ["afspraak", "netwerk", "beoordeeld_door"]
    search_fields = ["netwerk__naam", "afspraak__titel"]
