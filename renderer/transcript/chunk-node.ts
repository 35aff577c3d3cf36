/**
 * A run of consecutive lines (LINES_PER_CHUNK of them) in one block. Chunks carry
 * `content-visibility: auto` (styles.css): the browser lays out and paints only the chunks near
 * the screen, so a 2-hour interview is whole in the page at once and a coding repaints one chunk,
 * not 2,400 lines. Off-screen chunks reserve a height guessed from their text and the column's
 * width until first shown (styles.css), then keep the height they had.
 */
import { $applyNodeReplacement, ElementNode, type LexicalNode, type NodeKey, type SerializedElementNode } from 'lexical';

export const LINES_PER_CHUNK = 40;

/** The height (em) a line of `length` characters is guessed to take, at 90 characters a visual line. */
export function lineHeightGuess(length: number): number {
  return Math.max(1, Math.ceil(length / 90)) * 1.7;
}

/** What a chunk's height is guessed from until it is first shown: its characters and lines. */
export interface ChunkSize {
  chars: number;
  lines: number;
}

export class ChunkNode extends ElementNode {
  __extent: ChunkSize;

  static override getType(): string {
    return 'chunk';
  }

  static override clone(node: ChunkNode): ChunkNode {
    return new ChunkNode(node.__extent, node.__key);
  }

  static override importJSON(): ChunkNode {
    return $createChunkNode({ chars: 0, lines: 0 });
  }

  constructor(size: ChunkSize = { chars: 0, lines: 0 }, key?: NodeKey) {
    super(key);
    this.__extent = size;
  }

  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: 'chunk' };
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'chunk';
    // The height is guessed in CSS from these and the characters a visual line holds (--cpl,
    // set from the column's width): it follows the column when it is resized.
    dom.style.setProperty('--chars', String(this.__extent.chars));
    dom.style.setProperty('--lines', String(this.__extent.lines));
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }
}

export function $createChunkNode(size: ChunkSize): ChunkNode {
  return $applyNodeReplacement(new ChunkNode(size));
}

export function $isChunkNode(node: LexicalNode | null | undefined): node is ChunkNode {
  return node instanceof ChunkNode;
}
