"""The web app's settings, declared once: ``marsad serve`` and the tests build them the same way."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

TOKEN_ENV = "MARSAD_TOKEN"
VENDOR_ENV = "MARSAD_WEB_VENDOR"
HERE = Path(__file__).parent


@dataclass(frozen=True)
class Settings:
    """How one app serves one store."""

    db: str | None = None                   # a SQLite path or postgresql:// URL (default marsad.db)
    token: str | None = None                # storing pasted reports needs it; None: read-only
    max_body: int = 2_000_000               # bytes in one request body (a pasted report, JSON-wrapped)
    page_max: int = 1000                    # incidents in one page of /api/incidents
    geojson_max: int = 50_000               # features in one /api/incidents.geojson answer
    cors_origins: tuple[str, ...] = ()      # none: browsers refuse other sites' scripts
    vendor: Path = field(default_factory=lambda: Path(os.environ.get(VENDOR_ENV) or HERE / "node_modules"))

    @classmethod
    def from_env(cls, **given: object) -> "Settings":
        """Build settings with the token read from ``MARSAD_TOKEN`` (an empty one is none)."""
        return cls(token=os.environ.get(TOKEN_ENV) or None, **given)  # type: ignore[arg-type]
