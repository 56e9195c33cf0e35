from __future__ import annotations

app_name = "bijeenkomsten"

urlpatterns: list = []
