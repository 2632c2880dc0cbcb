-- PostgreSQL's own ceiling for the row a signature writes: one single-row INSERT per transaction, with the same
-- indexes in place (the app also writes an outbox row and reads before it writes). The row is shaped as the app
-- stores it: keyed hashes, and the address, details and request data as sealed bytes of their usual sizes.
INSERT INTO "Signatures" ("LetterId", "LetterVersion", "State", "Source", "Name", "EmailHash", "DomainHash",
    "SealedEmail", "SealedDetails", "SealedRequest", "Title", "Organization", "Country", "ListPublicly", "Visibility",
    "Notable", "Hidden", "ShowVerifiedBadge", "Unsubscribed", "EmailsSent", "SearchText", "CreatedAt",
    "ConfirmationTokenHash", "ConfirmationExpiresAt")
VALUES (:letter, 1, 'Unverified', 'Api', 'Pg Bench', encode(sha256(gen_random_uuid()::text::bytea), 'hex'),
    encode(sha256('bench.example'::bytea), 'hex'),
    decode(repeat(md5(gen_random_uuid()::text), 2), 'hex') || decode(repeat(md5(gen_random_uuid()::text), 2), 'hex'),
    decode(repeat(md5(gen_random_uuid()::text), 6), 'hex'), decode(repeat(md5(gen_random_uuid()::text), 8), 'hex'),
    'Professor of Medicine', 'Bench University', 'FR', true, 'Full', false, false, false, false, 1,
    'pg bench bench university', now(), sha256(gen_random_uuid()::text::bytea), now() + interval '7 days');
