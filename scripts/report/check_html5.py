"""Parses an HTML file with html5lib in strict mode: any HTML5 parse error (a misplaced or unclosed element, a bad
attribute, a stray character reference) is reported with its position. Used by scripts/render-report.
Usage: check_html5.py FILE.html"""
import sys

import html5lib

parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
try:
    parser.parse(open(sys.argv[1], "rb").read())
except html5lib.html5parser.ParseError as error:
    print(f"{sys.argv[1]}: not valid HTML5: {error} ({parser.errors[:3]})")
    sys.exit(1)
print(f"{sys.argv[1]}: parses as HTML5 without errors (html5lib, strict)")
