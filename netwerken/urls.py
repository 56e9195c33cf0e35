from __future__ import annotations

from django.urls import path

from . import views

app_name = "netwerken"

urlpatterns = [
    path("netwerken/", views.netwerk_lijst, name="lijst"),
    path("netwerken/<slug:slug>/", views.netwerk_detail, name="detail"),
    path("netwerken/<slug:slug>/historie/", views.historie, name="historie"),
    path("netwerken/<slug:slug>/leden/toevoegen/", views.lid_toevoegen, name="lid_toevoegen"),
    path("netwerken/<slug:slug>/leden/<int:pk>/rol/", views.lid_rol, name="lid_rol"),
    path("netwerken/<slug:slug>/leden/<int:pk>/verwijderen/", views.lid_verwijderen, name="lid_verwijderen"),
    path(
        "netwerken/<slug:slug>/deelnemers/<int:pk>/leadpartner/",
        views.deelname_leadpartner,
        name="leadpartner",
    ),
    path(
        "netwerken/<slug:slug>/deelnemers/<int:pk>/contactpersoon/",
        views.deelname_contactpersoon,
        name="contactpersoon",
    ),
    path("netwerken/<slug:slug>/uitnodigen/", views.uitnodigen, name="uitnodigen"),
    path(
        "netwerken/<slug:slug>/uitnodigingen/<int:pk>/intrekken/",
        views.uitnodiging_intrekken,
        name="uitnodiging_intrekken",
    ),
    path("uitnodiging/<str:token>/", views.uitnodiging, name="uitnodiging"),
]
