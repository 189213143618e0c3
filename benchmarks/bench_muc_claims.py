"""Claims of responsibility on MUC-4 dev: does marsad find the group that claimed the attack?

Usage: python benchmarks/bench_muc_claims.py [--limit N]

Reads ../shared/datasets/muc4/dev.jsonl and keeps the templates whose
perp_confidence has an entry with the value CLAIMED OR ADMITTED. The claimed
group is that entry's "ref" (the perp_org fill it points at, with its
alternatives "A" / "B"); where an entry has no ref, every perp_org
alternative of the template counts. Each message is run once (upper-case
text, dateline date as published). A template is a hit when some claim of
kind "claim" in the output has an actor whose normalised name (casefold,
punctuation to spaces, spaces collapsed) equals a claimed alternative, or one
contains the other as whole words. A second count also accepts the claim's
name as written (its "speaker" field: "the Salvadoran army" for the canonical
"Military Forces of El Salvador"), since the templates name groups as the text
does. A third count also accepts any of the claimed actor's registry aliases
under the same rule ("FMLN - FDR" holds the alias "FMLN" of the canonical
"Farabundo Martí National Liberation Front"): the template writes the group as
the text does, marsad writes its canonical name, and both are one actor when
the registry says so. Names compare without accents ("Marti" is "Martí"). Prints the counts, the shares and 10 misses with the sentence that
mentions CLAIM / RESPONSIB.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from datetime import date
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "datasets" / "muc4" / "dev.jsonl"
CLAIMED = "CLAIMED OR ADMITTED"


def norm(name: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]|_", " ", plain.casefold()).split())


def same_actor(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def registry_names(registry, name: str) -> list[str]:
    """Return a claim's actor name with the registry's aliases for it (the name alone if unknown)."""
    entry = registry.find(name)
    return [name] if entry is None else [name, *entry.aliases]


def claimed_groups(template: dict) -> list[str]:
    """The perp_org alternatives that the template marks CLAIMED OR ADMITTED."""
    names: list[str] = []
    fallback = False
    for entry in template.get("perp_confidence") or []:
        if isinstance(entry, dict) and CLAIMED in (entry.get("value") or []):
            if entry.get("ref"):
                names.extend(entry["ref"])
            else:
                fallback = True
    if fallback or not names:
        for fill in template.get("perp_org") or []:
            names.extend(fill.get("alts") or [] if isinstance(fill, dict) else [fill])
    return list(dict.fromkeys(names))


def is_claimed(template: dict) -> bool:
    return any(isinstance(e, dict) and CLAIMED in (e.get("value") or [])
               for e in template.get("perp_confidence") or [])


def claim_sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [s for s in re.split(r"(?<=[.!?])\s+", flat) if re.search(r"CLAIM|RESPONSIB", s, re.I)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N messages that have a claimed template")
    parser.add_argument("--examples", type=int, default=10)
    args = parser.parse_args()

    messages = []
    with DATA.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                msg = json.loads(line)
                temps = [t for t in msg.get("templates") or [] if is_claimed(t)]
                if temps:
                    messages.append((msg, temps))
    if args.limit:
        messages = messages[:args.limit]

    from marsad.actors import ActorRegistry
    from marsad.export.contract import contract
    from marsad.extract import default_pipeline, extract
    from marsad.ingest import read_text

    t0 = time.perf_counter()
    pipeline = default_pipeline()
    registry = ActorRegistry.load()
    load_s = time.perf_counter() - t0

    considered = hits = 0
    misses = []
    any_claim_msgs = 0
    as_written = 0
    with_aliases = 0
    t1 = time.perf_counter()
    for msg, temps in messages:
        published = date.fromisoformat(msg["published"]) if msg.get("published") else None
        doc = read_text(msg["text"], msg["id"], published)
        obj = contract(extract([doc], pipeline))
        actors = [c["actor"] for c in obj["claims"] if c.get("kind") == "claim" and c.get("actor")]
        written = actors + [c["speaker"] for c in obj["claims"] if c.get("kind") == "claim" and c.get("speaker")]
        aliased = written + [n for a in actors for n in registry_names(registry, a)]
        any_claim_msgs += bool(actors)
        for t in temps:
            considered += 1
            groups = claimed_groups(t)
            as_written += any(same_actor(a, g) for a in written for g in groups)
            with_aliases += any(same_actor(a, g) for a in aliased for g in groups)
            if any(same_actor(a, g) for a in actors for g in groups):
                hits += 1
            else:
                misses.append((msg, t, groups, actors, obj))
    run_s = time.perf_counter() - t1

    print(f"messages {len(messages)}; templates considered {considered}; hits {hits}; "
          f"share {hits / considered if considered else 0:.3f}")
    print(f"with the name as written also accepted: hits {as_written}; "
          f"share {as_written / considered if considered else 0:.3f}")
    print(f"with the name as written or a registry alias also accepted: hits {with_aliases}; "
          f"share {with_aliases / considered if considered else 0:.3f}")
    print(f"messages where marsad output any claim of kind 'claim': {any_claim_msgs}/{len(messages)}")
    print(f"pipeline load {load_s:.1f} s; extraction {run_s:.1f} s "
          f"({len(messages) / run_s if run_s else 0:.2f} messages/s)\n")
    for msg, t, groups, actors, obj in misses[:args.examples]:
        other = sorted({f"{c['kind']}:{c['actor']}" for c in obj["claims"]} |
                       {f"false:{c['actor']}" for c in obj.get("false_statements", [])})
        sents = claim_sentences(msg["text"])
        print(f"- {msg['id']} {t.get('template_id')}: claimed {groups}")
        print(f"  marsad claims: {other or 'none'}")
        print(f"  sentence: {sents[0][:300] if sents else '(no CLAIM/RESPONSIB sentence)'}")


if __name__ == "__main__":
    main()
