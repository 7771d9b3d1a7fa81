"""The pandas peer of maatstaf-bench-compare: the same computation on the same raw files.

Every Iv3 indicator (named ones from the built-in YAML, and lasten/baten/netto for every taakveld of every year) for
every municipality against the national, province, COROP, labour-market-region, size-class and urbanity groups and
each user region for its members: group rate (sum/sum), mean, median, quartiles (linear, as Excel QUARTILE.INC),
difference and gap; rank (1 = highest, ties share the best rank), percentile (ties counted half) and z-score.
Prints the same checksum as the Swift benchmark. Usage: compare_pandas.py SNAPSHOT_DIR REGIONS_DIR BUILTIN_YAML
"""
import glob
import os
import sys

import pandas as pd
import yaml

snapshot, regions_dir, builtin_path = sys.argv[1:4]

mapping = pd.read_csv(os.path.join(snapshot, "regions/municipalities.csv"), dtype=str)
mapping = mapping[["name", "code", "corop_code", "region_code"]].drop_duplicates("name")

documents = {}
for path in sorted(glob.glob(os.path.join(snapshot, "iv3/*.csv"))):
    year = int(os.path.basename(path)[:4])
    kind = "jaarrekening" if "jaarrekening" in path else "begroting"
    frame = pd.read_csv(path, sep=";", dtype={"Gemeenten": str})
    frame = frame[frame["Gemeenten"] != "Nederland"].copy()
    frame["taakveld"] = frame["Taakveld"].str.split(" ", n=1).str[0]
    frame = frame.merge(mapping, left_on="Gemeenten", right_on="name", how="left")
    if year not in documents or kind == "jaarrekening":
        documents[year] = frame

with open(builtin_path) as handle:
    named = [i for i in yaml.safe_load(handle)["indicators"] if i["numerator"]["source"] == "iv3"]

regions = []
for path in sorted(glob.glob(os.path.join(regions_dir, "*.yaml"))):
    with open(path) as handle:
        region = yaml.safe_load(handle)
    regions.append(region)

GROUPS = ["national", "Provincie", "corop_code", "region_code", "Gemeentegrootte", "Stedelijkheid"]


def layout(indicator, year):
    keys = [int(k) for k in indicator["numerator"]["taakvelden"] if int(k) <= year]
    return indicator["numerator"]["taakvelden"][str(max(keys))] if keys else None


def evaluate(frame, taakvelden, measure):
    rows = frame[frame["taakveld"].isin(taakvelden)]
    amounts = rows["Lasten"] if measure == "lasten" else rows["Baten"] if measure == "baten" else rows["Lasten"] - rows["Baten"]
    per = (amounts * 1000).groupby(rows["Gemeenten"]).sum().rename("num")
    info = frame.drop_duplicates("Gemeenten").set_index("Gemeenten")[["Inwonertal", "Provincie", "corop_code",
                                                                       "region_code", "Gemeentegrootte", "Stedelijkheid", "name"]]
    data = info.join(per, how="left")
    data["den"] = data["Inwonertal"].astype(float)
    data["value"] = data["num"] / data["den"]
    data["national"] = "NL"
    return data


def group_checksum(data, members_mask, key):
    subset = data[members_mask]
    grouped = subset.groupby(key)
    stats = pd.DataFrame({
        "rate": grouped["num"].sum() / grouped["den"].sum(),
        "mean": grouped["value"].mean(),
        "median": grouped["value"].median(),
        "q1": grouped["value"].quantile(0.25),
        "q3": grouped["value"].quantile(0.75),
    })
    joined = subset[[key, "value", "den"]].join(stats, on=key)
    gap = (joined["value"] - joined["rate"]) * joined["den"]
    total = (joined["rate"] + joined["mean"] + joined["median"] + joined["q1"] + joined["q3"] + gap).sum()
    return total, len(joined)


checksum = 0.0
references = 0
indicator_years = 0
for year, frame in sorted(documents.items()):
    jobs = [(i, layout(i, year), i["numerator"].get("measure", "lasten")) for i in named]
    codes = list(dict.fromkeys(frame["taakveld"]))
    jobs += [(None, [code], measure) for code in codes for measure in ("lasten", "baten", "netto")]
    for indicator, taakvelden, measure in jobs:
        if taakvelden is None:
            continue
        data = evaluate(frame, taakvelden, measure)
        values = data["value"]
        rank = values.rank(ascending=False, method="min")
        lower = values.rank(ascending=True, method="min") - 1
        equal = values.map(values.value_counts())
        percentile = (lower + equal / 2) / len(values) * 100
        z = (values - values.mean()) / values.std(ddof=1)
        checksum += (values + rank + percentile + z).sum()
        everyone = pd.Series(True, index=data.index)
        for key in GROUPS:
            total, count = group_checksum(data, everyone, key)
            checksum += total
            references += count
        for region in regions:
            member_names = set(region["members"])
            mask = data["name"].isin(member_names) | data.index.isin(member_names)
            data["region"] = region["id"]
            total, count = group_checksum(data, mask, "region")
            checksum += total
            references += count
        indicator_years += 1

print(f"indicator-years {indicator_years}, references {references}, checksum {checksum:.4f}")
