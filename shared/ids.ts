/** GUIDs are made once, when an entity is created, and kept forever (exchange formats rely on them). */
export function newGuid(): string {
  return globalThis.crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}
