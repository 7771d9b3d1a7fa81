#!/usr/bin/env python3
"""Rebuilds Tests/MaatstafCLITests/Fixtures/85984NED from the real 85984NED files of the shared raw data.

The raw files are what the Python client cbsodata returned (lists, no OData wrapper) and a per-region extract of the
data set. This script wraps them back into CBS OData v3 responses: TableInfos and DataProperties unchanged inside
{"value": [...]}, and a TypedDataSet with one row per municipality (GM) plus the districts (WK) of Westervoort, with
the region key padded to 10 characters as CBS does and only the topics the extract kept (all others null). Every
number is CBS's own (Kerncijfers wijken en buurten 2024, Bron: CBS, CC BY 4.0); nothing is invented.
Usage: scripts/make-kwb-fixture.py RAW_DIR   (RAW_DIR = .../kwb-2024-85984NED-metadata-en-gemeenten_wikipedia-generator)
"""
import json
import os
import sys

raw = sys.argv[1]
out = os.path.join(os.path.dirname(__file__), "..", "Tests", "MaatstafCLITests", "Fixtures", "85984NED")
os.makedirs(out, exist_ok=True)
for name in ("TableInfos", "DataProperties"):
    with open(os.path.join(raw, f"85984NED_{name}.json")) as handle:
        value = json.load(handle)
    with open(os.path.join(out, f"{name}.json"), "w") as handle:
        json.dump({"value": value}, handle, ensure_ascii=False, separators=(",", ":"))
with open(os.path.join(raw, "85984NED_stripped_filtered_GM_WK_2024.json")) as handle:
    regions = json.load(handle)
rows = []
for code in sorted(regions):
    if code.startswith("GM") or code.startswith("WK0293"):
        row = {"ID": len(rows), "WijkenEnBuurten": code.ljust(10)}
        row.update(regions[code])
        rows.append(row)
with open(os.path.join(out, "TypedDataSet.json"), "w") as handle:
    json.dump({"value": rows}, handle, ensure_ascii=False, separators=(",", ":"))
print(f"{len(rows)} rows written to {out}")
