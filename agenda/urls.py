from __future__ import annotations

from django.urls import path

from .views import agendas, rolbeschrijving

app_name = "agenda"

urlpatterns = [
    # Themes
    path("agenda/themas/", agendas.thema_lijst, name="themas"),
    path("agenda/themas/<int:nummer>/bewerken/", agendas.thema_bewerken, name="thema_bewerken"),
    # Sector agendas
    path("agenda/", agendas.overzicht, name="overzicht"),
    path("agenda/<slug:sector>/", agendas.sector, name="sector"),
    path("agenda/<slug:sector>/versies/", agendas.versies, name="versies"),
    path("agenda/<slug:sector>/vergelijk/", agendas.vergelijk, name="vergelijk"),
    path("agenda/<slug:sector>/nieuwe-versie/", agendas.nieuwe_versie, name="nieuwe_versie"),
    path("agenda/<slug:sector>/v<int:versie>/", agendas.versie, name="versie"),
    path("agenda/<slug:sector>/v<int:versie>/pdf/", agendas.versie_pdf, name="versie_pdf"),
    path(
        "agenda/<slug:sector>/v<int:versie>/afspraken/nieuw/", agendas.afspraak_nieuw, name="afspraak_nieuw"
    ),
    path(
        "agenda/<slug:sector>/v<int:versie>/afspraken/<int:pk>/bewerken/",
        agendas.afspraak_bewerken,
        name="afspraak_bewerken",
    ),
    path(
        "agenda/<slug:sector>/v<int:versie>/afspraken/<int:pk>/verwijderen/",
        agendas.afspraak_verwijderen,
        name="afspraak_verwijderen",
    ),
    path(
        "agenda/<slug:sector>/v<int:versie>/afspraken/<int:pk>/rang/",
        agendas.afspraak_rang,
        name="afspraak_rang",
    ),
    path("agenda/<slug:sector>/v<int:versie>/voorleggen/", agendas.voorleggen, name="voorleggen"),
    path(
        "agenda/<slug:sector>/v<int:versie>/terug-naar-concept/",
        agendas.terug_naar_concept,
        name="terug_naar_concept",
    ),
    path("agenda/<slug:sector>/v<int:versie>/besluiten/", agendas.besluit, name="besluit"),
    path("agenda/<slug:sector>/v<int:versie>/vaststellen/", agendas.vaststellen, name="vaststellen"),
    path(
        "agenda/<slug:sector>/v<int:versie>/expertbijeenkomsten/",
        agendas.expertbijeenkomst,
        name="expertbijeenkomst",
    ),
    # Role description
    path("rolbeschrijving/", rolbeschrijving.huidig, name="rol_huidig"),
    path("rolbeschrijving/versies/", rolbeschrijving.versies, name="rol_versies"),
    path("rolbeschrijving/vergelijk/", rolbeschrijving.vergelijk, name="rol_vergelijk"),
    path("rolbeschrijving/nieuwe-versie/", rolbeschrijving.nieuwe_versie, name="rol_nieuwe_versie"),
    path("rolbeschrijving/v<int:versie>/", rolbeschrijving.versie, name="rol_versie"),
    path("rolbeschrijving/v<int:versie>/pdf/", rolbeschrijving.versie_pdf, name="rol_pdf"),
    path("rolbeschrijving/v<int:versie>/status/", rolbeschrijving.status, name="rol_status"),
    path("rolbeschrijving/v<int:versie>/uitnodigen/", rolbeschrijving.uitnodigen, name="rol_uitnodigen"),
    path(
        "rolbeschrijving/v<int:versie>/secties/<int:pk>/bewerken/",
        rolbeschrijving.sectie_bewerken,
        name="rol_sectie_bewerken",
    ),
    path(
        "rolbeschrijving/v<int:versie>/secties/<int:pk>/reageren/",
        rolbeschrijving.reageren,
        name="rol_reageren",
    ),
    path(
        "rolbeschrijving/v<int:versie>/reacties/<int:pk>/beantwoorden/",
        rolbeschrijving.beantwoorden,
        name="rol_beantwoorden",
    ),
    path("rolbeschrijving/v<int:versie>/besluiten/", rolbeschrijving.besluit, name="rol_besluit"),
    path(
        "rolbeschrijving/v<int:versie>/ondertekeningen/",
        rolbeschrijving.ondertekening,
        name="rol_ondertekening",
    ),
]
