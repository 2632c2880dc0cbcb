// Checks an inclusion receipt in the reader's browser, with no request to any server: the same three checks as
// verify-receipt.py (leaf and path to the root, the statement names that root, the statement's signature against
// the site's key printed into this page). RFC 9162, section 2.1.3.2.
(() => {
    const form = document.getElementById('verify-form');
    if (!form) return;
    const result = document.getElementById('verify-result');
    const text = (name) => form.dataset[name] || name;
    const enc = new TextEncoder();

    const hex = (bytes) => Array.from(new Uint8Array(bytes), b => b.toString(16).padStart(2, '0')).join('');
    const fromHex = (s) => new Uint8Array((s.match(/../g) || []).map(h => parseInt(h, 16)));
    const fromBase64 = (s) => Uint8Array.from(atob(s), c => c.charCodeAt(0));
    const concat = (...parts) => {
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) { out.set(p, at); at += p.length; }
        return out;
    };
    const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const leafHash = (entry) => sha256(concat(new Uint8Array([0]), entry));
    const nodeHash = (left, right) => sha256(concat(new Uint8Array([1]), left, right));

    async function rootFromPath(leaf, index, size, path) {
        if (!(index >= 0 && index < size)) return null;
        let fn = BigInt(index), sn = BigInt(size - 1), r = leaf;
        for (const p of path) {
            if (sn === 0n || p.length !== 32) return null;
            if ((fn & 1n) === 1n || fn === sn) {
                r = await nodeHash(p, r);
                while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
            } else {
                r = await nodeHash(r, p);
            }
            fn >>= 1n; sn >>= 1n;
        }
        return sn === 0n ? r : null;
    }

    // OpenSSL's DER signature (SEQUENCE of two INTEGERs) as the 64 bytes r || s that Web Crypto takes.
    function derToRaw(der) {
        let at = 2;
        if (der[1] & 0x80) at += der[1] & 0x7f;
        const integer = () => {
            const length = der[at + 1];
            let value = der.slice(at + 2, at + 2 + length);
            at += 2 + length;
            while (value.length > 32 && value[0] === 0) value = value.slice(1);
            return concat(new Uint8Array(32 - value.length), value);
        };
        return concat(integer(), integer());
    }

    async function signatureHolds(statement, signature) {
        const pem = form.dataset.key.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
        const key = await crypto.subtle.importKey('spki', fromBase64(pem), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
        return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, derToRaw(signature), statement);
    }

    async function check(json) {
        let receipt, statement, entry;
        try {
            receipt = JSON.parse(json);
            statement = JSON.parse(new TextDecoder().decode(fromBase64(receipt.statement)));
            entry = JSON.parse(receipt.entry);
        } catch {
            return { ok: false, message: text('notReceipt') };
        }
        if (receipt.type !== 'petition-inclusion-receipt/1') return { ok: false, message: text('notReceipt') };
        if (!crypto.subtle) return { ok: false, message: text('noCrypto') };
        const root = await rootFromPath(await leafHash(enc.encode(receipt.entry)), receipt.index, receipt.size, receipt.path.map(fromHex));
        if (!root || hex(root) !== receipt.root) return { ok: false, message: text('badPath') };
        if (statement.type !== 'petition-list-seal/1' || statement.root !== receipt.root || statement.size !== receipt.size || statement.seal !== receipt.seal
            || statement.letter.slug !== entry.letter) return { ok: false, message: text('badStatement') };
        if (!await signatureHolds(fromBase64(receipt.statement), fromBase64(receipt.signature))) return { ok: false, message: text('badSignature') };
        return {
            ok: true,
            message: text('ok').replace('{0}', receipt.seal).replace('{1}', statement.letter.title)
                .replace('{2}', statement.sealedAt.slice(0, 10)).replace('{3}', receipt.size),
            entry: receipt.entry,
        };
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const file = form.querySelector('input[type=file]').files[0];
        const json = file ? await file.text() : form.querySelector('textarea').value;
        const outcome = await check(json);
        result.hidden = false;
        result.className = outcome.ok ? 'notice' : 'error-summary';
        result.textContent = '';
        const line = document.createElement('p');
        line.textContent = outcome.message;
        result.append(line);
        if (outcome.entry) {
            const code = document.createElement('code');
            code.textContent = outcome.entry;
            result.append(code);
        }
        result.focus();
    });
})();
