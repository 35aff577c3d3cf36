/**
 * Building (and repainting) the read-only Lexical view of a transcript from its line models:
 * lines in chunks of LINES_PER_CHUNK (chunk-node.ts). A long interview is built in steps: the
 * lines needed now at once, the rest in later tasks behind a placeholder line that reserves their
 * height, so the first screen paints quickly.
 */
import { $getRoot, type ElementNode } from 'lexical';
import { $createChunkNode, $isChunkNode, LINES_PER_CHUNK } from './chunk-node.js';
import { $createLineNode, $isLineNode } from './line-node.js';
import type { LineModel } from './model.js';
import { $createSegmentNode } from './segment-node.js';

function $fill(p: ElementNode, text: string, line: LineModel): void {
  for (const piece of line.pieces) {
    const node = $createSegmentNode(text.slice(piece.start, piece.end), piece.start, piece.codings, piece.speaker);
    if (piece.style) node.setStyle(piece.style);
    p.append(node);
  }
}

function $line(text: string, line: LineModel, number: number): ElementNode {
  const p = $createLineNode(line.start, line.end - line.start, false, number);
  $fill(p, text, line);
  return p;
}

/** Appends lines [from, to) in place of the placeholder, and a new placeholder if lines remain. */
export function $extendLines(text: string, lines: readonly LineModel[], from: number, to: number): void {
  const root = $getRoot();
  const last = root.getLastChild();
  if ($isLineNode(last) && last.__pending) last.remove();
  for (let c = Math.floor(from / LINES_PER_CHUNK); c * LINES_PER_CHUNK < to; c += 1) {
    const first = c * LINES_PER_CHUNK;
    const end = Math.min(lines.length, first + LINES_PER_CHUNK);
    // A chunk left part-built by the last step is filled up; otherwise a new one is started.
    let chunk = root.getChildAtIndex(c);
    if (!$isChunkNode(chunk)) {
      let chars = 0;
      for (let i = first; i < end; i += 1) chars += lines[i]!.end - lines[i]!.start;
      chunk = $createChunkNode({ chars, lines: end - first });
      root.append(chunk);
    }
    for (let i = Math.max(from, first); i < Math.min(to, end); i += 1) (chunk as ElementNode).append($line(text, lines[i]!, i + 1));
  }
  const rest = lines[to];
  if (rest) root.append($createLineNode(rest.start, text.length - rest.start, true));
}

/** Must run inside editor.update(): a fresh view holding the first `count` lines. */
export function $buildLines(text: string, lines: readonly LineModel[], count: number): void {
  $getRoot().clear();
  $extendLines(text, lines, 0, Math.min(count, lines.length));
}

/** The line node of line `i` (its chunk, then its place in the chunk). */
function $lineAt(i: number): ElementNode | null {
  const chunk = $getRoot().getChildAtIndex(Math.floor(i / LINES_PER_CHUNK));
  const line = $isChunkNode(chunk) ? chunk.getChildAtIndex(i % LINES_PER_CHUNK) : null;
  return $isLineNode(line) ? line : null;
}

/**
 * Must run inside editor.update(): rebuilds the first `count` lines whose signature changed
 * since `previous`. False when the view does not hold those lines (the caller rebuilds).
 */
export function $repaintLines(text: string, lines: readonly LineModel[], previous: readonly LineModel[], count: number): boolean {
  if (previous.length !== lines.length) return false;
  for (let i = 0; i < count; i += 1) {
    if (lines[i]!.signature === previous[i]!.signature) continue;
    const p = $lineAt(i);
    if (!p) return false;
    p.clear();
    $fill(p, text, lines[i]!);
  }
  return true;
}
