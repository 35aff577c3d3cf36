/** Reading a browser File as base64 for documents.import (the bridge and IPC take JSON). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In chunks: String.fromCharCode(...all) overflows the stack on large files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const IMPORTABLE = '.txt,.md,.markdown,.docx,.pdf,.vtt,.srt';
