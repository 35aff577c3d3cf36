CREATE TABLE `consensus_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`item_id` text NOT NULL,
	`consensus_coder_id` integer NOT NULL,
	`coder_a_id` integer NOT NULL,
	`coder_b_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`code_id` integer NOT NULL,
	`kind` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`decision` text NOT NULL,
	`custom_start` integer,
	`custom_end` integer,
	`reason` text DEFAULT '' NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`consensus_coder_id`) REFERENCES `coders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coder_a_id`) REFERENCES `coders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coder_b_id`) REFERENCES `coders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "consensus_kind_check" CHECK("consensus_decisions"."kind" IN ('onlyA','onlyB')),
	CONSTRAINT "consensus_decision_check" CHECK("consensus_decisions"."decision" IN ('accept-a','accept-b','keep-both','drop','custom')),
	CONSTRAINT "consensus_custom_check" CHECK(("consensus_decisions"."decision" = 'custom') = ("consensus_decisions"."custom_start" IS NOT NULL AND "consensus_decisions"."custom_end" IS NOT NULL AND "consensus_decisions"."custom_start" < "consensus_decisions"."custom_end"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consensus_decisions_guid_unique` ON `consensus_decisions` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `consensus_item_unique` ON `consensus_decisions` (`consensus_coder_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `consensus_cell_idx` ON `consensus_decisions` (`consensus_coder_id`,`document_id`,`code_id`);