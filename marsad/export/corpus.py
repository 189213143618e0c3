"""Corpus incidents in the formats analysts load: ACLED, UCDP GED, GTD, GeoJSON, JSON Lines.

Each tabular format uses its own column names and conventions, filled as far
as marsad knows them; a column marsad cannot know is left empty, never guessed.

- ``acled``: ``fatalities`` is the conservative figure (the lowest source's
  best), ``geo_precision`` 1-3, ``event_date`` ISO, ``source`` the documents;
  ``actor1`` the first perpetrator, ``actor2`` the first target, ``inter1`` and
  ``inter2`` ACLED's numeric codes of their actor types (empty where the type
  is not known), ``interaction`` the two codes, lower first.
- ``ucdp``: GED's ``best``/``low``/``high`` (an open-ended "at least" gives no
  higher bound, so ``high`` falls back to ``best``), ``where_prec`` 1-6,
  ``date_prec`` 1; only incidents with at least one death, as in GED.
- ``gtd``: ``eventid`` as YYYYMMDD + a four-digit serial, ``claimed`` and
  ``compclaim`` (1 yes, 0 no, empty when nobody claimed), ``gname``/``gname2``,
  ``guncertain1``; attack, weapon and target types from the attack detail the
  sources state (the attack type from the sub-event type where they state
  none), ``suicide`` and ``multiple`` (a coordinated attack), ``nperps``,
  ``nkillter`` (the attackers' own dead) and ``nhostkid`` (people abducted);
  only violent event types, not protests or strategic developments.
- ``geojson``: one Point Feature per incident with a place.
- ``jsonl``: one incident per line with every source's reports, casualty
  figures and claims, each with its evidence.
- ``parquet``: the incidents table as it is stored (readable column names,
  perpetrators as a JSON string), written in row groups of PARQUET_ROWS so
  memory stays flat; needs a file, not stdout.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable

from marsad.store.queries import sources

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
STATUS_UNCERTAIN = ("accused", "suspected")


def country(code: str | None) -> Any:
    import pycountry

    return pycountry.countries.get(alpha_2=code) if code else None


def names(perpetrators: list[dict]) -> list[str]:
    return [p["name"] for p in perpetrators]


# ACLED's numeric codes of its actor types (inter1, inter2).
INTER_CODES = {"State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
               "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8}


def role_players(i: dict[str, Any], role: str) -> list[dict]:
    return [r for r in json.loads(i.get("roles") or "[]") if r["role"] == role]


def inter(actor: str | None, roles: list[dict]) -> int | None:
    kind = next((r.get("type") for r in roles if r["actor"] == actor), None)
    return INTER_CODES.get(kind) if kind else None


def interaction(first: int | None, second: int | None) -> int | None:
    """ACLED's interaction code: both actor types' codes, the lower first (17: state forces and
    civilians); one actor alone is its code then 0 (10: state forces alone)."""
    if first is None:
        return None
    return first * 10 if second is None else min(first, second) * 10 + max(first, second)


def acled_row(i: dict[str, Any]) -> dict[str, Any]:
    where = country(i["country"])
    actors = names(i["perpetrators"])
    targets = [r["actor"] for r in role_players(i, "target") if r["actor"] not in actors]
    actor1, actor2 = (actors[0] if actors else None), (targets[0] if targets else None)
    inter1 = inter(actor1, role_players(i, "perpetrator"))
    inter2 = inter(actor2, role_players(i, "target"))
    event_type = i["event_type"]
    disorder = ("Demonstrations" if event_type in ("Protests", "Riots") else
                "Strategic developments" if event_type == "Strategic developments" else "Political violence")
    return {
        "event_id_cnty": f"{where.alpha_3 if where else 'XXX'}{i['id']}",
        "event_date": i["event_date"], "year": i["event_date"][:4] if i["event_date"] else None,
        "time_precision": 1 if i["event_date"] else 3, "disorder_type": disorder,
        "event_type": event_type, "sub_event_type": i["sub_event_type"],
        "actor1": actor1, "assoc_actor_1": "; ".join(actors[1:]) or None, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": "; ".join(targets[1:]) or None,
        "inter2": inter2 if actor2 else None,
        "interaction": interaction(inter1, inter2) if actor1 and (inter2 or not actor2) else None,
        "civilian_targeting": "Civilian targeting"
        if event_type == "Violence against civilians" else None,
        "iso": int(where.numeric) if where else None, "country": where.name if where else i["country"],
        "admin1": i["admin1"], "admin2": i["admin2"], "location": i["location"],
        "latitude": i["latitude"], "longitude": i["longitude"], "geo_precision": i["geo_precision"],
        "source": i["sources"], "source_scale": None, "notes": None,
        "fatalities": i["killed_acled"] or 0, "timestamp": i["updated_at"],
    }


def where_prec(i: dict[str, Any]) -> int | None:
    precision = i["geo_precision"]
    if precision is None:
        return None
    if precision >= 3:
        return 4 if i["admin1"] else 6
    return precision


def ucdp_row(i: dict[str, Any]) -> dict[str, Any]:
    where = country(i["country"])
    actors = names(i["perpetrators"])
    best = i["killed_best"]
    return {
        "id": i["id"], "year": i["event_date"][:4] if i["event_date"] else None,
        "type_of_violence": 3 if i["event_type"] == "Violence against civilians" else None,
        "side_a": actors[0] if actors else None, "side_b": "Civilians"
        if i["event_type"] == "Violence against civilians" else
        next((r["actor"] for r in role_players(i, "target") if r["actor"] not in actors), None),
        "number_of_sources": i["source_count"], "source_article": i["sources"],
        "where_prec": where_prec(i), "where_coordinates": i["location"],
        "adm_1": i["admin1"], "adm_2": i["admin2"], "latitude": i["latitude"], "longitude": i["longitude"],
        "geom_wkt": f"POINT ({i['longitude']} {i['latitude']})" if i["latitude"] is not None else None,
        "country": where.name if where else i["country"], "country_id": None,
        "date_prec": 1 if i["event_date"] else 5, "date_start": i["event_date"], "date_end": i["event_date"],
        "deaths_unknown": best, "best": best, "low": i["killed_low"] if i["killed_low"] is not None else best,
        "high": max(best, i["killed_high"]) if i["killed_high"] is not None else best,
    }


ATTACK_TYPES = {
    "Suicide bomb": "Bombing/Explosion", "Remote explosive/landmine/IED": "Bombing/Explosion",
    "Grenade": "Bombing/Explosion", "Shelling/artillery/missile attack": "Bombing/Explosion",
    "Air/drone strike": "Bombing/Explosion", "Abduction/forced disappearance": "Hostage Taking (Kidnapping)",
    "Attack": "Armed Assault", "Armed clash": "Armed Assault", "Sexual violence": "Unarmed Assault",
}


# marsad's target types that GTD files under another of its types.
GTD_TARGETS = {"Health": "Private Citizens & Property", "Refugees/IDPs": "Private Citizens & Property"}


def gtd_row(i: dict[str, Any], serial: int) -> dict[str, Any]:
    where = country(i["country"])
    perpetrators = i["perpetrators"]
    claimed = bool(i["claimed_by"])
    day = i["event_date"] or "0000-00-00"
    attack = json.loads(i["attack"]) if i.get("attack") else {}
    attack_types = attack.get("attack_types") or [ATTACK_TYPES.get(i["sub_event_type"], "Unknown")]
    weapons = attack.get("weapons") or []
    targets = list(dict.fromkeys(GTD_TARGETS.get(t, t) for t in attack.get("targets") or []))
    other = json.loads(i.get("other_figures") or "{}")

    def nth(values: list, n: int, key: str | None = None) -> Any:
        return (values[n][key] if key else values[n]) if len(values) > n else None

    def best(kind: str) -> int | None:
        return (other.get(kind) or {}).get("best")

    return {
        "eventid": f"{day.replace('-', '')}{serial:04d}", "iyear": int(day[:4]), "imonth": int(day[5:7]),
        "iday": int(day[8:10]), "country_txt": where.name if where else i["country"],
        "provstate": i["admin1"], "city": i["location"], "latitude": i["latitude"], "longitude": i["longitude"],
        "specificity": i["geo_precision"] or 5,
        "multiple": int(bool(attack.get("coordinated"))) if attack else None,
        "suicide": int(bool(attack.get("suicide"))) if attack else None,
        "attacktype1_txt": attack_types[0], "attacktype2_txt": nth(attack_types, 1),
        "targtype1_txt": nth(targets, 0), "targtype2_txt": nth(targets, 1),
        "gname": perpetrators[0]["name"] if perpetrators else "Unknown",
        "guncertain1": int(perpetrators[0]["status"] in STATUS_UNCERTAIN) if perpetrators else None,
        "gname2": perpetrators[1]["name"] if len(perpetrators) > 1 else None,
        "nperps": attack.get("attackers"),
        "claimed": int(claimed), "compclaim": int(bool(i["competing_claims"])) if claimed else None,
        "claimed_by": i["claimed_by"],
        "weaptype1_txt": nth(weapons, 0, "type"), "weapsubtype1_txt": nth(weapons, 0, "subtype"),
        "weaptype2_txt": nth(weapons, 1, "type"), "weapsubtype2_txt": nth(weapons, 1, "subtype"),
        "nkill": i["killed_best"], "nkillter": best("attackers_killed"), "nwound": i["wounded_best"],
        "nhostkid": best("abducted"),
        "scite1": i["sources"], "dbsource": "marsad",
    }


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer, count = None, 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)
        count += 1
    return count


def feature(i: dict[str, Any]) -> dict[str, Any]:
    properties = {k: v for k, v in i.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [i["longitude"], i["latitude"]]},
            "properties": properties}


def write_geojson(incidents: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write a FeatureCollection feature by feature, never holding it whole."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for i in incidents:
        if i["latitude"] is None:
            continue
        out.write((",\n" if count else "") + json.dumps(feature(i), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


JSON_COLUMNS = ("other_figures", "attack", "roles")     # stored as JSON text


def write_jsonl(store: Any, incidents: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for i in incidents:
        decoded = {k: json.loads(i[k]) if i.get(k) else None for k in JSON_COLUMNS}
        out.write(json.dumps({**i, **decoded, **sources(store, i["id"])}, ensure_ascii=False) + "\n")
        count += 1
    return count



def export(store: Any, incidents: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write ``incidents`` (from ``marsad.store.queries.incidents``) in ``fmt``; return the count."""
    if fmt == "acled":
        return write_csv((acled_row(i) for i in incidents), out)
    if fmt == "ucdp":
        return write_csv((ucdp_row(i) for i in incidents if (i["killed_best"] or 0) >= 1), out)
    if fmt == "gtd":
        dated = (i for i in incidents if i["event_type"] in VIOLENT and i["event_date"])
        return write_csv((gtd_row(i, n) for n, i in enumerate(dated, start=1)), out)
    if fmt == "geojson":
        return write_geojson(incidents, out)
    if fmt == "jsonl":
        return write_jsonl(store, incidents, out)
    raise ValueError(f"unknown export format {fmt!r}")


EXPORT_FORMATS = ("acled", "ucdp", "gtd", "geojson", "jsonl", "parquet")
PARQUET_ROWS = 10_000
# Stored column types; every other column is text.
PARQUET_INTEGERS = {"id", "geonameid", "geo_precision", "killed_low", "killed_best", "killed_high",
                    "killed_acled", "wounded_low", "wounded_best", "wounded_high",
                    "competing_claims", "source_count"}
PARQUET_FLOATS = {"latitude", "longitude"}


def write_parquet(incidents: Iterable[dict[str, Any]], path: str) -> int:
    """Write incidents to a Parquet file a row group at a time; return the count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, schema, batch, count = None, None, [], 0

    def flush() -> None:
        nonlocal writer
        table = pa.Table.from_pylist(batch, schema=schema)
        if writer is None:
            writer = pq.ParquetWriter(path, schema)
        writer.write_table(table)
        batch.clear()

    for incident in incidents:
        row = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
               for k, v in incident.items()}
        if schema is None:
            schema = pa.schema([(k, pa.int64() if k in PARQUET_INTEGERS else
                                 pa.float64() if k in PARQUET_FLOATS else pa.string()) for k in row])
        batch.append({k: (v if k in PARQUET_INTEGERS | PARQUET_FLOATS or v is None else str(v))
                      for k, v in row.items()})
        count += 1
        if len(batch) >= PARQUET_ROWS:
            flush()
    if batch:
        flush()
    if writer is not None:
        writer.close()
    return count
