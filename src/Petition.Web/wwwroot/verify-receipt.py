#!/usr/bin/env python3
"""Checks a Petition inclusion receipt without trusting the site that issued it.

    python3 verify-receipt.py receipt.json [petition-signing-key.pem]

1. The entry (your line of the list, with its salt) is hashed into a leaf, and the leaf is walked up its path to
   the root (RFC 9162, section 2.1.3.2): the root must be the one in the receipt.
2. The seal's statement, as the site signed it, must name the same root, list and size.
3. With the site's public key (download it from the site's /.well-known/petition-signing-key.pem and keep it), the
   statement's signature is checked with OpenSSL.

Only the Python standard library and the openssl command are used. Exit status 0 means every check passed.
"""
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_path(leaf: bytes, index: int, size: int, path: list) -> bytes | None:
    if index < 0 or index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def check(receipt: dict, key_file: str | None) -> list:
    problems = []
    if receipt.get("type") != "petition-inclusion-receipt/1":
        return ["this is not a Petition inclusion receipt"]
    path = [bytes.fromhex(p) for p in receipt["path"]]
    root = root_from_path(leaf_hash(receipt["entry"].encode("utf-8")), receipt["index"], receipt["size"], path)
    if root is None or root.hex() != receipt["root"]:
        problems.append("the entry and its path do not lead to the sealed root")
    statement_bytes = base64.b64decode(receipt["statement"])
    statement = json.loads(statement_bytes)
    entry = json.loads(receipt["entry"])
    # Only a seal statement: the same key signs export manifests, which must never pass for one.
    if (statement.get("type") != "petition-list-seal/1" or statement.get("root") != receipt["root"] or statement.get("size") != receipt["size"]
            or statement.get("seal") != receipt["seal"] or statement["letter"]["slug"] != entry.get("letter")):
        problems.append("the signed statement is not of this receipt's seal")
    if key_file:
        with tempfile.TemporaryDirectory() as work:
            statement_file, signature_file = os.path.join(work, "statement.json"), os.path.join(work, "statement.sig")
            with open(statement_file, "wb") as f:
                f.write(statement_bytes)
            with open(signature_file, "wb") as f:
                f.write(base64.b64decode(receipt["signature"]))
            result = subprocess.run(["openssl", "dgst", "-sha256", "-verify", key_file, "-signature", signature_file,
                                     statement_file], capture_output=True, text=True)
            if result.returncode != 0:
                problems.append("the statement's signature does not match the key")
    return problems


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        receipt = json.load(f)
    key_file = sys.argv[2] if len(sys.argv) == 3 else None
    problems = check(receipt, key_file)
    for problem in problems:
        print("FAILED:", problem)
    if problems:
        return 1
    statement = json.loads(base64.b64decode(receipt["statement"]))
    print(f"OK: this entry is entry {receipt['index'] + 1} of {receipt['size']} in seal {receipt['seal']} of "
          f"\"{statement['letter']['title']}\", sealed {statement['sealedAt']}.")
    print("Entry:", receipt["entry"])
    if not key_file:
        print("The statement's signature was not checked: give the site's public key as the second argument.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
