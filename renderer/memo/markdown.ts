/**
 * Memos are stored as Markdown so exports stay readable. These are the only constructs the
 * editor offers (headings, quotes, lists, bold, italic); the nodes registered are exactly the
 * ones these transformers need, so anything read back is something the editor can show.
 */
import { ListItemNode, ListNode } from '@lexical/list';
import {
  $convertFromMarkdownString,
  $convertToMarkdownString,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  HEADING,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  ORDERED_LIST,
  QUOTE,
  UNORDERED_LIST,
  type Transformer,
} from '@lexical/markdown';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';

/** Star forms first: they are what export writes; the underscore forms are only read. */
export const MEMO_TRANSFORMERS: Transformer[] = [
  HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  ITALIC_STAR,
  BOLD_UNDERSCORE,
  ITALIC_UNDERSCORE,
];

export const MEMO_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode];

/** Inside an editor update: replace the content with this Markdown. */
export function $setMemoMarkdown(markdown: string): void {
  $convertFromMarkdownString(markdown, MEMO_TRANSFORMERS);
}

/** Inside an editor read: the content as Markdown. */
export function $getMemoMarkdown(): string {
  return $convertToMarkdownString(MEMO_TRANSFORMERS);
}
