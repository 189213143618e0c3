"""The corpus store: documents, extracted records and merged incidents, in SQLite or PostgreSQL.

``Store.open(location)`` opens a SQLite file (default ``marsad.db``) or a
``postgresql://`` URL; both use the one schema of :mod:`marsad.store.schema`.
Importing this package opens nothing.
"""

from marsad.store.db import DEFAULT_DB, StoreError, connect
from marsad.store.store import DONE, FAILED, PENDING, Store, StoredText, content_hash

__all__ = ["DEFAULT_DB", "DONE", "FAILED", "PENDING", "Store", "StoreError", "StoredText",
           "connect", "content_hash"]
