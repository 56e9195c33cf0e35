"""Sector agenda screens (§5 Agenda). PLACEHOLDER: being implemented."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def thema_lijst(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def thema_bewerken(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def overzicht(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def sector(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def versies(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def vergelijk(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def nieuwe_versie(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def versie(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def versie_pdf(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def afspraak_nieuw(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def afspraak_bewerken(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def afspraak_verwijderen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def afspraak_rang(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def voorleggen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def terug_naar_concept(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def besluit(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def vaststellen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def expertbijeenkomst(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError
