CREATE TABLE `coding_orphans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`document_id` integer NOT NULL,
	`code_id` integer NOT NULL,
	`coder_id` integer NOT NULL,
	`at` integer NOT NULL,
	`quote` text NOT NULL,
	`orphaned_at` text NOT NULL,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coder_id`) REFERENCES `coders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coding_orphans_guid_unique` ON `coding_orphans` (`guid`);--> statement-breakpoint
CREATE INDEX `coding_orphans_doc_idx` ON `coding_orphans` (`document_id`,`at`);--> statement-breakpoint
CREATE TABLE `document_text_edits` (
	`document_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- A document's text still changes only through a transcript correction, which opens the gate
-- (a row in document_text_edits) for that one document inside its own transaction.
DROP TRIGGER `document_texts_immutable`;--> statement-breakpoint
CREATE TRIGGER `document_texts_immutable` BEFORE UPDATE ON `document_texts`
WHEN NOT EXISTS (SELECT 1 FROM `document_text_edits` WHERE `document_id` = OLD.`document_id`)
BEGIN
	SELECT RAISE(ABORT, 'document text is immutable');
END;
--> statement-breakpoint
DROP TRIGGER `documents_length_immutable`;--> statement-breakpoint
CREATE TRIGGER `documents_length_immutable` BEFORE UPDATE OF `length`, `content_hash` ON `documents`
WHEN (NEW.`length` IS NOT OLD.`length` OR NEW.`content_hash` IS NOT OLD.`content_hash`)
	AND NOT EXISTS (SELECT 1 FROM `document_text_edits` WHERE `document_id` = OLD.`id`)
BEGIN
	SELECT RAISE(ABORT, 'document text is immutable');
END;
