#!/usr/bin/env python3
"""Build the labelled corpus from its annotated sources.

Reads tests/corpus/src/NNN-slug.txt (header, annotated text, events) and
tests/corpus/src/variants.txt, resolves place keys through tests/corpus/places.tsv
(whose ids are checked against the shared gazetteer TSVs), and writes
reports/NNN-slug.txt, gold.jsonl and variants.jsonl.

It does NOT judge whether the labels are right; tools/validate.py re-checks the
written files independently. Test tooling only: the product never runs this.

Markup inside the text: [[surface|spec]] with spec one of
  p:<place key>[:metonym]  a place (key in places.tsv); ':metonym' for 'Kabul said'
  a:<actor id>[:n]         an actor; ':n' marks a common-noun reference ("the insurgents")
  n:<person id or ->[:role] a person; '-' when the person has no dictionary id
  t:<date>[:precision]     a time expression, date in the corpus date syntax
"""
import csv
import json
import os
import re
import sys

# SITREP_CORPUS points the tool at another corpus of the same layout
# (tests/heldout); the default is the corpus this tool lives in.
HERE = os.environ.get("SITREP_CORPUS") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("SITREP_SHARED_DATA", "/work/shared/data")
MARK = re.compile(r"\[\[([^\]|]+)\|([^\]]+)\]\]")


def die(msg):
    sys.exit(f"build.py: {msg}")


