"""Views of the monitoring app, one module per screen: dashboard, beheer, toetsbijeenkomst,
rapporten, voorkeuren."""
