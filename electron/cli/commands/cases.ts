/** attributes import, cases: participants and their typed attributes. */
import { basename } from 'node:path';
import { readTextFile } from '../../api/text-files.js';
import type { CommandSpec } from '../command.js';
import { plural, table } from '../format.js';

const GROUP = 'Cases';

export const attributesImport: CommandSpec = {
  name: 'attributes import',
  group: GROUP,
  args: ['PROJECT', 'FILE.csv'],
  summary: 'Import case attributes from CSV (first column: case name)',
  details: `One row per case; every other column is an attribute. A header "name:type" declares its type
(text, number, date, boolean), e.g. "years of service:number"; otherwise it is text.
Every row is checked before anything is written; errors name the row.`,
  calls: ['cases.importAttributes'],
  async run(ctx, { positionals }) {
    const [project, file] = positionals as [string, string];
    const door = await ctx.door(project);
    const r = await door.call('cases.importAttributes', { csv: readTextFile(file), name: basename(file) });
    const attrs = r.attributesCreated.length ? `; new attributes: ${r.attributesCreated.join(', ')}` : '';
    return {
      data: r,
      text: `${basename(file)}: ${plural(r.casesCreated, 'case')} created, ${r.casesUpdated} updated, ${plural(r.valuesSet, 'value')} set${attrs}`,
    };
  },
};

export const casesCmd: CommandSpec = {
  name: 'cases',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'List cases with their attributes',
  calls: ['cases.list'],
  async run(ctx, { positionals }) {
    const r = await (await ctx.door(positionals[0]!)).call('cases.list');
    if (r.cases.length === 0) return { data: r, text: 'No cases yet (import them with: marginalia attributes import PROJECT FILE.csv)' };
    return {
      data: r,
      text: table(
        ['CASE', ...r.attributes.map((a) => (a.type === 'text' ? a.name.toUpperCase() : `${a.name.toUpperCase()} (${a.type})`))],
        r.cases.map((c) => [c.name, ...r.attributes.map((a) => c.attributes[a.name] ?? '')]),
      ),
    };
  },
};
