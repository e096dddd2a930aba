#!/usr/bin/env python3
"""Check the written corpus: gold.jsonl, variants.jsonl and reports/*.txt.

Checks that every JSON line parses; every mention's text sits at its offsets in
its report; place ids exist in the shared gazetteer TSVs with the same country
and ISO 3166-2 code; event kinds, qualifiers, dates and actor ids are well
formed; every evidence quote occurs in its text; and flags surface forms that
are annotated somewhere in a report but left unannotated elsewhere in it.
Prints corpus statistics. Exit status 1 on any error.

It does NOT check that the labels are true to the world; that is the
annotator's job (see README.md for the sources).
"""
import csv
import json
import os
import re
import sys
from collections import Counter

# SITREP_CORPUS points the tool at another corpus of the same layout
# (tests/heldout); the default is the corpus this tool lives in.
HERE = os.environ.get("SITREP_CORPUS") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("SITREP_SHARED_DATA", "/work/shared/data")

KINDS = {
    "territory_taken", "territory_regained", "territory_transferred", "armed_clash",
    "air_strike", "explosion", "attack_on_civilians", "abduction", "arrest", "protest",
    "deployment", "withdrawal", "evacuation", "statement", "meeting", "negotiation",
    "agreement", "ceasefire", "control_claim",
}
QUALIFIERS = {"exact", "at_least", "about", "more_than", "at_most"}
PLACE_KINDS = {"country", "admin1", "admin2", "city", "other"}
PRECISIONS = {"day", "days", "week", "month", "year", "years"}
ACTORS = set(
    """taliban af.government af.forces iskp al_qaeda haqqani_network nrf us.government
    us.forces gb.government gb.forces qa.government pk.government pk.forces cn.government
    in.government ru.government ru.forces ua.government ua.forces sy.government sy.forces
    hts sdf islamic_state tr.forces il.forces hamas hezbollah houthis ye.government
    sa.forces sd.forces rsf ml.forces bf.forces jnim is_sahel wagner mm.forces mm.pdf
    arakan_army mndaa et.forces tplf tdf unama fano un nato icrc bbc sky_news reuters ap afp
    al_jazeera tolonews pajhwok""".split()
)
# Ids this corpus needs that the brief's list did not name (reported, not errors).
EXTENSIONS = {"eu", "g7", "tj.forces", "et.government"}
# A corpus may name more ids in an `actors.txt` beside its gold (one per line):
# the held-out corpus labels sides the shipped dictionaries do not know (M23,
# al-Shabaab), because a good coder must still find their events.
_extra = os.path.join(HERE, "actors.txt")
if os.path.exists(_extra):
    with open(_extra, encoding="utf-8") as f:
        EXTENSIONS |= {l.split("#")[0].strip() for l in f} - {""}
GENERIC = re.compile(
    r"^generic:(rebels|government_forces|militants|gunmen|civilians|protesters|police|separatists|unknown):[A-Z]{2}$"
)
DAY = r"\d{4}-\d{2}-\d{2}"
DATE = re.compile(rf"^(?:{DAY}|{DAY}\.\.{DAY}|<={DAY}|>={DAY})$")
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")

errors = []
warnings = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def gazetteer():
    """geonameid -> (country, iso_3166_2 or '') from every shared TSV with ids."""
    out = {}

    def add(gid, country, code):
        if gid:
            out.setdefault(int(gid), (country, code))

    def rows(rel):
        with open(os.path.join(DATA, rel), encoding="utf-8") as f:
            yield from csv.DictReader(f, delimiter="\t")

    for rel in ("world/cities15000.tsv", "afghanistan/afg_places_geonames.tsv"):
        for r in rows(rel):
            add(r["geonameid"], r["country_iso2"], r["admin1_iso_3166_2"])
    for r in rows("afghanistan/afg_provinces.tsv"):
        add(r["geonameid"], "AF", r["iso_3166_2"])
    for r in rows("afghanistan/afg_districts.tsv"):
        add(r["geonames_id"], "AF", r["province_iso_3166_2"])
    for r in rows("world/countries.tsv"):
        add(r["geonameid"], r["iso2"], "")
    for r in rows("world/admin1.tsv"):
        add(r["geonameid"], r["country_iso2"], r["iso_3166_2"])
    return out


