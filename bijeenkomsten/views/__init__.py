"""Views of the meetings app: screens (one module per screen) and the calendar feed (feed.py)."""
