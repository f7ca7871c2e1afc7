-- The portfolio keeps one row per vendor (docs/decisions/013). Whatever code
-- adds a vendor or an assessment, or changes an assessment's state, a sign-off
-- or a risk acceptance, these triggers mark the vendor's row stale in the same
-- transaction; app/models/portfolio.server.ts recomputes stale rows.
-- A migration that rebuilds one of these tables must recreate its triggers.
CREATE TRIGGER `portfolio_vendor_added` AFTER INSERT ON `vendors` BEGIN
  INSERT INTO `portfolio_entries` (`vendor_id`, `organisation_id`, `stale`) VALUES (NEW.`id`, NEW.`organisation_id`, 1)
  ON CONFLICT (`vendor_id`) DO UPDATE SET `stale` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_vendor_changed` AFTER UPDATE OF `tier` ON `vendors` BEGIN
  UPDATE `portfolio_entries` SET `stale` = 1 WHERE `vendor_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_assessment_added` AFTER INSERT ON `assessments` BEGIN
  UPDATE `portfolio_entries` SET `stale` = 1 WHERE `vendor_id` = NEW.`vendor_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_assessment_changed` AFTER UPDATE OF `status`, `due_date`, `submitted_at`, `finalised_at`, `vendor_id` ON `assessments` BEGIN
  UPDATE `portfolio_entries` SET `stale` = 1 WHERE `vendor_id` IN (NEW.`vendor_id`, OLD.`vendor_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_sign_off_added` AFTER INSERT ON `sign_offs` BEGIN
  UPDATE `portfolio_entries` SET `stale` = 1
  WHERE `vendor_id` = (SELECT `vendor_id` FROM `assessments` WHERE `id` = NEW.`assessment_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `portfolio_risk_accepted` AFTER INSERT ON `risk_acceptances` BEGIN
  UPDATE `portfolio_entries` SET `stale` = 1
  WHERE `vendor_id` = (SELECT `vendor_id` FROM `assessments` WHERE `id` = NEW.`assessment_id`);
END;
--> statement-breakpoint
INSERT INTO `portfolio_entries` (`vendor_id`, `organisation_id`, `stale`)
SELECT `id`, `organisation_id`, 1 FROM `vendors` WHERE true
ON CONFLICT (`vendor_id`) DO NOTHING;
