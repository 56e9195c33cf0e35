"""PLACEHOLDER: being implemented."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def overzicht(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def beoordeel(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def maak_acties(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError
