from __future__ import annotations

from django.urls import path

from .views import abonnement, bijeenkomsten, deelname, feed, verslag

app_name = "bijeenkomsten"

P = "bijeenkomsten/"
B = P + "<int:pk>/"

urlpatterns = [
    # Lists and calendar
    path(P, bijeenkomsten.lijst, name="lijst"),
    path(P + "maand/<int:jaar>/<int:maand>/", bijeenkomsten.maand, name="maand"),
    path(P + "nieuw/", bijeenkomsten.nieuw, name="nieuw"),
    # One meeting
    path(B, bijeenkomsten.detail, name="detail"),
    path(B + "bewerken/", bijeenkomsten.bewerken, name="bewerken"),
    path(B + "annuleren/", bijeenkomsten.annuleren, name="annuleren"),
    path(B + "historie/", bijeenkomsten.historie, name="historie"),
    path(B + "agendapunten/", bijeenkomsten.agendapunten, name="agendapunten"),
    path(
        B + "agendapunten/<int:punt>/verplaatsen/",
        bijeenkomsten.agendapunt_verplaatsen,
        name="agendapunt_verplaatsen",
    ),
    path(
        B + "agendapunten/<int:punt>/verwijderen/",
        bijeenkomsten.agendapunt_verwijderen,
        name="agendapunt_verwijderen",
    ),
    path(B + "uitnodiging.ics", feed.ics_download, name="ics"),
    # Invitees, responses, attendance
    path(B + "uitnodigen/", deelname.uitnodigen, name="uitnodigen"),
    path(
        B + "genodigden/<int:genodigde>/verwijderen/",
        deelname.genodigde_verwijderen,
        name="genodigde_verwijderen",
    ),
    path(B + "antwoorden/", deelname.antwoorden, name="antwoorden"),
    path(B + "aanwezigheid/", deelname.aanwezigheid, name="aanwezigheid"),
    path(P + "antwoord/<str:token>/", deelname.antwoord_link, name="antwoord_link"),
    # Minutes and decisions
    path(B + "notulen/", verslag.notulen, name="notulen"),
    path(B + "besluit/", verslag.besluit, name="besluit"),
    # Personal calendar feed
    path(P + "agenda-abonnement/", abonnement.instellingen, name="feed_instellingen"),
    path(P + "feed/<str:token>.ics", feed.feed, name="feed"),
]
