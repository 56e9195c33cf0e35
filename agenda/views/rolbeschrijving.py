"""Role description screens (§5 Rolbeschrijving). PLACEHOLDER: being implemented."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def huidig(request: HttpRequest, **kwargs: object) -> HttpResponse:
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


def status(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def uitnodigen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def sectie_bewerken(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def reageren(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def beantwoorden(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def besluit(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def ondertekening(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError
