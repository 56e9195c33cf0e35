"""Administrators see and correct menukaart content; curation itself happens in the portal."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ActieKoppeling, Bijlage, Link, LoketVraag, MenukaartItem


class LinkInline(admin.TabularInline):
    model = Link
    extra = 0


class BijlageInline(admin.TabularInline):
    """Read-only: uploads go through the portal, which checks the file's content."""

    model = Bijlage
    extra = 0
    fields = ("oorspronkelijke_naam", "content_type", "grootte", "geupload_door", "geupload_op")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:  # noqa: ARG002 - Django's signature
        return False


@admin.register(MenukaartItem)
class MenukaartItemAdmin(SimpleHistoryAdmin):
    list_display = ("titel", "soort", "status", "tlp", "laatst_beoordeeld", "voorbeeld")
    list_filter = ("status", "soort", "tlp", "voorbeeld", "themas", "sectoren")
    search_fields = ("titel", "samenvatting", "code")
    filter_horizontal = ("themas", "sectoren")
    raw_id_fields = ("curator", "voorgesteld_door")
    readonly_fields = ("code", "aangemaakt_op", "gewijzigd_op", "gepubliceerd_op")
    inlines = [LinkInline, BijlageInline]


@admin.register(LoketVraag)
class LoketVraagAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "gesteld_door", "gesteld_op", "beantwoord_op")
    list_filter = ("beantwoord_op",)
    raw_id_fields = ("item", "gesteld_door", "beantwoord_door")


@admin.register(ActieKoppeling)
class ActieKoppelingAdmin(SimpleHistoryAdmin):
    list_display = ("item", "verbeteractie", "gekoppeld_door", "gekoppeld_op")
    raw_id_fields = ("item", "verbeteractie", "gekoppeld_door")