def check_date(where, d, allow_null=True):
    if d is None:
        if not allow_null:
            err(where, "date missing")
        return
    if not isinstance(d, str) or not DATE.match(d):
        err(where, f"bad date {d!r}")
        return
    days = re.findall(DAY, d)
    if len(days) == 2 and days[0] > days[1]:
        err(where, f"date range reversed {d!r}")


def check_actor(where, a, used):
    if a is None:
        return
    used[a] += 1
    if a in ACTORS or GENERIC.match(a):
        return
    if a in EXTENSIONS:
        return
    err(where, f"unknown actor id {a!r}")


def check_place(where, p, gaz):
    for k in ("name", "geonameid", "kind", "country"):
        if k not in p:
            err(where, f"place lacks {k}")
            return
    if p["kind"] not in PLACE_KINDS:
        err(where, f"bad place kind {p['kind']!r}")
    gid = p["geonameid"]
    if gid is None:
        if p.get("lat") is None or p.get("lon") is None:
            err(where, f"place {p['name']} has neither geonameid nor coordinates")
        return
    if gid not in gaz:
        err(where, f"geonameid {gid} ({p['name']}) not in shared TSVs")
        return
    country, code = gaz[gid]
    if country != p["country"]:
        err(where, f"{p['name']}: country {p['country']} but gazetteer says {country}")
    if p["kind"] != "country" and code and p.get("admin1_code") != code:
        err(where, f"{p['name']}: admin1 {p.get('admin1_code')} but gazetteer says {code}")


def check_quantity(where, q, field):
    if q is None:
        return
    if not isinstance(q.get("value"), (int, float)):
        err(where, f"{field} value not a number")
    if q.get("qualifier", "exact") not in QUALIFIERS:
        err(where, f"{field} bad qualifier {q.get('qualifier')!r}")
    if field == "quantity" and not q.get("unit"):
        err(where, "quantity without unit")


def check_event(where, ev, text, gaz, used, kinds):
    if ev.get("kind") not in KINDS:
        err(where, f"bad kind {ev.get('kind')!r}")
    kinds[ev.get("kind")] += 1
    check_actor(where, ev.get("actor"), used)
    check_actor(where, ev.get("target"), used)
    for a in ev.get("participants", []):
        check_actor(where, a, used)
    if ev.get("person") is not None and not SNAKE.match(ev["person"]):
        err(where, f"bad person id {ev['person']!r}")
    if ev.get("place") is not None:
        check_place(where, ev["place"], gaz)
    for p in ev.get("places", []):
        check_place(where, p, gaz)
    check_date(where, ev.get("date"))
    for f in ("quantity", "fatalities", "injuries"):
        check_quantity(where, ev.get(f), f)
    for f in ("negated", "hypothetical"):
        if not isinstance(ev.get(f), bool):
            err(where, f"{f} must be true/false")
    if not ev.get("evidence") or ev["evidence"] not in text:
        err(where, f"evidence not found in text: {ev.get('evidence')!r}")
    if ev.get("date") is None and not (ev.get("hypothetical") or ev.get("negated")):
        warnings.append(f"{where}: factual event without a date")


def unannotated_repeats(rid, text, mentions):
    """Surface forms annotated once but also present, unannotated, elsewhere."""
    covered = [(m["start"], m["end"]) for m in mentions]
    for surface in {m["text"] for m in mentions if m["type"] in ("place", "actor", "person")}:
        if len(surface) < 4 or surface.lower() in {"army", "forces", "people", "residents"}:
            continue
        for hit in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(s <= hit.start() and hit.end() <= e for s, e in covered):
                line = text.count("\n", 0, hit.start()) + 1
                err(rid, f"{surface!r} at line {line} is not annotated")


