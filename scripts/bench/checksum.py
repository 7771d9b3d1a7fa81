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
    """Reads the rows of `maatstaf export` (CBS's TypedDataSet layout: one row per region and period)."""
    with open(path, newline="") as handle:
        for line in csv.DictReader(handle):
            yield (line["RegioS"], line["Perioden"],
                   float(line["Aantal_1"]) if line["Aantal_1"] else None,
                   float(line["Bedrag_2"]) if line["Bedrag_2"] else None)


if __name__ == "__main__":
    print(checksum(from_export(sys.argv[1])))
