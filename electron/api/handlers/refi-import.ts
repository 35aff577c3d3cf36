/** Handlers for the methods in shared/api/methods/refi-import.ts. */
import { basename, dirname, join, resolve } from 'node:path';
import type { refiImportMethods } from '../../../shared/api/methods/refi-import.js';
import { fail } from '../../../shared/errors.js';
import { importQdc } from '../../services/refi/import/codebook.js';
import { freeProjectPath, importQdpxBytes, importQdpxFile } from '../../services/refi/import/import-project.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type RefiImportMethod = keyof typeof refiImportMethods;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Project-free: a .qdpx path into a new project file (the CLI's `qdpx import`, the Electron menu). */
export const importProjectFromPath: Handler<'refi.importProject'> = ({ path, output }) => importQdpxFile(resolve(path), resolve(output));

export function refiImportHandlers(session: Session): { [M in RefiImportMethod]: Handler<M> } {
  return {
    'refi.importProject': importProjectFromPath,
    'refi.importProjectUpload': ({ name, base64, output }) => {
      const file = basename(name.replace(/\\/g, '/'));
      const b64 = base64.replace(/\s+/g, '');
      if (!BASE64.test(b64)) fail('invalid_input', `${file}: the upload is not base64`);
      const folder = dirname(resolve(session.project.path));
      const target = output ? join(folder, basename(output.replace(/\\/g, '/'))) : freeProjectPath(folder, file);
      return importQdpxBytes(new Uint8Array(Buffer.from(b64, 'base64')), file, target, { actor: session.actor });
    },
    'refi.importCodebook': ({ content, name }) => importQdc(session, new TextEncoder().encode(content), name ?? 'the code book'),
  };
}
