from __future__ import annotations

from django.urls import path

from .views import beheer, dashboard, rapporten, toetsbijeenkomst, voorkeuren

app_name = "monitoring"

# One block per screen; each module in `monitoring/views/` owns its block.
urlpatterns: list = [
    # --- dashboard (views/dashboard.py) ---
    path("monitoring/", dashboard.dashboard, name="dashboard"),
    # --- leerpunten, mijlpalen, programmabijdragen (views/beheer.py) ---
    path("monitoring/leerpunten/", beheer.leerpunten, name="leerpunten"),
    path("monitoring/leerpunten/nieuw/", beheer.leerpunt_nieuw, name="leerpunt_nieuw"),
    path("monitoring/leerpunten/<int:pk>/wijzigen/", beheer.leerpunt_wijzigen, name="leerpunt_wijzigen"),
    path(
        "monitoring/leerpunten/<int:pk>/verwijderen/",
        beheer.leerpunt_verwijderen,
        name="leerpunt_verwijderen",
    ),
    path("monitoring/mijlpalen/", beheer.mijlpalen, name="mijlpalen"),
    path("monitoring/mijlpalen/<int:pk>/wijzigen/", beheer.mijlpaal_wijzigen, name="mijlpaal_wijzigen"),
    path("monitoring/bijdragen/", beheer.bijdragen, name="bijdragen"),
    path("monitoring/bijdragen/aanmaken/", beheer.bijdragen_aanmaken, name="bijdragen_aanmaken"),
    # --- toetsbijeenkomst (views/toetsbijeenkomst.py) ---
    path("monitoring/toetsbijeenkomst/", toetsbijeenkomst.toetsbijeenkomst, name="toetsbijeenkomst"),
    path(
        "monitoring/toetsbijeenkomst/voorstel/",
        toetsbijeenkomst.toetsbijeenkomst_voorstel,
        name="toetsbijeenkomst_voorstel",
    ),
    # --- rapporten (views/rapporten.py) ---
    path("monitoring/rapporten/", rapporten.lijst, name="rapporten"),
    path("monitoring/rapporten/<int:pk>/", rapporten.detail, name="rapport"),
    path("monitoring/rapporten/<int:pk>/download/", rapporten.download, name="rapport_download"),
    path("monitoring/rapporten/<int:pk>/opnieuw/", rapporten.opnieuw, name="rapport_opnieuw"),
    # --- herinneringen: my reminder settings (views/voorkeuren.py) ---
    path("monitoring/herinneringen/", voorkeuren.herinneringen, name="herinneringen"),
]
