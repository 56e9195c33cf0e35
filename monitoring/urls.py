from __future__ import annotations

app_name = "monitoring"

# One block per screen; each module in `monitoring/views/` owns its block.
urlpatterns: list = [
    # --- dashboard (views/dashboard.py) ---
    # --- leerpunten, mijlpalen, programmabijdragen (views/beheer.py) ---
    # --- toetsbijeenkomst (views/toetsbijeenkomst.py) ---
    # --- rapporten (views/rapporten.py) ---
    # --- herinneringen: my reminder settings (views/voorkeuren.py) ---
]
