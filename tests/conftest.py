"""Shared fixtures for marsad's tests."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="session")
def geonames_gazetteer(tmp_path_factory):
    """Build the real GeoNames index once per run into a temporary cache dir."""
    from marsad.gazetteer.index import CACHE_ENV, open_default
    from marsad.gazetteer.supplement import ENV_VAR

    patch = pytest.MonkeyPatch()
    patch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("marsad-cache")))
    patch.delenv(ENV_VAR, raising=False)
    try:
        gazetteer = open_default()
    finally:
        patch.undo()
    yield gazetteer
    gazetteer.close()


@pytest.fixture(scope="session")
def nlp():
    """The packaged spaCy model, loaded once per run."""
    from marsad.stages.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def registry():
    """The packaged actor registry."""
    from marsad.actors import ActorRegistry

    return ActorRegistry.load()


@pytest.fixture(scope="session")
def pipeline(nlp, geonames_gazetteer, registry):
    """The full extraction pipeline over the real model, GeoNames index and registry."""
    from marsad.extract import build_pipeline

    return build_pipeline(nlp, geonames_gazetteer, registry)


@pytest.fixture(scope="session")
def run_text(pipeline):
    """Return a function that reads one text, published on a given day, and runs the pipeline."""
    from marsad.ingest import read_text

    def run(text: str, published: date, doc_id: str = "t"):
        return pipeline(read_text(text, doc_id, published))

    return run
