/**
 * One line of the stored text as a paragraph that knows where it starts (data-line), so a
 * selection point on the line itself — an empty line, a line's end, select-all — maps to an
 * offset without guessing from neighbouring pieces.
 */
import { lineHeightGuess } from './chunk-node.js';
import { $applyNodeReplacement, ParagraphNode, type EditorConfig, type LexicalNode, type NodeKey, type SerializedParagraphNode, type Spread } from 'lexical';

type SerializedLineNode = Spread<{ start: number; length: number }, SerializedParagraphNode>;

export class LineNode extends ParagraphNode {
  __start: number;
  __length: number;
  /** A stand-in for lines not built yet (it reserves their height). */
  __pending: boolean;
  /** The line's number as shown in the margin (1-based; 0 for the placeholder). */
  __number: number;

  static override getType(): string {
    return 'line';
  }

  static override clone(node: LineNode): LineNode {
    return new LineNode(node.__start, node.__length, node.__pending, node.__number, node.__key);
  }

  static override importJSON(json: SerializedLineNode): LineNode {
    return $createLineNode(json.start, json.length);
  }

  constructor(start: number, length = 0, pending = false, number = 0, key?: NodeKey) {
    super(key);
    this.__start = start;
    this.__length = length;
    this.__pending = pending;
    this.__number = number;
  }

  override exportJSON(): SerializedLineNode {
    return { ...super.exportJSON(), type: 'line', start: this.__start, length: this.__length };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.dataset.line = String(this.__start);
    // The number is an attribute, not a CSS counter: a chunk's containment would restart a counter.
    if (this.__number) dom.dataset.n = String(this.__number);
    if (this.__pending) {
      dom.dataset.pending = '';
      dom.style.height = `${lineHeightGuess(this.__length).toFixed(1)}em`;
    }
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    dom.dataset.line = String(this.__start);
    return super.updateDOM(prev as unknown as ParagraphNode, dom, config);
  }
}

export function $createLineNode(start: number, length = 0, pending = false, number = 0): LineNode {
  return $applyNodeReplacement(new LineNode(start, length, pending, number));
}

export function $isLineNode(node: LexicalNode | null | undefined): node is LineNode {
  return node instanceof LineNode;
}
