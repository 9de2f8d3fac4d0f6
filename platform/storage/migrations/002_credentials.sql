-- Enrollment codes are kept as sha-256 only, like device tokens: a copy of the database enrolls no
-- kiosk. Every credential gets an id by which IT lists and revokes it without ever seeing it again.
ALTER TABLE enroll_codes ADD COLUMN code_hash text;
UPDATE enroll_codes SET code_hash = encode(sha256(convert_to(code, 'UTF8')), 'hex');
ALTER TABLE enroll_codes DROP CONSTRAINT enroll_codes_pkey;
ALTER TABLE enroll_codes DROP COLUMN code;
ALTER TABLE enroll_codes ALTER COLUMN code_hash SET NOT NULL;
ALTER TABLE enroll_codes ADD PRIMARY KEY (code_hash);
ALTER TABLE enroll_codes ADD COLUMN id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid();
-- A device enrolled with this code is a lobby kiosk ('visitor') or a counter PC ('counter').
ALTER TABLE enroll_codes ADD COLUMN mode text NOT NULL DEFAULT 'visitor' CHECK (mode IN ('visitor', 'counter'));
ALTER TABLE enroll_codes ADD COLUMN revoked_at timestamptz;

-- Only counter devices receive the personal data of requests; IT may change a device's mode.
ALTER TABLE devices ADD COLUMN mode text NOT NULL DEFAULT 'visitor' CHECK (mode IN ('visitor', 'counter'));

ALTER TABLE office_tokens ADD COLUMN id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid();
ALTER TABLE office_tokens ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE office_tokens ADD COLUMN revoked_at timestamptz;
