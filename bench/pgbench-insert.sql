-- PostgreSQL's own ceiling for the row a signature writes: one single-row INSERT per transaction, with the same
-- indexes in place (the app also writes an outbox row and reads before it writes).
INSERT INTO "Signatures" ("LetterId", "LetterVersion", "State", "Source", "Name", "Email", "EmailCanonical", "Title",
    "Organization", "Country", "City", "ListPublicly", "Notable", "Hidden", "ShowVerifiedBadge", "Unsubscribed",
    "EmailsSent", "SearchText", "CreatedAt", "ConfirmationTokenHash", "ConfirmationExpiresAt", "IpAddress", "UserAgent")
VALUES (:letter, 1, 'Unverified', 'Api', 'Pg Bench', 'pgbench@bench.example',
    'pgbench-' || gen_random_uuid() || '@bench.example', 'Professor of Medicine', 'Bench University', 'FR', 'Geneva',
    true, false, false, false, false, 1, 'pg bench bench university', now(), sha256(gen_random_uuid()::text::bytea),
    now() + interval '7 days', '127.0.0.1', 'pgbench');
