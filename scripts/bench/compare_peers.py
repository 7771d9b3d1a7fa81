"""The compute benchmark's strong peers: maatstaf-bench-compare's computation, vectorised, in polars, DuckDB or
pandas, on the same raw files. Each engine reads the CSV files itself; the computation is one set of whole-table
operations per engine (no loop over indicators), which is how an analyst would write it in each.

Every Iv3 indicator (named ones from the built-in YAML, and lasten/baten/netto for every taakveld of every year) for
every municipality against the national, province, COROP, labour-market-region, size-class and urbanity groups and
each user region for its members: group rate (sum/sum), mean, median, quartiles (linear, as Excel QUARTILE.INC),
difference and gap; rank (1 = highest, ties share the best rank), percentile (ties counted half) and z-score.
maatstaf's rules are followed: a municipality that delivered nothing, or reports 0 on an indicator that says 0 means
"booked elsewhere", has no value (never 0) and is left out of ranks and group statistics. Prints the same summary
line as the Swift benchmark (the checksum to 4 decimals).

Usage: compare_peers.py polars|duckdb|pandas SNAPSHOT_DIR REGIONS_DIR BUILTIN_YAML
"""
import glob
import os
import sys

import yaml

engine, snapshot, regions_dir, builtin_path = sys.argv[1:5]
GROUPS = ["national", "Provincie", "corop_code", "region_code", "Gemeentegrootte", "Stedelijkheid"]

# The documents: per year the accounts where there are, else the budget (as the Swift benchmark's engine does).
documents = {}
for path in sorted(glob.glob(os.path.join(snapshot, "iv3/*.csv"))):
    year = int(os.path.basename(path)[:4])
    kind = "jaarrekening" if "jaarrekening" in path else "begroting"
    if year not in documents or kind == "jaarrekening":
        documents[year] = path

with open(builtin_path) as handle:
    # Iv3 spending per inhabitant: the fund's ratios (a denominator from the municipal fund) and the overhead
    # variants need the fund's files, which neither side of the benchmark reads.
    named = [
        i for i in yaml.safe_load(handle)["indicators"]
        if i["numerator"]["source"] == "iv3" and i.get("denominator", "population") == "population" and "overhead" not in i
    ]
regions = []
for path in sorted(glob.glob(os.path.join(regions_dir, "*.yaml"))):
    with open(path) as handle:
        regions.append(yaml.safe_load(handle))
region_rows = [(r["id"], m) for r in regions for m in r["members"]]


def layout(indicator, year):
    keys = [int(k) for k in indicator["numerator"]["taakvelden"] if int(k) <= year]
    return indicator["numerator"]["taakvelden"][str(max(keys))] if keys else None


def job_rows(year, codes):
    """(year, job, taakveld, measure, not_booked) for every indicator of a year: the named ones, then each taakveld's
    three. `not_booked`: the indicator says a total of 0 means the money is booked elsewhere (`zero: not-booked`),
    so such a municipality has no value, as in maatstaf."""
    rows, job = [], 0
    for indicator in named:
        taakvelden = layout(indicator, year)
        if taakvelden is None:
            continue
        not_booked = indicator.get("zero") == "not-booked"
        for taakveld in dict.fromkeys(taakvelden):
            rows.append((year, job, taakveld, indicator["numerator"].get("measure", "lasten"), not_booked))
        job += 1
    for code in codes:
        for measure in ("lasten", "baten", "netto"):
            rows.append((year, job, code, measure, False))
            job += 1
    return rows, job


