"""A local CBS OData v3 feed for the fetch benchmark, serving one SYNTHETIC table (labelled as such: the numbers are
generated, not statistics) in the exact shape of CBS's ODataFeed: service document, TableInfos with RecordCount,
DataProperties, code lists, and TypedDataSet in pages of 10,000 rows, reachable both by odata.nextLink (as cbsodata
walks it) and by $skip/$top (as maatstaf fetches pages in parallel). Every response waits LATENCY seconds first, to
stand in for the network between a municipality and CBS. MODE "prebuilt" (the default) makes every page before it says
ready; "per-request" makes each page when it is asked for (JSON encoded then), as a server that builds its answers
does: slower per page, and in Python one page at a time (the GIL), like a busy CBS.
Usage: cbs_server.py PORT ROWS LATENCY_SECONDS [MODE]   (prints "ready" when listening)
"""
import json
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

port, rows, latency = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
mode = sys.argv[4] if len(sys.argv) > 4 else "prebuilt"
if mode not in ("prebuilt", "per-request"):
    sys.exit(f"cbs_server.py: MODE is prebuilt or per-request, not {mode}")
TABLE = "SYNTH01"
PAGE = 10_000
# At least 400 regions, more for very large tables so that periods stay four-digit years (cbsodata reads them as such).
regions = [f"GM{n:04d}" for n in range(1, max(400, -(-rows // 8000)) + 1)]
periods = [f"{year}JJ00" for year in range(1900, 1900 + (rows + len(regions) - 1) // len(regions))]


def envelope(value, next_link=None):
    body = {"odata.metadata": f"http://127.0.0.1:{port}/ODataFeed/OData/{TABLE}/$metadata", "value": value}
    if next_link:
        body["odata.nextLink"] = next_link
    return json.dumps(body).encode()


def row(index):
    return {"ID": index, "RegioS": regions[index % len(regions)].ljust(10), "Perioden": periods[index // len(regions)],
            "Aantal_1": index % 997, "Bedrag_2": (index % 9973) / 10}


base = f"http://127.0.0.1:{port}/ODataFeed/odata/{TABLE}"
static = {
    "": envelope([{"name": n, "url": f"{base}/{n}"} for n in
                  ("TableInfos", "UntypedDataSet", "TypedDataSet", "DataProperties", "CategoryGroups", "RegioS", "Perioden")]),
    "TableInfos": envelope([{"ID": 0, "Identifier": TABLE, "Title": "Synthetic benchmark table (not statistics)",
                             "ShortTitle": "Synthetic", "Period": "synthetic", "RecordCount": rows, "Modified": "2026-01-01T00:00:00"}]),
    "DataProperties": envelope([
        {"ID": 0, "Position": 0, "ParentID": None, "Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
        {"ID": 1, "Position": 1, "ParentID": None, "Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"},
        {"ID": 2, "Position": 2, "ParentID": None, "Type": "Topic", "Key": "Aantal_1", "Title": "Aantal", "Unit": "aantal", "Decimals": 0, "Datatype": "Long"},
        {"ID": 3, "Position": 3, "ParentID": None, "Type": "Topic", "Key": "Bedrag_2", "Title": "Bedrag", "Unit": "euro", "Decimals": 1, "Datatype": "Double"},
    ]),
    "CategoryGroups": envelope([]),
    "RegioS": envelope([{"Key": r.ljust(10), "Title": r, "Description": None} for r in regions]),
    "Perioden": envelope([{"Key": p, "Title": p[:4], "Description": None, "Status": "Definitief"} for p in periods]),
}
def page(skip):
    """The page at $skip; past the last row no rows, as CBS answers."""
    if skip >= rows:
        return envelope([])
    nxt = f"{base}/TypedDataSet?$format=json&$skip={skip + PAGE}" if skip + PAGE < rows else None
    return envelope([row(i) for i in range(skip, min(skip + PAGE, rows))], nxt)


pages = {skip: page(skip) for skip in range(0, rows, PAGE)} if mode == "prebuilt" else {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        time.sleep(latency)
        url = urlparse(self.path)
        parts = url.path.rstrip("/").split("/")
        entity = parts[-1] if parts[-1] != TABLE else ""
        query = parse_qs(url.query)
        if entity in ("TypedDataSet", "UntypedDataSet"):
            skip = int(query.get("$skip", ["0"])[0])
            body = pages.get(skip) or page(skip)
        else:
            body = static.get(entity)
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    request_queue_size = 256
    daemon_threads = True

    def server_bind(self):
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().server_bind()


server = Server(("127.0.0.1", port), Handler)
print("ready", flush=True)
server.serve_forever()