def main():
    gaz = gazetteer()
    used, kinds, mtypes = Counter(), Counter(), Counter()
    provinces, countries, styles = set(), Counter(), Counter()
    words = []
    ids = set()
    path = os.path.join(HERE, "gold.jsonl")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for n, line in enumerate(lines, start=1):
        try:
            g = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"gold.jsonl:{n}", str(e))
            continue
        rid = g.get("id", f"line {n}")
        if rid in ids:
            err(rid, "duplicate id")
        ids.add(rid)
        for k in ("file", "published", "style", "country", "mentions", "events"):
            if k not in g:
                err(rid, f"missing {k}")
        check_date(rid, g.get("published"), allow_null=False)
        try:
            with open(os.path.join(HERE, g["file"]), encoding="utf-8") as rf:
                text = rf.read()
        except OSError as e:
            err(rid, f"cannot read report: {e}")
            continue
        words.append(len(text.split()))
        styles[g["style"]] += 1
        countries[g["country"]] += 1
        last = -1
        for m in g["mentions"]:
            where = f"{rid} mention {m.get('text')!r}@{m.get('start')}"
            mtypes[m["type"]] += 1
            if text[m["start"] : m["end"]] != m["text"]:
                err(where, "text not at its offsets")
            if m["start"] < last:
                err(where, "mentions out of order")
            last = m["start"]
            if m["type"] == "place":
                check_place(where, m, gaz)
                if m["country"] == "AF" and m.get("admin1_code"):
                    provinces.add(m["admin1_code"])
                countries[m["country"]] += 0
            elif m["type"] == "actor":
                check_actor(where, m["actor"], used)
            elif m["type"] == "person":
                if m["person"] is not None and not SNAKE.match(m["person"]):
                    err(where, f"bad person id {m['person']!r}")
            elif m["type"] == "time":
                check_date(where, m["date"], allow_null=False)
                if m.get("precision") and m["precision"] not in PRECISIONS:
                    err(where, f"bad precision {m['precision']!r}")
            else:
                err(where, f"bad mention type {m['type']!r}")
        unannotated_repeats(rid, text, g["mentions"])
        for i, ev in enumerate(g["events"]):
            check_event(f"{rid} event {i + 1}", ev, text, gaz, used, kinds)
        if g["country"] == "AF":
            provinces.update(
                ev["place"]["admin1_code"]
                for ev in g["events"]
                if ev.get("place") and (ev["place"].get("admin1_code") or "").startswith("AF-")
            )
    reports_on_disk = {f for f in os.listdir(os.path.join(HERE, "reports")) if f.endswith(".txt")}
    listed = {f"{i}.txt" for i in ids}
    for extra in sorted(reports_on_disk - listed):
        err("reports/", f"{extra} has no gold entry")

    vkinds, vused = Counter(), Counter()
    nvar = nvar_none = 0
    with open(os.path.join(HERE, "variants.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            try:
                v = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"variants.jsonl:{n}", str(e))
                continue
            nvar += 1
            nvar_none += not v["events"]
            check_date(v["id"], v.get("published"), allow_null=False)
            for i, ev in enumerate(v["events"]):
                check_event(f"{v['id']} event {i + 1}", ev, v["text"], gaz, vused, vkinds)

    print(f"reports: {len(ids)} ({sum(words)} words, {min(words)}-{max(words)} per report)")
    print(f"styles: {dict(sorted(styles.items()))}")
    print(f"report countries: {dict(sorted((k, v) for k, v in countries.items() if v))}")
    print(f"Afghan provinces named: {len(provinces)}: {' '.join(sorted(provinces))}")
    print(f"mentions: {dict(sorted(mtypes.items()))}")
    print(f"events: {sum(kinds.values())} {dict(sorted(kinds.items()))}")
    print(f"variants: {nvar} ({nvar_none} with no event), events {dict(sorted(vkinds.items()))}")
    ext = sorted(a for a in (used + vused) if a in EXTENSIONS)
    if ext:
        print(f"actor ids beyond the brief's list: {ext}")
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"ERROR: {e}")
    if errors:
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
