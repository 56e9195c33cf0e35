"""PLACEHOLDER: being implemented."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def plan(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def bewerken(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def indienen(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def instemming(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def historie(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError
