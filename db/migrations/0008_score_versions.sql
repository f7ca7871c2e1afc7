CREATE TABLE `score_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`version` integer NOT NULL,
	`reason` text NOT NULL,
	`created_by_user_id` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`questionnaire_id` text NOT NULL,
	`questionnaire_version` text NOT NULL,
	`questionnaire_hash` text NOT NULL,
	`rules_version` text NOT NULL,
	`method_version` text NOT NULL,
	`as_of` text NOT NULL,
	`decision` text,
	`tier` text,
	`snapshot` text NOT NULL,
	`changes` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_versions_assessment_version` ON `score_versions` (`assessment_id`,`version`);--> statement-breakpoint
-- A score version is what a report was signed on: it is never rewritten, only followed by a newer one.
CREATE TRIGGER `score_versions_no_update` BEFORE UPDATE ON `score_versions`
BEGIN
  SELECT RAISE(ABORT, 'score_versions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `score_versions_no_delete` BEFORE DELETE ON `score_versions`
BEGIN
  SELECT RAISE(ABORT, 'score_versions is append-only');
END;
