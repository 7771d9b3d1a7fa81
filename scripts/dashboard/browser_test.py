"""End-to-end test of `maatstaf serve` in headless Chromium, driven over WebDriver (selenium + chromedriver).

Opens the dashboard, types Westervoort into the type-ahead and chooses an indicator as a user would, checks that the
value shown is the one `maatstaf compare --format json` gives for the same choice, clicks Groningen on the map,
downloads the CSV and checks it against `maatstaf compare --format csv`. Run by scripts/check-dashboard.

Usage: browser_test.py MAATSTAF CACHE_DIR [SCREENSHOT.png]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

maatstaf, cache = sys.argv[1], sys.argv[2]
screenshot = sys.argv[3] if len(sys.argv) > 3 else None
INDICATOR = "wmo.huishoudelijke-hulp"
GROUPS = "national,province,size-class"


def fail(message):
    print(f"check-dashboard: {message}", file=sys.stderr)
    sys.exit(1)


def cli(*arguments):
    result = subprocess.run([maatstaf, *arguments, "--cache-dir", cache], capture_output=True, text=True,
                            env={**os.environ, "LANG": "en_US.UTF-8"})
    if result.returncode not in (0, 66):
        fail(f"maatstaf {' '.join(arguments)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


server = subprocess.Popen([maatstaf, "serve", "--port", "0", "--locale", "en", "--cache-dir", cache],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
downloads = tempfile.mkdtemp()
driver = None
try:
    line = server.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
    if not match:
        fail(f"maatstaf serve printed no address: {line!r} {server.stderr.read() if server.poll() is not None else ''}")
    address = match.group(1)

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(driver, 60)

    # A first visit: the form and a map to click, nothing chosen yet.
    driver.get(address)
    wait.until(conditions.presence_of_element_located((By.ID, "add")))
    if "lang=en" not in driver.current_url:
        fail(f"the first page did not move to a shareable address: {driver.current_url}")

    # Type a municipality as a user would, and press Enter.
    field = driver.find_element(By.ID, "add")
    field.send_keys("westervoort")
    field.send_keys(Keys.ENTER)
    wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, 'tr[data-code="GM0293"]')))

    # Choose the indicator: the page shows the new view at once (a script submits the form on change).
    Select(driver.find_element(By.ID, "indicator")).select_by_value(INDICATOR)
    wait.until(lambda d: f"i={INDICATOR}" in d.current_url)
    wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, 'tr[data-code="GM0293"] td.value')))
    cell = driver.find_element(By.CSS_SELECTOR, 'tr[data-code="GM0293"] td.value')
    shown = float(cell.get_attribute("data-value"))

    expected = json.loads(cli("compare", "--indicator", INDICATOR, "--against", GROUPS, "--format", "json",
                              "--locale", "en", "Westervoort"))
    value = expected["municipalities"][0]["value"]
    if value is None or abs(shown - value) > 1e-9:
        fail(f"Westervoort shows {shown}, maatstaf compare says {value}")
    if cell.text.strip() != f"€{value:,.2f}":
        fail(f"Westervoort reads {cell.text!r}, expected €{value:,.2f}")

    # Click Groningen on the map: it joins the view.
    groningen = driver.find_element(By.CSS_SELECTOR, 'svg.map a[data-code="GM0014"] path')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", groningen)
    groningen.click()
    wait.until(conditions.presence_of_element_located((By.CSS_SELECTOR, 'tr[data-code="GM0014"]')))
    if "m=GM0293&m=GM0014" not in driver.current_url:
        fail(f"the address does not hold the view: {driver.current_url}")

    if screenshot:
        driver.save_screenshot(screenshot)

    # Download the CSV and compare it with the command's.
    driver.find_element(By.ID, "download-csv").click()
    deadline = time.time() + 60
    files = []
    while time.time() < deadline:
        files = [f for f in os.listdir(downloads) if f.endswith(".csv")]
        if files:
            break
        time.sleep(0.2)
    if not files:
        fail("the CSV download did not arrive")
    with open(os.path.join(downloads, files[0]), encoding="utf-8") as handle:
        downloaded = handle.read()
    year = expected["year"]
    wanted = cli("compare", "--indicator", INDICATOR, "--year", str(year), "--against", GROUPS, "--format", "csv",
                 "--locale", "en", "Westervoort", "Groningen")
    if downloaded != wanted:
        fail(f"the downloaded CSV differs from maatstaf compare --format csv:\n{downloaded[:400]}\n---\n{wanted[:400]}")
    print(f"check-dashboard: Westervoort €{value:,.2f} as maatstaf compare says; Groningen added from the map; "
          f"the CSV download equals maatstaf compare --format csv")
finally:
    if driver:
        driver.quit()
    server.terminate()
    server.wait(timeout=30)
