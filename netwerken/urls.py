from __future__ import annotations
app_name = "netwerken"
urlpatterns: list = []