def gazetteer_rows():
    """geonameid -> (source, row) from every shared TSV that carries ids."""
    out = {}
    specs = [
        ("world/cities15000.tsv", "geonameid"),
        ("afghanistan/afg_places_geonames.tsv", "geonameid"),
        ("afghanistan/afg_provinces.tsv", "geonameid"),
        ("afghanistan/afg_districts.tsv", "geonames_id"),
        ("world/countries.tsv", "geonameid"),
        ("world/admin1.tsv", "geonameid"),
    ]
    for rel, col in specs:
        with open(os.path.join(DATA, rel), encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                gid = row.get(col) or ""
                if gid:
                    out.setdefault(int(gid), (rel, row))
    return out


def load_places(gaz):
    places = {}
    with open(os.path.join(HERE, "places.tsv"), encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
            key = row["key"]
            p = {
                "name": row["name"],
                "geonameid": int(row["geonameid"]) if row["geonameid"] else None,
                "kind": row["kind"],
                "admin1_code": row["admin1_code"] or None,
                "country": row["country"],
                "lat": float(row["lat"]) if row["lat"] else None,
                "lon": float(row["lon"]) if row["lon"] else None,
            }
            gid = p["geonameid"]
            if gid is not None:
                if gid not in gaz:
                    die(f"places.tsv line {n}: geonameid {gid} ({key}) not in shared TSVs")
                rel, g = gaz[gid]
                lat = g.get("latitude") or g.get("capital_lat") or g.get("label_lat")
                lon = g.get("longitude") or g.get("capital_lon") or g.get("label_lon")
                if rel == "afghanistan/afg_provinces.tsv":
                    lat, lon = g["label_lat"], g["label_lon"]
                if lat and lon:
                    p["lat"], p["lon"] = round(float(lat), 5), round(float(lon), 5)
            places[key] = p
    return places


def parse_source(path, places):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    try:
        head, body, events = raw.split("\n---\n", 2)
    except ValueError:
        die(f"{path}: expected header, '---', text, '---', events")
    meta = {}
    for line in head.splitlines():
        k, _, v = line.partition(":")
        meta[k.strip()] = v.strip()
    text, mentions = strip_markup(path, body.strip("\n") + "\n", places)
    evs = []
    for n, line in enumerate(events.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            ev = json.loads(line)
        except json.JSONDecodeError as e:
            die(f"{path}: events line {n}: {e}")
        evs.append(expand_event(path, ev, places, text))
    return meta, text, mentions, evs


def strip_markup(path, body, places):
    text, mentions, pos = [], [], 0
    offset = 0  # code points written so far
    for m in MARK.finditer(body):
        chunk = body[pos : m.start()]
        text.append(chunk)
        offset += len(chunk)
        surface, spec = m.group(1), m.group(2)
        mentions.append(mention(path, surface, spec, offset, places))
        text.append(surface)
        offset += len(surface)
        pos = m.end()
    text.append(body[pos:])
    out = "".join(text)
    if "[[" in out or "]]" in out:
        die(f"{path}: unbalanced markup")
    return out, mentions


def mention(path, surface, spec, start, places):
    typ, _, rest = spec.partition(":")
    m = {"text": surface, "start": start, "end": start + len(surface)}
    if typ == "p":
        key, _, role = rest.partition(":")
        if key not in places:
            die(f"{path}: unknown place key {key!r}")
        m = {"type": "place", **m, **places[key]}
        if role:
            m["role"] = role
    elif typ == "a":
        nominal = rest.endswith(":n")
        ident = rest[:-2] if nominal else rest
        m = {"type": "actor", **m, "actor": ident}
        if nominal:
            m["nominal"] = True
    elif typ == "n":
        ident, _, role = rest.partition(":")
        m = {"type": "person", **m, "person": None if ident == "-" else ident}
        if role:
            m["role"] = role
    elif typ == "t":
        date, _, prec = rest.partition(":")
        m = {"type": "time", **m, "date": date}
        if prec:
            m["precision"] = prec
    else:
        die(f"{path}: bad markup spec {spec!r}")
    return m


DEFAULTS = {
    "actor": None,
    "target": None,
    "person": None,
    "place": None,
    "date": None,
    "quantity": None,
    "fatalities": None,
    "injuries": None,
    "negated": False,
    "hypothetical": False,
}


def expand_place(path, key, places):
    if key is None:
        return None
    if key not in places:
        die(f"{path}: event names unknown place key {key!r}")
    return dict(places[key])


def expand_event(path, ev, places, text):
    out = {"kind": ev["kind"]}
    for k, v in DEFAULTS.items():
        out[k] = ev.get(k, v)
    out["place"] = expand_place(path, out["place"], places)
    if "places" in ev:
        out["places"] = [expand_place(path, k, places) for k in ev["places"]]
    for k in ("participants", "medium", "note"):
        if k in ev:
            out[k] = ev[k]
    if "evidence" not in ev:
        die(f"{path}: event {ev} has no evidence")
    out["evidence"] = ev["evidence"]
    if text is not None and ev["evidence"] not in text:
        die(f"{path}: evidence not in text: {ev['evidence']!r}")
    return out


def build_variants(places):
    path = os.path.join(HERE, "src", "variants.txt")
    items = []
    if not os.path.exists(path):
        return items
    with open(path, encoding="utf-8") as f:
        blocks = [b.strip() for b in f.read().split("\n\n") if b.strip()]
    for block in blocks:
        lines = [l for l in block.splitlines() if not l.startswith("#")]
        if not lines:
            continue
        published, _, text = lines[0].partition(" ")
        evs = [expand_event(path, json.loads(l), places, text) for l in lines[1:]]
        vid = f"v{len(items) + 1:03d}"
        items.append({"id": vid, "published": published, "text": text, "events": evs})
    return items


def main():
    gaz = gazetteer_rows()
    places = load_places(gaz)
    src_dir = os.path.join(HERE, "src")
    gold = []
    for name in sorted(os.listdir(src_dir)):
        if not re.match(r"\d{3}-.*\.txt$", name):
            continue
        meta, text, mentions, evs = parse_source(os.path.join(src_dir, name), places)
        rid = name[:-4]
        if meta.get("id") != rid:
            die(f"{name}: header id {meta.get('id')!r} differs from file name")
        with open(os.path.join(HERE, "reports", name), "w", encoding="utf-8") as f:
            f.write(text)
        gold.append(
            {
                "id": rid,
                "file": f"reports/{name}",
                "published": meta["published"],
                "source": meta.get("source", ""),
                "style": meta["style"],
                "country": meta["country"],
                "mentions": mentions,
                "events": evs,
            }
        )
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    variants = build_variants(places)
    with open(os.path.join(HERE, "variants.jsonl"), "w", encoding="utf-8") as f:
        for v in variants:
            f.write(json.dumps(v, ensure_ascii=False) + "\n")
    print(f"wrote {len(gold)} reports, {len(variants)} variants")


if __name__ == "__main__":
    main()
