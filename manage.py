#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "continuiteit.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    # Django's command runner swallows a configuration error and fails later with an unrelated
    # message; read the settings first so e.g. a missing SECRET_KEY says so.
    settings.INSTALLED_APPS  # noqa: B018

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
