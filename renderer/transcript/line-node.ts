/**
 * One line of the stored text as a paragraph that knows where it starts (data-line), so a
 * selection point on the line itself — an empty line, a line's end, select-all — maps to an
 * offset without guessing from neighbouring pieces.
 */
import { $applyNodeReplacement, ParagraphNode, type EditorConfig, type LexicalNode, type NodeKey, type SerializedParagraphNode, type Spread } from 'lexical';

type SerializedLineNode = Spread<{ start: number }, SerializedParagraphNode>;

export class LineNode extends ParagraphNode {
  __start: number;

  static override getType(): string {
    return 'line';
  }

  static override clone(node: LineNode): LineNode {
    return new LineNode(node.__start, node.__key);
  }

  static override importJSON(json: SerializedLineNode): LineNode {
    return $createLineNode(json.start);
  }

  constructor(start: number, key?: NodeKey) {
    super(key);
    this.__start = start;
  }

  override exportJSON(): SerializedLineNode {
    return { ...super.exportJSON(), type: 'line', start: this.__start };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.dataset.line = String(this.__start);
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    dom.dataset.line = String(this.__start);
    return super.updateDOM(prev as unknown as ParagraphNode, dom, config);
  }
}

export function $createLineNode(start: number): LineNode {
  return $applyNodeReplacement(new LineNode(start));
}

export function $isLineNode(node: LexicalNode | null | undefined): node is LineNode {
  return node instanceof LineNode;
}
