CREATE TABLE `answer_carryovers` (
	`assessment_id` text NOT NULL,
	`question_id` text NOT NULL,
	`from_assessment_id` text NOT NULL,
	`value` text,
	`na_reason` text,
	`fingerprint` text NOT NULL,
	`confirmed_at` integer,
	`confirmed_by_user_id` text,
	`confirmed_by` text,
	PRIMARY KEY(`assessment_id`, `question_id`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`assessment_id` text,
	`state` text DEFAULT 'queued' NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`stage` text,
	`error` text,
	`input` text,
	`result` text,
	`file` blob,
	`file_name` text,
	`file_type` text,
	`created_by_user_id` text,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `jobs_org_created` ON `jobs` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `portfolio_entries` (
	`vendor_id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`latest_assessment_id` text,
	`latest_status` text,
	`latest_due_date` text,
	`basis_assessment_id` text,
	`basis` text,
	`tier` text,
	`decision` text,
	`decision_source` text,
	`open_findings` integer DEFAULT 0 NOT NULL,
	`knockouts` integer DEFAULT 0 NOT NULL,
	`residual_risk` real,
	`last_reviewed_on` text,
	`next_review_on` text,
	`acceptance_lapses_on` text,
	`stale` integer DEFAULT true NOT NULL,
	`refreshed_at` integer,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`latest_assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`basis_assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `portfolio_entries_org_next_review` ON `portfolio_entries` (`organisation_id`,`next_review_on`);--> statement-breakpoint
CREATE INDEX `portfolio_entries_org_tier` ON `portfolio_entries` (`organisation_id`,`tier`,`next_review_on`);--> statement-breakpoint
CREATE INDEX `portfolio_entries_org_decision` ON `portfolio_entries` (`organisation_id`,`decision`,`next_review_on`);--> statement-breakpoint
CREATE INDEX `portfolio_entries_org_status` ON `portfolio_entries` (`organisation_id`,`latest_status`);--> statement-breakpoint
CREATE INDEX `portfolio_entries_org_findings` ON `portfolio_entries` (`organisation_id`,`open_findings`);--> statement-breakpoint
CREATE INDEX `portfolio_entries_org_risk` ON `portfolio_entries` (`organisation_id`,`residual_risk`);--> statement-breakpoint
CREATE INDEX `portfolio_entries_org_stale` ON `portfolio_entries` (`organisation_id`,`stale`);--> statement-breakpoint
CREATE TABLE `reminders_sent` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`about_date` text NOT NULL,
	`recipient` text NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_sent_once` ON `reminders_sent` (`kind`,`subject_id`,`about_date`,`recipient`);--> statement-breakpoint
CREATE TABLE `review_cadences` (
	`organisation_id` text NOT NULL,
	`tier` text NOT NULL,
	`months` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_user_id` text,
	PRIMARY KEY(`organisation_id`, `tier`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
