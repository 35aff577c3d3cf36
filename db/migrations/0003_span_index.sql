DROP INDEX `codings_doc_code_coder_idx`;--> statement-breakpoint
CREATE INDEX `codings_span_idx` ON `codings` (`document_id`,`code_id`,`coder_id`,`start`,`end`);