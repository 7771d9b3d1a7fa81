"""The peer of `maatstaf fetch` in the CBS benchmark: CBS's own Python client, cbsodata, downloading the same table
from the same local server. Usage: fetch_cbsodata.py PORT TABLE"""
import sys

import cbsodata

cbsodata.options.catalog_url = f"127.0.0.1:{sys.argv[1]}"
cbsodata.options.use_https = False
data = cbsodata.get_data(sys.argv[2], typed=True)
print(f"{len(data)} rows")