def run_polars():
    import polars as pl

    mapping = (pl.read_csv(os.path.join(snapshot, "regions/municipalities.csv"), infer_schema_length=0)
               .select(["name", "corop_code", "region_code"]).unique("name", keep="first", maintain_order=True))
    amounts, infos, jobs = [], [], []
    count = 0
    for year, path in sorted(documents.items()):
        frame = pl.read_csv(path, separator=";", infer_schema_length=10000,
                            schema_overrides={"Gemeenten": pl.Utf8, "Baten": pl.Float64, "Lasten": pl.Float64})
        frame = frame.filter(pl.col("Gemeenten") != "Nederland").with_columns(
            pl.col("Taakveld").str.split(" ").list.first().alias("taakveld"), pl.lit(year).alias("year"))
        amounts.append(frame.select(["year", "Gemeenten", "taakveld", "Baten", "Lasten"]))
        # A municipality whose every line is 0 or empty delivered nothing: no value on any indicator, never 0.
        delivered = frame.group_by("Gemeenten").agg(
            ((pl.col("Baten").fill_null(0) != 0) | (pl.col("Lasten").fill_null(0) != 0)).any().alias("delivered"))
        info = (frame.unique("Gemeenten", keep="first", maintain_order=True)
                .join(mapping, left_on="Gemeenten", right_on="name", how="left")
                .join(delivered, on="Gemeenten")
                .select(["year", "Gemeenten", pl.col("Inwonertal").cast(pl.Float64).alias("den"), "delivered",
                         "Provincie", "corop_code", "region_code", "Gemeentegrootte", "Stedelijkheid"]))
        infos.append(info)
        rows, n = job_rows(year, list(dict.fromkeys(frame["taakveld"].to_list())))
        jobs += rows
        count += n
    amounts = pl.concat(amounts)
    infos = pl.concat(infos).with_columns(pl.lit("NL").alias("national"))
    jobs = pl.DataFrame(jobs, schema=["year", "job", "taakveld", "measure", "not_booked"], orient="row")
    picked = amounts.join(jobs, on=["year", "taakveld"]).with_columns(
        pl.when(pl.col("measure") == "lasten").then(pl.col("Lasten"))
        .when(pl.col("measure") == "baten").then(pl.col("Baten"))
        .otherwise(pl.col("Lasten") - pl.col("Baten")).alias("amount"))
    num = picked.group_by(["year", "job", "Gemeenten"]).agg((pl.col("amount").sum() * 1000).alias("num"))
    data = (infos.join(jobs.select(["year", "job", "not_booked"]).unique(), on="year")
            .join(num, on=["year", "job", "Gemeenten"], how="left")
            .with_columns(pl.when(pl.col("delivered") & pl.col("num").is_not_null()
                                  & ~(pl.col("not_booked") & (pl.col("num") == 0)))
                          .then(pl.col("num") / pl.col("den")).otherwise(None).alias("value")))
    by_job = ["year", "job"]
    value = pl.col("value")
    ok = value.is_not_null()
    own = data.with_columns(
        value.rank("min", descending=True).over(by_job).alias("rank"),
        (value.rank("min").over(by_job) - 1).alias("lower"),
        value.count().over(by_job + ["value"]).alias("equal"),
        value.count().over(by_job).alias("n"),
        value.std().over(by_job).alias("sd"),
        value.mean().over(by_job).alias("mean"),
    ).with_columns(
        ((pl.col("lower") + pl.col("equal") / 2) / pl.col("n") * 100).alias("percentile"),
        pl.when(pl.col("sd") > 0).then((value - pl.col("mean")) / pl.col("sd")).alias("z"))
    checksum = own.select(sum(pl.col(c).fill_null(0).sum() for c in ["value", "rank", "percentile", "z"])).item()
    references = 0

    def grouped(frame, key):
        keys = by_job + [key]
        stats = frame.filter(ok & pl.col(key).is_not_null()).group_by(keys).agg(
            (pl.col("num").sum() / pl.col("den").sum()).alias("rate"), value.mean().alias("mean"),
            value.median().alias("median"), value.quantile(0.25, "linear").alias("q1"),
            value.quantile(0.75, "linear").alias("q3"))
        joined = frame.join(stats, on=keys, how="left").with_columns(
            ((value - pl.col("rate")) * pl.col("den")).alias("gap"))
        total = joined.select(sum(pl.col(c).fill_null(0).sum() for c in ["rate", "mean", "median", "q1", "q3", "gap"])).item()
        return total, joined.height

    for key in GROUPS:
        total, n = grouped(data, key)
        checksum += total
        references += n
    if region_rows:
        members = pl.DataFrame(region_rows, schema=["region", "member"], orient="row")
        total, n = grouped(data.join(members, left_on="Gemeenten", right_on="member"), "region")
        checksum += total
        references += n
    return count, references, checksum


def run_duckdb():
    import duckdb

    con = duckdb.connect()
    unions = []
    for year, path in sorted(documents.items()):
        unions.append(f"SELECT {year} AS year, * FROM read_csv('{path}', delim=';', header=true, "
                      "types={'Gemeenten': 'VARCHAR', 'Baten': 'DOUBLE', 'Lasten': 'DOUBLE', 'Inwonertal': 'DOUBLE'})")
    con.execute("CREATE TABLE raw AS " + " UNION ALL BY NAME ".join(unions))
    con.execute("DELETE FROM raw WHERE Gemeenten = 'Nederland'")
    con.execute(f"""CREATE TABLE mapping AS SELECT name, first(corop_code) AS corop_code, first(region_code) AS region_code
                    FROM read_csv('{os.path.join(snapshot, "regions/municipalities.csv")}', all_varchar=true) GROUP BY name""")
    jobs, count = [], 0
    for year in sorted(documents):
        codes = [r[0] for r in con.execute(
            "SELECT split_part(Taakveld, ' ', 1) AS t FROM raw WHERE year = ? GROUP BY t ORDER BY min(rowid)", [year]).fetchall()]
        rows, n = job_rows(year, codes)
        jobs += rows
        count += n
    con.execute("CREATE TABLE jobs (year INTEGER, job INTEGER, taakveld VARCHAR, measure VARCHAR, not_booked BOOLEAN)")
    con.executemany("INSERT INTO jobs VALUES (?, ?, ?, ?, ?)", jobs)
    con.execute("CREATE TABLE members (region VARCHAR, member VARCHAR)")
    if region_rows:
        con.executemany("INSERT INTO members VALUES (?, ?)", region_rows)
    con.execute("""
        CREATE TABLE data AS
        WITH info AS (
            SELECT r.year, r.Gemeenten, any_value(r.Inwonertal) AS den, any_value(r.Provincie) AS Provincie,
                   any_value(m.corop_code) AS corop_code, any_value(m.region_code) AS region_code,
                   any_value(r.Gemeentegrootte) AS Gemeentegrootte, any_value(r.Stedelijkheid) AS Stedelijkheid,
                   'NL' AS national,
                   bool_or(coalesce(r.Baten, 0) <> 0 OR coalesce(r.Lasten, 0) <> 0) AS delivered
            FROM raw r LEFT JOIN mapping m ON m.name = r.Gemeenten GROUP BY r.year, r.Gemeenten),
        num AS (
            SELECT r.year, j.job, r.Gemeenten,
                   coalesce(sum(CASE j.measure WHEN 'lasten' THEN r.Lasten WHEN 'baten' THEN r.Baten
                                ELSE r.Lasten - r.Baten END), 0) * 1000 AS num
            FROM raw r JOIN jobs j ON j.year = r.year AND j.taakveld = split_part(r.Taakveld, ' ', 1)
            GROUP BY r.year, j.job, r.Gemeenten)
        SELECT i.*, j.job, n.num,
               CASE WHEN i.delivered AND n.num IS NOT NULL AND NOT (j.not_booked AND n.num = 0)
                    THEN n.num / i.den END AS value
        FROM info i JOIN (SELECT DISTINCT year, job, not_booked FROM jobs) j ON j.year = i.year
        LEFT JOIN num n ON n.year = i.year AND n.job = j.job AND n.Gemeenten = i.Gemeenten""")
    checksum = con.execute("""
        SELECT sum(coalesce(value, 0)) + sum(coalesce(rnk, 0)) + sum(coalesce((lower + equal / 2.0) / n * 100, 0))
               + sum(coalesce(CASE WHEN sd > 0 THEN (value - mean) / sd END, 0)) FROM (
            SELECT value,
                   CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY year, job ORDER BY value DESC NULLS LAST) END AS rnk,
                   CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY year, job ORDER BY value ASC NULLS LAST) - 1 END AS lower,
                   CASE WHEN value IS NOT NULL THEN count(value) OVER (PARTITION BY year, job, value) END AS equal,
                   count(value) OVER (PARTITION BY year, job) AS n,
                   avg(value) OVER (PARTITION BY year, job) AS mean,
                   stddev_samp(value) OVER (PARTITION BY year, job) AS sd
            FROM data)""").fetchone()[0]
    references = 0

    def grouped(source, key):
        return con.execute(f"""
            WITH s AS (SELECT * FROM {source}),
            stats AS (
                SELECT year, job, {key} AS k, sum(num) / sum(den) AS rate, avg(value) AS mean,
                       quantile_cont(value, 0.5) AS median, quantile_cont(value, 0.25) AS q1,
                       quantile_cont(value, 0.75) AS q3
                FROM s WHERE value IS NOT NULL AND {key} IS NOT NULL GROUP BY year, job, {key})
            SELECT sum(coalesce(st.rate, 0)) + sum(coalesce(st.mean, 0)) + sum(coalesce(st.median, 0))
                   + sum(coalesce(st.q1, 0)) + sum(coalesce(st.q3, 0)) + sum(coalesce((s.value - st.rate) * s.den, 0)),
                   count(*)
            FROM s LEFT JOIN stats st ON st.year = s.year AND st.job = s.job AND st.k = s.{key}""").fetchone()

    for key in GROUPS:
        total, n = grouped("data", key)
        checksum += total
        references += n
    if region_rows:
        total, n = grouped("(SELECT d.*, m.region FROM data d JOIN members m ON m.member = d.Gemeenten)", "region")
        checksum += total
        references += n
    return count, references, checksum


def run_pandas():
    import pandas as pd

    mapping = pd.read_csv(os.path.join(snapshot, "regions/municipalities.csv"), dtype=str)
    mapping = mapping[["name", "corop_code", "region_code"]].drop_duplicates("name")
    amounts, infos, jobs, count = [], [], [], 0
    for year, path in sorted(documents.items()):
        frame = pd.read_csv(path, sep=";", dtype={"Gemeenten": str})
        frame = frame[frame["Gemeenten"] != "Nederland"]
        frame = frame.assign(taakveld=frame["Taakveld"].str.split(" ", n=1).str[0], year=year)
        amounts.append(frame[["year", "Gemeenten", "taakveld", "Baten", "Lasten"]])
        booked = (frame["Baten"].fillna(0) != 0) | (frame["Lasten"].fillna(0) != 0)
        delivered = booked.groupby(frame["Gemeenten"]).any().rename("delivered")
        info = (frame.drop_duplicates("Gemeenten").merge(mapping, left_on="Gemeenten", right_on="name", how="left")
                .merge(delivered, left_on="Gemeenten", right_index=True))
        info = info.assign(den=info["Inwonertal"].astype(float))
        infos.append(info[["year", "Gemeenten", "den", "delivered", "Provincie", "corop_code", "region_code",
                           "Gemeentegrootte", "Stedelijkheid"]])
        rows, n = job_rows(year, list(dict.fromkeys(frame["taakveld"])))
        jobs += rows
        count += n
    amounts = pd.concat(amounts)
    infos = pd.concat(infos).assign(national="NL")
    jobs = pd.DataFrame(jobs, columns=["year", "job", "taakveld", "measure", "not_booked"])
    picked = amounts.merge(jobs, on=["year", "taakveld"])
    picked["amount"] = picked["Lasten"].where(picked["measure"] == "lasten",
                                              picked["Baten"].where(picked["measure"] == "baten",
                                                                    picked["Lasten"] - picked["Baten"]))
    num = (picked.groupby(["year", "job", "Gemeenten"])["amount"].sum() * 1000).rename("num").reset_index()
    data = infos.merge(jobs[["year", "job", "not_booked"]].drop_duplicates(), on="year").merge(
        num, on=["year", "job", "Gemeenten"], how="left")
    ok = data["delivered"] & data["num"].notna() & ~(data["not_booked"] & (data["num"] == 0))
    data["value"] = (data["num"] / data["den"]).where(ok)
    by_job = data.groupby(["year", "job"])["value"]
    rank = by_job.rank(ascending=False, method="min")
    lower = by_job.rank(ascending=True, method="min") - 1
    equal = data.groupby(["year", "job", "value"])["value"].transform("count")
    n = by_job.transform("count")
    sd = by_job.transform("std")
    z = ((data["value"] - by_job.transform("mean")) / sd).where(sd > 0)
    checksum = data["value"].sum() + rank.sum() + ((lower + equal / 2) / n * 100).sum() + z.sum()
    references = 0

    def grouped(frame, key):
        keys = ["year", "job", key]
        g = frame[frame["value"].notna()].groupby(keys)
        stats = pd.DataFrame({
            "rate": g["num"].sum() / g["den"].sum(), "mean": g["value"].mean(), "median": g["value"].median(),
            "q1": g["value"].quantile(0.25), "q3": g["value"].quantile(0.75)}).reset_index()
        joined = frame.merge(stats, on=keys, how="left")
        gap = (joined["value"] - joined["rate"]) * joined["den"]
        total = sum(joined[c].sum() for c in ["rate", "mean", "median", "q1", "q3"]) + gap.sum()
        return total, len(joined)

    for key in GROUPS:
        total, count_rows = grouped(data, key)
        checksum += total
        references += count_rows
    if region_rows:
        members = pd.DataFrame(region_rows, columns=["region", "member"])
        total, count_rows = grouped(data.merge(members, left_on="Gemeenten", right_on="member"), "region")
        checksum += total
        references += count_rows
    return count, references, checksum


count, references, checksum = {"polars": run_polars, "duckdb": run_duckdb, "pandas": run_pandas}[engine]()
print(f"indicator-years {count}, references {references}, checksum {checksum:.4f}")
