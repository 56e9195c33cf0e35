from __future__ import annotations

from django.urls import path

from .views import acties, export, plan, toetsing

app_name = "actieplannen"

P = "netwerken/<slug:slug>/"

urlpatterns = [
    # Toetsing (self-assessment)
    path(P + "toetsing/", toetsing.overzicht, name="toetsing"),
    path(P + "toetsing/<uuid:sleutel>/", toetsing.beoordeel, name="beoordeel"),
    path(P + "toetsing/acties/", toetsing.maak_acties, name="toetsing_acties"),
    # Actieplan
    path(P + "actieplan/", plan.plan, name="plan"),
    path(P + "actieplan/bewerken/", plan.bewerken, name="plan_bewerken"),
    path(P + "actieplan/indienen/", plan.indienen, name="indienen"),
    path(P + "actieplan/instemming/", plan.instemming, name="instemming"),
    path(P + "actieplan/historie/", plan.historie, name="historie"),
    # Verbeteracties
    path(P + "actieplan/acties/nieuw/", acties.nieuw, name="actie_nieuw"),
    path(P + "actieplan/acties/<int:pk>/", acties.detail, name="actie"),
    path(P + "actieplan/acties/<int:pk>/bewerken/", acties.bewerken, name="actie_bewerken"),
    path(P + "actieplan/acties/<int:pk>/inline/", acties.inline, name="actie_inline"),
    path(P + "actieplan/acties/<int:pk>/verwijderen/", acties.verwijderen, name="actie_verwijderen"),
    path(P + "actieplan/acties/<int:pk>/voortgang/", acties.voortgang, name="actie_voortgang"),
    path(P + "actieplan/acties/<int:pk>/mijlpalen/", acties.mijlpaal, name="mijlpaal"),
    path(
        P + "actieplan/acties/<int:pk>/mijlpalen/<int:mijlpaal>/",
        acties.mijlpaal_gereed,
        name="mijlpaal_gereed",
    ),
    # Exports
    path(P + "actieplan/netwerkrapportage.pdf", export.pdf, name="export_pdf"),
    path(P + "actieplan/actieplan.xlsx", export.excel, name="export_excel"),
    path(P + "actieplan/importeren/", export.importeer, name="importeer"),
]
