"""Django admin for administrators: accounts, organisations and reference data (§5)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Deelname, Gebruiker, Gemeente, Netwerk, NetwerkRegio, Organisatie, Sector, Uitnodiging


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin, SimpleHistoryAdmin):
    ordering = ["naam"]
    list_display = ["email", "naam", "organisatie", "functie", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "is_superuser", "groups", "organisatie__soort"]
    search_fields = ["email", "naam", "organisatie__naam"]
    autocomplete_fields = ["organisatie"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Persoon"), {"fields": ["naam", "functie", "organisatie"]}),
        (_("Rechten"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Data"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "naam", "organisatie", "password1", "password2"]}),
    ]


@admin.register(Sector)
class SectorAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "slug", "volgorde"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Organisatie)
class OrganisatieAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort", "vr_nummer", "actief"]
    list_filter = ["soort", "actief", "sectoren"]
    search_fields = ["naam", "korte_naam", "code"]
    filter_horizontal = ["sectoren", "werkgebied"]


@admin.register(Gemeente)
class GemeenteAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "cbs_code", "veiligheidsregio", "provincie"]
    list_filter = ["provincie", "veiligheidsregio"]
    search_fields = ["naam", "cbs_code"]
    list_select_related = ["veiligheidsregio"]


class NetwerkRegioInline(admin.TabularInline):
    model = NetwerkRegio
    extra = 0
    autocomplete_fields = ["veiligheidsregio"]


class DeelnameInline(admin.TabularInline):
    model = Deelname
    extra = 0
    autocomplete_fields = ["organisatie", "contactpersoon"]


@admin.register(Netwerk)
class NetwerkAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "slug", "kernpartner"]
    list_filter = ["sectoren"]
    search_fields = ["naam", "slug"]
    list_select_related = ["kernpartner"]
    autocomplete_fields = ["kernpartner"]
    # Memberships are managed on the network page through the services, which keep the
    # guardian grants in step; the admin shows regions and participants only.
    inlines = [NetwerkRegioInline, DeelnameInline]
    readonly_fields = ["aangemaakt_op"]


@admin.register(Uitnodiging)
class UitnodigingAdmin(SimpleHistoryAdmin):
    list_display = ["email", "netwerk", "rol", "verloopt_op", "gebruikt_op", "ingetrokken_op"]
    list_filter = ["rol"]
    search_fields = ["email", "naam", "netwerk__naam"]
    readonly_fields = ["gebruikt_op", "aangemaakt_op"]
