"""PLACEHOLDER: being implemented."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def nieuw(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def detail(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def bewerken(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def inline(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def verwijderen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def voortgang(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def mijlpaal(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def mijlpaal_gereed(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError
