-- Chains the events recorded before the hash chain existed, oldest first, then
-- refuses any new row without a chain hash. custodian_event_hash is registered
-- on the connection by db/migrate.ts and computes exactly what recordEvent does.
DROP TRIGGER `events_no_update`;
--> statement-breakpoint
WITH RECURSIVE `chain`(`id`, `prev_hash`, `hash`) AS (
  SELECT e.`id`, '0000000000000000000000000000000000000000000000000000000000000000',
         custodian_event_hash('0000000000000000000000000000000000000000000000000000000000000000',
           e.`id`, e.`organisation_id`, e.`assessment_id`, e.`actor_user_id`, e.`actor`, e.`type`, e.`payload`, e.`created_at`)
    FROM `events` e WHERE e.`id` = (SELECT min(`id`) FROM `events`)
  UNION ALL
  SELECT e.`id`, c.`hash`,
         custodian_event_hash(c.`hash`,
           e.`id`, e.`organisation_id`, e.`assessment_id`, e.`actor_user_id`, e.`actor`, e.`type`, e.`payload`, e.`created_at`)
    FROM `chain` c JOIN `events` e ON e.`id` = (SELECT min(`id`) FROM `events` WHERE `id` > c.`id`)
)
UPDATE `events` SET `prev_hash` = `chain`.`prev_hash`, `hash` = `chain`.`hash`
  FROM `chain` WHERE `events`.`id` = `chain`.`id`;
--> statement-breakpoint
CREATE TRIGGER `events_no_update` BEFORE UPDATE ON `events`
BEGIN
  SELECT RAISE(ABORT, 'events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `events_chained` BEFORE INSERT ON `events`
WHEN NEW.`prev_hash` IS NULL OR NEW.`hash` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'events must be written with recordEvent (app/models/events.server.ts), which chains them');
END;
