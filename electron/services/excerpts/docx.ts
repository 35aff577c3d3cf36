/**
 * The export as a Word document (the `docx` package): a title, a contents list linking to each
 * theme, headings per theme (nested as the code book), the prevalence line, quotes in a "Quote"
 * paragraph style (indented, ruled on the left) each followed by its attribution, page numbers
 * in the footer. The glance template is the seeds' one-page layout; the Table template a table.
 * docx is loaded on first use so the CLI starts without it.
 */
import { glanceSections } from '../../../shared/excerpts/model.js';
import { tableHeader, tableRows } from '../../../shared/excerpts/table.js';
import type { ExcerptModel, ExcerptTheme } from '../../../shared/excerpts/types.js';

type Docx = typeof import('docx');

const HEADINGS = ['HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6'] as const;

export async function excerptDocx(m: ExcerptModel, onTheme?: (done: number) => Promise<void>): Promise<Uint8Array> {
  const d: Docx = await import('docx');
  const { Paragraph, TextRun } = d;
  const h = (level: number, text: string, anchor?: string) =>
    new Paragraph({
      heading: d.HeadingLevel[HEADINGS[Math.min(5, level - 1)]!],
      children: anchor ? [new d.Bookmark({ id: anchor, children: [new TextRun(text)] })] : [new TextRun(text)],
    });
  const plain = (text: string, style?: string) => text.split(/\n{2,}/).map((p) => new Paragraph({ ...(style && { style }), children: lines(p) }));
  const lines = (text: string, options: { italics?: boolean; bold?: boolean } = {}) =>
    text.split('\n').map((l, i) => new TextRun({ text: l, ...options, ...(i > 0 && { break: 1 }) }));
  const meta = `${m.project} · ${m.date.slice(0, 10)} · codings by ${m.coders}${m.pseudonymised ? ' · pseudonymised' : ''}`;

  const themeBlocks = async (t: ExcerptTheme, base: number, anchor: string, i: number) => {
    const out = [h(base + t.depth, t.name, anchor)];
    if (t.definition.trim()) out.push(new Paragraph({ style: 'Definition', children: lines(t.definition.trim()) }));
    if (t.prevalenceLine) out.push(new Paragraph({ style: 'Prevalence', children: [new TextRun(t.prevalenceLine)] }));
    for (const q of t.quotes) {
      for (const p of q.text.split('\n')) out.push(new Paragraph({ style: 'Quote', children: [new TextRun(p)] }));
      out.push(new Paragraph({ style: 'Attribution', children: [new TextRun(`— ${q.attribution}`)] }));
      if (m.withMemos && q.memo) out.push(new Paragraph({ style: 'Memo', children: [new TextRun({ text: 'Memo: ', bold: true }), ...lines(q.memo)] }));
    }
    if (t.quotes.length === 0 && t.subthemes === 0) out.push(new Paragraph({ style: 'Definition', children: [new TextRun('No quotes in this selection.')] }));
    if (onTheme && i % 10 === 9) await onTheme(i + 1);
    return out;
  };

  const children: (InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>)[] = [];
  if (m.template === 'glance') {
    children.push(new Paragraph({ style: 'Kicker', children: [new TextRun('Research at a glance')] }));
    children.push(h(1, m.title));
    children.push(new Paragraph({ children: [new TextRun({ text: 'KEY WORDS: ', bold: true }), new TextRun({ text: m.keyWords.join(', '), italics: true })] }));
    for (const s of glanceSections(m)) {
      children.push(h(2, s.heading));
      if (s.body) children.push(...plain(s.body));
      if (s.found) for (const [i, t] of m.themes.entries()) children.push(...(await themeBlocks(t, 3, `theme_${i + 1}`, i)));
    }
    children.push(new Paragraph({ style: 'Meta', children: [new TextRun(meta)] }));
  } else if (m.template === 'table') {
    children.push(h(1, m.title), new Paragraph({ style: 'Meta', children: [new TextRun(meta)] }));
    const cell = (text: string, bold = false) => new d.TableCell({ children: [new Paragraph({ children: lines(text, { bold }) })] });
    const rows = [
      new d.TableRow({ tableHeader: true, children: tableHeader(m).map((x) => cell(x, true)) }),
      ...tableRows(m).map((r) => new d.TableRow({ children: r.map((c) => cell(String(c))) })),
    ];
    children.push(new d.Table({ rows, width: { size: 100, type: d.WidthType.PERCENTAGE } }));
  } else {
    children.push(h(1, m.title), new Paragraph({ style: 'Meta', children: [new TextRun(meta)] }));
    children.push(h(2, 'Contents'));
    m.themes.forEach((t, i) =>
      children.push(
        new Paragraph({
          style: 'Contents',
          indent: { left: 360 * t.depth },
          children: [
            new d.InternalHyperlink({ anchor: `theme_${i + 1}`, children: [new TextRun({ text: t.name, style: 'Hyperlink' })] }),
            ...(t.prevalenceLine ? [new TextRun(` — ${t.prevalenceLine}`)] : []),
          ],
        }),
      ),
    );
    for (const [i, t] of m.themes.entries()) children.push(...(await themeBlocks(t, 2, `theme_${i + 1}`, i)));
  }

  const doc = new d.Document({
    creator: 'Marginalia',
    title: m.title,
    styles: {
      default: { document: { run: { font: 'Calibri', size: 22 } } },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '333333' },
          paragraph: {
            indent: { left: 720, right: 360 },
            spacing: { before: 120, after: 40 },
            border: { left: { style: d.BorderStyle.SINGLE, size: 12, color: '9DB7D5', space: 8 } },
          },
        },
        {
          id: 'Attribution',
          name: 'Attribution',
          basedOn: 'Normal',
          run: { size: 18, color: '5F6368' },
          paragraph: { indent: { left: 720 }, spacing: { after: 200 } },
        },
        { id: 'Prevalence', name: 'Prevalence', basedOn: 'Normal', run: { bold: true, color: '1A5FA8', size: 20 }, paragraph: { spacing: { after: 160 } } },
        { id: 'Definition', name: 'Definition', basedOn: 'Normal', run: { italics: true, color: '3C4043' } },
        {
          id: 'Memo',
          name: 'Memo',
          basedOn: 'Normal',
          run: { size: 18, color: '3C4043' },
          paragraph: { indent: { left: 720 }, spacing: { after: 200 }, shading: { type: d.ShadingType.CLEAR, fill: 'F4F5F7', color: 'auto' } },
        },
        { id: 'Meta', name: 'Meta', basedOn: 'Normal', run: { size: 18, color: '5F6368' }, paragraph: { spacing: { after: 240 } } },
        { id: 'Kicker', name: 'Kicker', basedOn: 'Normal', run: { size: 18, color: '5F6368', allCaps: true } },
        { id: 'Contents', name: 'Contents', basedOn: 'Normal', paragraph: { spacing: { after: 40 } } },
      ],
    },
    sections: [
      {
        footers: {
          default: new d.Footer({
            children: [
              new Paragraph({
                alignment: d.AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', d.PageNumber.CURRENT, ' of ', d.PageNumber.TOTAL_PAGES], size: 18, color: '5F6368' })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toBuffer(doc));
}
