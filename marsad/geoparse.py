"""Geoparsing: the place names a text mentions, with their gazetteer entries.

Runs only the stages that find places (nlp, places) and reads ``doc.places``;
the rest of the pipeline is not needed to say where a name points.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from marsad.extract import extract
from marsad.model import Document, Place
from marsad.pipeline import Pipeline


def toponyms(doc: Document) -> list[dict]:
    """List a processed document's resolved place names, in text order.

    Event places and the other place names (demonyms, regions, names inside
    names) both count: ``role`` tells them apart.
    """
    found = [p for p in (*doc.places, *doc.mentions) if p.entry is not None]
    return [toponym(doc.text, place) for place in sorted(found, key=lambda p: p.span.start)]


def toponym(text: str, place: Place) -> dict:
    """Describe one resolved place at the span of its name.

    A relative place ("5 km south of X") spans the whole phrase and carries the
    offset point; a toponym is the name X itself, at X's own coordinates.
    """
    entry = place.entry
    start, end = place.span.start, place.span.end
    if place.anchor:
        at = text.rfind(place.anchor, start, end)
        if at >= 0:
            start, end = at, at + len(place.anchor)
    # A town known only to lie in a country has no point of its own (``PlacesStage.find``).
    unplaced = place.anchor is not None and place.lat is None
    return {"start": start, "end": end, "name": text[start:end],
            "lat": None if unplaced else entry.lat, "lon": None if unplaced else entry.lon,
            "geonameid": None if unplaced else entry.geonameid,
            "country": entry.country, "admin1": entry.admin1, "feature": entry.feature,
            "precision": place.precision, "role": place.role}


def geoparse(docs: Iterable[Document], pipeline: Pipeline) -> Iterator[dict]:
    """Yield ``{"id", "toponyms"}`` per document, running only the place-finding stages."""
    places_only = Pipeline(through("places", pipeline))
    for doc in extract(docs, places_only):
        yield {"id": doc.id, "toponyms": toponyms(doc)}


def through(field: str, pipeline: Pipeline) -> tuple:
    """Return the pipeline's stages up to and including the one that assigns ``field``."""
    for n, stage in enumerate(pipeline.stages, start=1):
        if field in stage.assigns:
            return pipeline.stages[:n]
    raise ValueError(f"no stage of {pipeline.names} assigns {field!r}")
