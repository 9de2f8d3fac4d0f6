-- 心跳: the latest health report of each device (shared/fleet.ts `Heartbeat`), for the fleet page.
-- One row per device, replaced by each report: the fleet page needs the present, and the history
-- of 200 kiosks reporting every five minutes would grow by 57,600 rows a day for nothing.
CREATE TABLE device_heartbeats (
  device_id text PRIMARY KEY REFERENCES devices (id),
  center_id text NOT NULL REFERENCES centers (id),
  body jsonb NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX device_heartbeats_center ON device_heartbeats (center_id);
