#!/usr/bin/env python3
"""Signs in as an admin the way a person does (password, then setting up the authenticator with a code computed
from the key the page shows) and prints the session's Cookie header, for curl to download the full export.

usage: admin_session.py BASE_URL EMAIL PASSWORD
"""
import base64
import hashlib
import hmac
import re
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, email, password = sys.argv[1:4]
cookies = {}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def request(path, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    req = urllib.request.Request(base + path, data=data)
    if cookies:
        req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        response = opener.open(req)
    except urllib.error.HTTPError as e:  # a redirect arrives as an "error" without the handler
        response = e
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        value = rest.split(";", 1)[0]
        if value:
            cookies[name] = value
        else:
            cookies.pop(name, None)
    return response.status, response.read().decode("utf-8", "replace")


def token(page):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)


def totp(key):
    secret = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    digest = hmac.new(secret, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


_, page = request("/account/login")
status, _ = request("/account/login", {"Input.Email": email, "Input.Password": password, "__RequestVerificationToken": token(page)})
assert status == 302, f"sign-in answered {status}"
_, page = request("/account/twofactor")
key = re.search(r'data-key="([A-Z2-7a-z]+)"', page).group(1)
status, _ = request("/account/twofactor", {"Input.Code": totp(key), "__RequestVerificationToken": token(page)})
assert status in (200, 302), f"two-factor set-up answered {status}"
print("; ".join(f"{k}={v}" for k, v in cookies.items()))
