from __future__ import annotations

from django.urls import path

from . import views

app_name = "menukaart"

urlpatterns = [
    path("menukaart/", views.zoeken, name="zoeken"),
    path("menukaart/voorstellen/", views.voorstellen, name="voorstellen"),
    path("menukaart/curatie/", views.curatie, name="curatie"),
    # Items
    path("menukaart/<int:pk>/", views.item, name="item"),
    path("menukaart/<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("menukaart/<int:pk>/publiceren/", views.publiceren, name="publiceren"),
    path("menukaart/<int:pk>/archiveren/", views.archiveren, name="archiveren"),
    path("menukaart/<int:pk>/beoordeeld/", views.beoordeeld, name="beoordeeld"),
    path("menukaart/<int:pk>/bijlagen/", views.bijlage_toevoegen, name="bijlage_toevoegen"),
    path("menukaart/<int:pk>/bijlagen/<int:bijlage>/", views.bijlage, name="bijlage"),
    path(
        "menukaart/<int:pk>/bijlagen/<int:bijlage>/verwijderen/",
        views.bijlage_verwijderen,
        name="bijlage_verwijderen",
    ),
    path("menukaart/<int:pk>/koppel/", views.koppelen, name="koppel"),
    path("menukaart/<int:pk>/ontkoppel/", views.ontkoppelen, name="ontkoppel"),
    # Loket
    path("menukaart/loket/", views.loket, name="loket"),
    path("menukaart/loket/vraag/", views.vraag_stellen, name="vraag"),
    path("menukaart/loket/mijn-vragen/", views.mijn_vragen, name="mijn_vragen"),
    path("menukaart/loket/<int:pk>/antwoord/", views.beantwoorden, name="beantwoorden"),
]
