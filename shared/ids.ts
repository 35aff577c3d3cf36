/**
 * GUIDs are made once, when an entity is created, and kept forever (exchange formats rely on
 * them). They are UUID version 7 (RFC 9562): a millisecond timestamp, then random bits. Any
 * GUID reader accepts them, and because new ones sort after old ones, the unique indexes on
 * GUID columns grow at their end instead of at random pages (bulk coding is markedly faster).
 */
let lastMs = 0;
let counter = 0;

export function newGuid(): string {
  let ms = Date.now();
  // Keep GUIDs made in the same millisecond in creation order (12-bit counter in rand_a).
  if (ms <= lastMs) {
    ms = lastMs;
    counter += 1;
    if (counter > 0xfff) {
      ms += 1;
      counter = 0;
    }
  } else counter = 0;
  lastMs = ms;
  // The random tail (variant bits included) comes from the platform's v4 generator, which is
  // far faster than assembling bytes by hand.
  const random = crypto.randomUUID();
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter.toString(16).padStart(3, '0')}-${random.slice(19)}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
