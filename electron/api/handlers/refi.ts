/** Handlers for the methods in shared/api/methods/refi.ts. */
import type { refiMethods } from '../../../shared/api/methods/refi.js';
import { buildQdc, buildQdpx, exportQdpxToFile } from '../../services/refi/export/qdpx.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type RefiMethod = keyof typeof refiMethods;

export function refiHandlers(session: Session): { [M in RefiMethod]: Handler<M> } {
  return {
    'refi.exportProject': () => {
      const { bytes, summary } = buildQdpx(session);
      return { ...summary, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
    },
    'refi.exportProjectToFile': ({ path }) => exportQdpxToFile(session, path),
    'refi.exportCodebook': () => {
      const { xml, codes, fileName } = buildQdc(session);
      return { fileName, codes, content: xml };
    },
  };
}
