#!/usr/bin/env python3
"""Derives the shipped gazetteer files in this folder from the shared source data.

Run once by hand: python3 prepare.py SHARED_DATA_DIR (default /work/shared/data).
Only the standard library is used. See NOTICE.md for what is kept and why.
"""
import csv
import json
import math
import os
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
OUT = os.path.dirname(os.path.abspath(__file__))


def latin(name):
    """Keeps a name only if it is written in Latin script, has an upper-case
    letter (GeoNames' lower-case romanisations are mostly machine output) and is
    not an all-capital code such as an airport's."""
    if not name or len(name) > 60 or len(name) < 2:
        return False
    for ch in name:
        o = ord(ch)
        if not (o < 0x250 or 0x1E00 <= o < 0x1F00 or ch in "\u2018\u2019\u02bc\u02bb\u02bf\u02be\u2010\u2011\u2013"):
            return False
    letters = [c for c in name if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return False
    if all(c.isupper() for c in letters):
        return False
    return True


def clean_aliases(names, primary):
    seen = {primary}
    out = []
    for n in names:
        n = n.strip()
        if n and n not in seen and latin(n):
            seen.add(n)
            out.append(n)
    return "|".join(out)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def write(path, header, rows):
    with open(os.path.join(OUT, path), "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")


def ring_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        return abs(a), ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def equal_area(ring):
    """The ring in Lambert's cylindrical equal-area projection (x = lon,
    y = sin lat), where a planar centroid is the true area centroid: in plain
    lon/lat, areas near the poles count for too much and pull the centroid of
    a large northern country (Russia, Canada) too far north."""
    return [(x, math.sin(math.radians(y))) for x, y in ring]


def country_points():
    """Area centroid of each country's largest polygon (Natural Earth 50m)."""
    g = json.load(open(os.path.join(SRC, "world/ne_50m_admin_0_countries.geojson")))
    pts = {}
    for f in g["features"]:
        p = f["properties"]
        iso = p["ISO_A2"]
        if iso == "-99":
            iso = {"FRA": "FR", "NOR": "NO", "KOS": "XK"}.get(p["ADM0_A3"], iso)
        geom = f["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        best = max((ring_centroid(equal_area(poly[0])) for poly in polys), key=lambda t: t[0])
        lat = math.degrees(math.asin(max(-1.0, min(1.0, best[2]))))
        pts[iso] = (round(lat, 4), round(best[1], 4))
    return pts


def main():
    cities = read(os.path.join(SRC, "world/cities15000.tsv"))
    city_cols = ["geonameid", "name", "latitude", "longitude", "country_iso2",
                 "geonames_admin1", "admin1_iso_3166_2", "population", "alternatenames"]

    def city_rows(rows):
        for r in rows:
            yield [r["geonameid"], r["name"], r["latitude"], r["longitude"], r["country_iso2"],
                   r["geonames_admin1"], r["admin1_iso_3166_2"], r["population"],
                   clean_aliases(r["alternatenames"].split("|"), r["name"])]

    write("cities15000.tsv", city_cols, city_rows(cities))
    afg_places = read(os.path.join(SRC, "afghanistan/afg_places_geonames.tsv"))
    write("afg_places.tsv", city_cols, city_rows(afg_places))

    # Admin1 points: the middle of the bounding box of its cities, which lands
    # near the middle of the unit; population: the sum of its cities.
    box = {}
    for r in cities + afg_places:
        key = r["country_iso2"] + "." + r["geonames_admin1"]
        lat, lon, pop = float(r["latitude"]), float(r["longitude"]), int(r["population"] or 0)
        b = box.setdefault(key, [lat, lat, lon, lon, 0, set()])
        if r["geonameid"] in b[5]:
            continue
        b[5].add(r["geonameid"])
        b[0], b[1] = min(b[0], lat), max(b[1], lat)
        b[2], b[3] = min(b[2], lon), max(b[3], lon)
        b[4] += pop
    provinces = {r["iso_3166_2"]: r for r in read(os.path.join(SRC, "afghanistan/afg_provinces.tsv"))}
    admin_rows = []
    for r in read(os.path.join(SRC, "world/admin1.tsv")):
        b = box.get(r["geonames_admin1"])
        lat = lon = ""
        pop = 0
        if b:
            lat, lon, pop = round((b[0] + b[1]) / 2, 4), round((b[2] + b[3]) / 2, 4), b[4]
        aliases = r["aliases"].split("|")
        p = provinces.get(r["iso_3166_2"])
        if p:
            lat, lon = p["label_lat"], p["label_lon"]
            aliases = [p["name_en_plain"]] + p["aliases"].split("|") + aliases
        if lat == "":
            continue  # no point known: cannot be placed on a map
        gcode = r["geonames_admin1"].split(".", 1)[1] if "." in r["geonames_admin1"] else ""
        admin_rows.append([r["geonameid"], r["name"], lat, lon, r["country_iso2"], gcode,
                           r["iso_3166_2"], pop, r["type"], clean_aliases(aliases, r["name"])])
    write("admin1.tsv", ["geonameid", "name", "latitude", "longitude", "country_iso2",
                         "geonames_admin1", "admin1_iso_3166_2", "population", "type",
                         "alternatenames"], admin_rows)

    pts = country_points()
    # Territories too small for Natural Earth 50m fall back to their capital.
    capitals = {}
    for r in cities:
        capitals.setdefault((r["country_iso2"], r["name"]), (r["latitude"], r["longitude"]))
    crow = []
    for r in read(os.path.join(SRC, "world/countries.tsv")):
        point = pts.get(r["iso2"]) or capitals.get((r["iso2"], r["capital"]))
        if not point:
            continue
        lat, lon = point
        name = r["common_name"] or r["name"]
        aliases = [r["name"], r["official_name"]] + r["aliases"].split("|")
        crow.append([r["iso2"], r["iso3"], r["geonameid"], name, lat, lon, r["population"],
                     r["capital"], r["continent"], clean_aliases(aliases, name)])
    write("countries.tsv", ["iso2", "iso3", "geonameid", "name", "latitude", "longitude",
                            "population", "capital", "continent", "alternatenames"], crow)

    drows = []
    for r in read(os.path.join(SRC, "afghanistan/afg_districts.tsv")):
        aliases = [r["geonames_name"]] + r["geonames_aliases"].split("|")
        drows.append([r["geonames_id"], r["name"], r["label_lat"], r["label_lon"], "AF",
                      r["province_iso_3166_2"], clean_aliases(aliases, r["name"])])
    for r in read(os.path.join(SRC, "afghanistan/afg_districts_geonames_unmatched.tsv")):
        p = provinces[r["province_iso_3166_2"]]
        # No polygon matched, so the province's label point stands in.
        drows.append([r["geonames_id"], r["name"], p["label_lat"], p["label_lon"], "AF",
                      r["province_iso_3166_2"], clean_aliases(r["aliases"].split("|"), r["name"])])
    write("afg_districts.tsv", ["geonameid", "name", "latitude", "longitude", "country_iso2",
                                "admin1_iso_3166_2", "alternatenames"], drows)


main()
