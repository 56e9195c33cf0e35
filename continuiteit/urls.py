from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from netwerken.views import mijn_overzicht

admin.site.site_header = "Continuïteitportaal — beheer"
admin.site.site_title = "Continuïteitportaal"

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("account/", include("django.contrib.auth.urls")),
    path("", mijn_overzicht, name="mijn_overzicht"),
    path("", include("netwerken.urls")),
    path("", include("agenda.urls")),
    path("", include("actieplannen.urls")),
    path("", include("menukaart.urls")),
    path("", include("monitoring.urls")),
    path("", include("bijeenkomsten.urls")),
]
