"""Where an incident is: the key that makes two mentions one place, and what kind of place it is.

Incidents are grouped by place; a town known only to lie in a country, a point
offset from a town ("5 km south of X") and a gazetteer entry are told apart
here, and so are regions, countries and a region's namesake seat.
"""

from __future__ import annotations

import math

from marsad.gazetteer import normalise
from marsad.model import Place

NEAR_KM = 15


def place_key(place: Place) -> tuple:
    if place.anchor and place.lat is None:      # a town known only to lie in a country: its name
        return ("in", place.entry.geonameid if place.entry else None, normalise(place.name))
    if place.anchor:
        return ("near", place.entry.geonameid if place.entry else None, place.lat, place.lon)
    return ("at", place.entry.geonameid if place.entry else place.name.lower())


def is_region(place: Place) -> bool:
    return place.entry is not None and place.entry.feature == "A" and place.anchor is None


def is_namesake_seat(place: Place) -> bool:
    """Say whether a place is a region's seat that shares the region's name ("Latakia")."""
    entry = place.entry
    return entry is not None and place.anchor is None and entry.feature_code == "PPLA" and \
        entry.admin1 is not None and normalise(entry.admin1) == normalise(entry.name)


def is_country(place: Place) -> bool:
    """Say whether a place is a country named as such (not a town known only to lie in it)."""
    return place.entry is not None and place.entry.feature_code.startswith("PCL") and place.anchor is None


def near(a: Place, b: Place) -> bool:
    """Say whether two points lie within NEAR_KM, as a town and its district do."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return place_key(a) == place_key(b)
    north = math.radians(b.lat - a.lat)
    east = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(north, east) <= NEAR_KM

