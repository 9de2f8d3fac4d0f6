-- The feed's epoch: a random id made with the database, and made again when the platform finds
-- itself on a restored copy (see storage/epoch.ts). Every pull returns it; a kiosk that sees it
-- change pulls from 0 and sends again the events it holds, because the sequence numbers it
-- followed may now name other changes.
CREATE TABLE platform_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO platform_meta (key, value) VALUES ('feed_epoch', gen_random_uuid()::text);
