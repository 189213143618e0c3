"""The store's one schema, written once for SQLite and PostgreSQL.

Table and column names are meant to be read by analysts in sqlite3, Datasette,
pandas or psql. Dates are ISO text ("2016-08-20") in both databases, so the
same queries and exports work on either; times are ISO text in UTC.

- ``documents``: one row per distinct text (``content_hash``), with its
  processing ``status`` (pending | done | failed) and ``error``.
- ``report_incidents``: an incident as one document tells it.
- ``incidents``: the corpus incident, one per real event, merged over the
  report incidents that describe it (``report_incidents.incident_id``).
- ``casualty_reports`` and ``claims``: each as one document gives it, tied to
  the report incident (and through it to the corpus incident). Killed and
  wounded have columns of their own; the other categories (missing,
  abducted, arrested, displaced, the attackers' own dead) are a JSON object
  in ``other_figures``, who was counted in ``counted``.
- ``attack`` and ``roles`` (report and corpus incidents): the GTD attack
  detail, and each actor's role (perpetrator, target, claimant, source) with
  its ACLED type, as JSON.
- ``evidence``: the sentence(s) behind every report incident, casualty report
  and claim, as offsets into ``documents.text``.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

TABLES = """
CREATE TABLE IF NOT EXISTS store_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id {pk},
    name TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    source TEXT,
    title TEXT,
    url TEXT,
    published TEXT,
    text TEXT NOT NULL,
    reader_notes TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'pending',
    error TEXT,
    notes TEXT,
    extractor TEXT,
    ingested_at TEXT NOT NULL,
    processed_at TEXT
);
CREATE TABLE IF NOT EXISTS incidents (
    id {pk},
    event_date TEXT,
    event_type TEXT NOT NULL,
    sub_event_type TEXT,
    location TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    geonameid BIGINT,
    geo_precision INTEGER,
    perpetrators TEXT NOT NULL DEFAULT '[]',
    killed_low INTEGER,
    killed_best INTEGER,
    killed_high INTEGER,
    killed_acled INTEGER,
    wounded_low INTEGER,
    wounded_best INTEGER,
    wounded_high INTEGER,
    other_figures TEXT NOT NULL DEFAULT '{{}}',
    attack TEXT,
    roles TEXT NOT NULL DEFAULT '[]',
    claimed_by TEXT,
    competing_claims INTEGER NOT NULL DEFAULT 0,
    source_count INTEGER NOT NULL DEFAULT 0,
    sources TEXT,
    first_reported TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS report_incidents (
    id {pk},
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    incident_id BIGINT REFERENCES incidents(id) ON DELETE SET NULL,
    local_id TEXT NOT NULL,
    event_date TEXT,
    event_type TEXT NOT NULL,
    sub_event_type TEXT,
    location TEXT,
    location_mention TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    geonameid BIGINT,
    geo_precision INTEGER,
    perpetrators TEXT NOT NULL DEFAULT '[]',
    killed_low INTEGER,
    killed_best INTEGER,
    killed_high INTEGER,
    wounded_low INTEGER,
    wounded_best INTEGER,
    wounded_high INTEGER,
    competing_claims INTEGER NOT NULL DEFAULT 0,
    attack TEXT,
    roles TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS casualty_reports (
    id {pk},
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    report_incident_id BIGINT REFERENCES report_incidents(id) ON DELETE CASCADE,
    source TEXT,
    killed_low INTEGER,
    killed_high INTEGER,
    killed_qualifier TEXT,
    wounded_low INTEGER,
    wounded_high INTEGER,
    wounded_qualifier TEXT,
    reported_at TEXT,
    other_figures TEXT NOT NULL DEFAULT '{{}}',
    counted TEXT NOT NULL DEFAULT '{{}}',
    partial INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS claims (
    id {pk},
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    speaker TEXT,
    against TEXT NOT NULL DEFAULT '[]',
    channel TEXT,
    firmness TEXT,
    claimed_at TEXT
);
CREATE TABLE IF NOT EXISTS claim_incidents (
    claim_id BIGINT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    report_incident_id BIGINT NOT NULL REFERENCES report_incidents(id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, report_incident_id)
);
CREATE TABLE IF NOT EXISTS evidence (
    id {pk},
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    record_type TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    quote TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_status ON documents(status);
CREATE INDEX IF NOT EXISTS report_incidents_document ON report_incidents(document_id);
CREATE INDEX IF NOT EXISTS report_incidents_incident ON report_incidents(incident_id);
CREATE INDEX IF NOT EXISTS report_incidents_match ON report_incidents(event_type, event_date);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(event_date);
CREATE INDEX IF NOT EXISTS incidents_updated ON incidents(updated_at);
CREATE INDEX IF NOT EXISTS casualty_reports_incident ON casualty_reports(report_incident_id);
CREATE INDEX IF NOT EXISTS casualty_reports_document ON casualty_reports(document_id);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document_id);
CREATE INDEX IF NOT EXISTS claim_incidents_incident ON claim_incidents(report_incident_id);
CREATE INDEX IF NOT EXISTS evidence_record ON evidence(record_type, record_id);
CREATE INDEX IF NOT EXISTS evidence_document ON evidence(document_id)
"""

# What turns a store of each older schema version into the next one. Records
# written before keep empty new columns until ``marsad reprocess``.
MIGRATIONS = {
    1: ["ALTER TABLE incidents ADD COLUMN other_figures TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE incidents ADD COLUMN attack TEXT",
        "ALTER TABLE incidents ADD COLUMN roles TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE report_incidents ADD COLUMN attack TEXT",
        "ALTER TABLE report_incidents ADD COLUMN roles TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE casualty_reports ADD COLUMN other_figures TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE casualty_reports ADD COLUMN counted TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE casualty_reports ADD COLUMN partial INTEGER NOT NULL DEFAULT 0"],
}

PRIMARY_KEYS = {
    "sqlite": "INTEGER PRIMARY KEY",
    "postgresql": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
}


def statements(dialect: str) -> list[str]:
    """Return the CREATE statements for one database dialect."""
    text = TABLES.format(pk=PRIMARY_KEYS[dialect])
    return [s.strip() for s in text.split(";") if s.strip()]
