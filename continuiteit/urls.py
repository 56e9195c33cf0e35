from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("", include("netwerken.urls")),
]
