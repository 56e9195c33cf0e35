"""Administrators see and correct meetings; convening, inviting and recording happen in the portal
(the services send the mails and keep SEQUENCE right, so the admin does not edit those fields)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agendafeed, Agendapunt, Besluit, Bijeenkomst, Genodigde


class AgendapuntInline(admin.TabularInline):
    model = Agendapunt
    extra = 0
    raw_id_fields = ("afspraak", "verbeteractie", "menukaartitem")


class GenodigdeInline(admin.TabularInline):
    model = Genodigde
    extra = 0
    fields = ("gebruiker", "organisatie", "antwoord", "beantwoord_op", "aanwezig")
    readonly_fields = ("beantwoord_op",)
    raw_id_fields = ("gebruiker", "organisatie")


class BesluitInline(admin.TabularInline):
    model = Besluit
    extra = 0
    fields = ("volgnummer", "tekst", "verbeteractie", "gevolg", "vastgelegd_door", "vastgelegd_op")
    readonly_fields = ("verbeteractie", "gevolg", "vastgelegd_door", "vastgelegd_op")


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(SimpleHistoryAdmin):
    list_display = ("titel", "soort", "netwerk", "sector", "begin", "geannuleerd_op")
    list_filter = ("soort", "sector")
    list_select_related = ("netwerk", "sector")
    search_fields = ("titel", "locatie")
    date_hierarchy = "begin"
    raw_id_fields = (
        "netwerk",
        "agenda",
        "expertbijeenkomst",
        "georganiseerd_door",
        "notulen_vastgelegd_door",
    )
    readonly_fields = ("uid", "sequence", "geannuleerd_op", "aangemaakt_op", "revisie")
    inlines = [AgendapuntInline, GenodigdeInline, BesluitInline]


@admin.register(Agendafeed)
class AgendafeedAdmin(SimpleHistoryAdmin):
    """No token on screen: the address is the person's secret."""

    list_display = ("gebruiker", "aangemaakt_op", "vernieuwd_op")
    fields = ("gebruiker", "aangemaakt_op", "vernieuwd_op")
    readonly_fields = ("aangemaakt_op", "vernieuwd_op")
    raw_id_fields = ("gebruiker",)
