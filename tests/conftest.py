"""Shared fixtures for marsad's tests."""

from __future__ import annotations

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
