-- Full-text index over paragraphs ("chunks") of every document. Accents are folded
-- (remove_diacritics 2) so "securite" finds "sécurité". `start` is the chunk's offset in
-- UTF-16 code units into documents.text; rows are written by the import service.
CREATE VIRTUAL TABLE `doc_chunks` USING fts5(
	body,
	document_id UNINDEXED,
	start UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `documents_chunks_delete` AFTER DELETE ON `documents` BEGIN
	DELETE FROM `doc_chunks` WHERE `document_id` = OLD.`id`;
END;
--> statement-breakpoint
-- The stored text is the truth every offset points into: it never changes after import.
CREATE TRIGGER `document_texts_immutable` BEFORE UPDATE ON `document_texts` BEGIN
	SELECT RAISE(ABORT, 'document text is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `documents_length_immutable` BEFORE UPDATE OF `length`, `content_hash` ON `documents`
WHEN NEW.`length` IS NOT OLD.`length` OR NEW.`content_hash` IS NOT OLD.`content_hash`
BEGIN
	SELECT RAISE(ABORT, 'document text is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `codings_within_document_insert` BEFORE INSERT ON `codings`
WHEN NEW.`end` > (SELECT `length` FROM `documents` WHERE `id` = NEW.`document_id`)
BEGIN
	SELECT RAISE(ABORT, 'coding ends past the end of its document');
END;
--> statement-breakpoint
CREATE TRIGGER `codings_within_document_update` BEFORE UPDATE OF `end`, `document_id` ON `codings`
WHEN NEW.`end` > (SELECT `length` FROM `documents` WHERE `id` = NEW.`document_id`)
BEGIN
	SELECT RAISE(ABORT, 'coding ends past the end of its document');
END;
--> statement-breakpoint
-- The event log is the audit trail: append-only.
CREATE TRIGGER `events_no_update` BEFORE UPDATE ON `events` BEGIN
	SELECT RAISE(ABORT, 'the event log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `events_no_delete` BEFORE DELETE ON `events` BEGIN
	SELECT RAISE(ABORT, 'the event log is append-only');
END;
--> statement-breakpoint
-- Memos point at their target by kind and id; remove them with their target.
CREATE TRIGGER `memos_follow_coding` AFTER DELETE ON `codings` BEGIN
	DELETE FROM `memos` WHERE `target_kind` = 'coding' AND `target_id` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `memos_follow_code` AFTER DELETE ON `codes` BEGIN
	DELETE FROM `memos` WHERE `target_kind` = 'code' AND `target_id` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `memos_follow_document` AFTER DELETE ON `documents` BEGIN
	DELETE FROM `memos` WHERE `target_kind` = 'document' AND `target_id` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `memos_follow_case` AFTER DELETE ON `cases` BEGIN
	DELETE FROM `memos` WHERE `target_kind` = 'case' AND `target_id` = OLD.`id`;
END;
