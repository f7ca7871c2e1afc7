-- A portfolio row judged by a live score (a submitted assessment, not yet
-- finalised) depends on the organisation's residency policy, the assessment's
-- scope, the jurisdiction catalogue and the scoring method (docs/decisions/013).
-- `scored_under` records the catalogue and method; the server marks rows scored
-- under older ones stale when it starts. The triggers below cover the policy
-- and the scope, in the same transaction as the change.
ALTER TABLE `portfolio_entries` ADD `scored_under` text;
--> statement-breakpoint
CREATE TRIGGER `portfolio_policy_added` AFTER INSERT ON `policy_rules` BEGIN
  UPDATE `portfolio_entries` SET `stale` = 1 WHERE `organisation_id` = NEW.`organisation_id` AND `basis` = 'submitted';
END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_policy_changed` AFTER UPDATE ON `policy_rules` BEGIN
  UPDATE `portfolio_entries` SET `stale` = 1 WHERE `organisation_id` IN (NEW.`organisation_id`, OLD.`organisation_id`) AND `basis` = 'submitted';
END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_policy_removed` AFTER DELETE ON `policy_rules` BEGIN
  UPDATE `portfolio_entries` SET `stale` = 1 WHERE `organisation_id` = OLD.`organisation_id` AND `basis` = 'submitted';
END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_scope_changed` AFTER UPDATE OF `scope_subjects`, `scope_categories`, `scope_sector`, `scope_subjects_count` ON `assessments` BEGIN
  UPDATE `portfolio_entries` SET `stale` = 1 WHERE `vendor_id` = NEW.`vendor_id` AND `basis` = 'submitted';
END;
