CREATE TABLE `attributes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	CONSTRAINT "attributes_type_check" CHECK("attributes"."type" IN ('text','number','date','boolean'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attributes_guid_unique` ON `attributes` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `attributes_name_unique` ON `attributes` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `case_values` (
	`case_id` integer NOT NULL,
	`attribute_id` integer NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`case_id`, `attribute_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attribute_id`) REFERENCES `attributes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_guid_unique` ON `cases` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_name_unique` ON `cases` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `coders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coders_guid_unique` ON `coders` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `coders_name_unique` ON `coders` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`color` text NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`inclusion` text DEFAULT '' NOT NULL,
	`exclusion` text DEFAULT '' NOT NULL,
	`example` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "codes_name_check" CHECK(length(trim("codes"."name")) > 0 AND instr("codes"."name", '/') = 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `codes_guid_unique` ON `codes` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `codes_parent_name_unique` ON `codes` ((CASE WHEN "parent_id" IS NULL THEN 0 ELSE "parent_id" END),"name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `codings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`document_id` integer NOT NULL,
	`code_id` integer NOT NULL,
	`coder_id` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`quote` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coder_id`) REFERENCES `coders`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "codings_span_check" CHECK("codings"."start" >= 0 AND "codings"."start" < "codings"."end")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `codings_guid_unique` ON `codings` (`guid`);--> statement-breakpoint
CREATE INDEX `codings_doc_code_coder_idx` ON `codings` (`document_id`,`code_id`,`coder_id`,`start`);--> statement-breakpoint
CREATE INDEX `codings_code_idx` ON `codings` (`code_id`);--> statement-breakpoint
CREATE TABLE `cues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`begin_ms` integer NOT NULL,
	`end_ms` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cues_span_check" CHECK("cues"."start" >= 0 AND "cues"."start" < "cues"."end")
);
--> statement-breakpoint
CREATE INDEX `cues_doc_idx` ON `cues` (`document_id`,`start`);--> statement-breakpoint
CREATE TABLE `document_texts` (
	`document_id` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`format` text NOT NULL,
	`length` integer NOT NULL,
	`content_hash` text NOT NULL,
	`source_name` text NOT NULL,
	`imported_at` text NOT NULL,
	`case_id` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "documents_length_check" CHECK("documents"."length" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_guid_unique` ON `documents` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_name_unique` ON `documents` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `documents_hash_idx` ON `documents` (`content_hash`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_guid` text,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `events_batch_idx` ON `events` (`batch`);--> statement-breakpoint
CREATE INDEX `events_entity_idx` ON `events` (`entity_guid`);--> statement-breakpoint
CREATE TABLE `memos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "memos_kind_check" CHECK("memos"."target_kind" IN ('project','document','code','coding','case'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memos_guid_unique` ON `memos` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `memos_target_unique` ON `memos` (`target_kind`,`target_id`);--> statement-breakpoint
CREATE TABLE `project_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `speaker_cases` (
	`document_id` integer NOT NULL,
	`speaker` text NOT NULL,
	`case_id` integer NOT NULL,
	PRIMARY KEY(`document_id`, `speaker`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `turns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`speaker` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`speech_start` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "turns_span_check" CHECK("turns"."start" >= 0 AND "turns"."start" < "turns"."end")
);
--> statement-breakpoint
CREATE INDEX `turns_doc_idx` ON `turns` (`document_id`,`start`);