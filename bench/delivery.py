#!/usr/bin/env python3
"""The delivery benchmark's steps, as an admin takes them in the console: imports 193 missions from a CSV (preview,
then commit), delivers the letter to all of them, waits until the mail sink has every cover email (the sink writes
each journey-* address's pack link to LINKS_DIR), then opens every pack and downloads its CSV and PDF. Prints one line
of JSON with the times.

usage: delivery.py BASE_URL COOKIE SLUG LINKS_DIR
"""
import html
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, cookie, slug, links = sys.argv[1:5]
cookies = dict(part.split("=", 1) for part in cookie.split("; ") if "=" in part)
LANGUAGES = ["en", "fr", "es", "ru", "zh-Hans", "ar"]
COUNT = 193


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def request(path, form=None):
    data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
    req = urllib.request.Request(base + path, data=data)
    req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        response = opener.open(req, timeout=600)
    except urllib.error.HTTPError as e:
        response = e
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        cookies[name] = rest.split(";", 1)[0]
    return response.status, response.read()


def token(page):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)


run = str(int(time.time()))
rows = ["name,email,country,language"]
codes = sorted(set(re.findall(r'<option value="([A-Z]{2})"', request(f"/letters/{slug}")[1].decode())))[:COUNT]
for i, code in enumerate(codes):
    rows.append(f'"Permanent Mission {code}",journey-pack-{run}-{code.lower()}@bench.example,{code},{LANGUAGES[i % len(LANGUAGES)]}')
csv = "\n".join(rows) + "\n"

started = time.monotonic()
page = request(f"/admin/letters/{slug}/recipients/import")[1].decode()
status, preview = request(f"/admin/letters/{slug}/recipients/import?handler=Preview", {"Text": csv, "__RequestVerificationToken": token(page)})
assert status == 200, f"preview answered {status}"
status, _ = request(f"/admin/letters/{slug}/recipients/import?handler=Commit",
                    {"Text": csv, "FileName": "", "__RequestVerificationToken": token(preview.decode())})
assert status == 302, f"commit answered {status}"
imported = time.monotonic() - started

page = request(f"/admin/letters/{slug}/delivery")[1].decode()
ids = re.findall(r'name="RecipientIds" value="(\d+)" checked', page)
request_id = re.search(r'name="RequestId" value="([^"]+)"', page).group(1)
delivering = time.monotonic()
status, _ = request(f"/admin/letters/{slug}/delivery?handler=Deliver",
                    {"RequestId": request_id, "RecipientIds": ids, "LinkDays": "60", "Note": "",
                     "__RequestVerificationToken": token(page)})
assert status == 302, f"deliver answered {status}"
queued = time.monotonic() - delivering
names = [f"journey-pack-{run}-{code.lower()}" for code in codes]
deadline = time.monotonic() + 600
while not all(os.path.exists(os.path.join(links, n)) for n in names) and time.monotonic() < deadline:
    time.sleep(0.05)
sent = time.monotonic() - delivering
arrived = sum(os.path.exists(os.path.join(links, n)) for n in names)

downloading = time.monotonic()
size, files = 0, 0
for n in names:
    path = os.path.join(links, n)
    if not os.path.exists(path):
        continue
    link = open(path).read().strip()
    status, _ = request(link)
    assert status == 200, f"{link} answered {status}"
    for extension in ("csv", "pdf"):
        status, body = request(f"{link}/signatures.{extension}")
        assert status == 200, f"{link}/signatures.{extension} answered {status}"
        size += len(body)
        files += 1
downloaded = time.monotonic() - downloading
print(json.dumps({"recipients": len(ids), "emails_arrived": arrived, "import_seconds": round(imported, 2),
                  "deliver_post_seconds": round(queued, 2), "all_sent_seconds": round(sent, 2),
                  "packs_downloaded_seconds": round(downloaded, 2), "files": files, "megabytes": round(size / 1048576, 1)}))
