"""The peer of `maatstaf fetch` in the CBS benchmark: CBS's own Python client, cbsodata, downloading the same table
from the same local server. Prints the rows' checksum (see checksum.py) as its last line.
Usage: fetch_cbsodata.py PORT TABLE"""
import sys

import cbsodata

from checksum import checksum

cbsodata.options.catalog_url = f"127.0.0.1:{sys.argv[1]}"
cbsodata.options.use_https = False
data = cbsodata.get_data(sys.argv[2], typed=True)
print(checksum((row["RegioS"].strip(), row["Perioden"].strip(), row["Aantal_1"], row["Bedrag_2"]) for row in data))
