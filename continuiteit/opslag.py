"""Private file storage: attachments and generated reports live outside the web root."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.utils.functional import cached_property


class PriveOpslag(FileSystemStorage):
    """Files under `settings.PRIVE_BESTANDEN`: outside the web root, no URL, served by a view only.

    The location is read from the settings when first used (and again after a test overrides the
    setting), so tests can point it at a temporary directory.
    """

    @cached_property
    def base_location(self) -> str:
        return self._value_or_setting(self._location, settings.PRIVE_BESTANDEN)

    def _clear_cached_properties(self, setting: str, **kwargs: object) -> None:
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVE_BESTANDEN":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name: str | None) -> str:
        raise ValueError("Privébestanden hebben geen URL; ze worden alleen via een view geleverd.")


_PRIVE_OPSLAG = PriveOpslag()


def prive_opslag() -> Storage:
    """The private storage (a callable, so migrations do not freeze a path)."""
    return _PRIVE_OPSLAG
