"""PLACEHOLDER: being implemented."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def pdf(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def excel(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


def importeer(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError
