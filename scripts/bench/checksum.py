"""One checksum over the synthetic benchmark table, computed the same way from cbsodata's rows and from
`maatstaf export`, so the benchmark can check that both clients got the same rows."""
import csv
import sys


def checksum(rows):
    """rows: (region, period, Aantal_1, Bedrag_2) tuples; values None when missing."""
    count, regions, aantal, bedrag = 0, set(), 0.0, 0.0
    for region, period, a, b in rows:
        count += 1
        regions.add((region, period))
        aantal += a or 0
        bedrag += b or 0
    return f"{count} rows, {len(regions)} distinct region-periods, sum Aantal_1 {aantal:.1f}, sum Bedrag_2 {bedrag:.1f}"


def from_export(path):
    """Rebuilds the rows from `maatstaf export` (one line per cell)."""
    cells = {}
    with open(path, newline="") as handle:
        for line in csv.DictReader(handle):
            key = (line["region"], line["period"])
            cells.setdefault(key, {})[line["topic"]] = float(line["value"]) if line["status"] == "ok" else None
    return ((region, period, v.get("Aantal_1"), v.get("Bedrag_2")) for (region, period), v in cells.items())


if __name__ == "__main__":
    print(checksum(from_export(sys.argv[1])))
