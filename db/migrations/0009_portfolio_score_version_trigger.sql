-- A new frozen score version (finalising, or re-scoring a finalised assessment)
-- changes what the vendor's portfolio row shows (docs/decisions/013).
CREATE TRIGGER `portfolio_score_version_added` AFTER INSERT ON `score_versions` BEGIN
  UPDATE `portfolio_entries` SET `stale` = 1
  WHERE `vendor_id` = (SELECT `vendor_id` FROM `assessments` WHERE `id` = NEW.`assessment_id`);
END;
