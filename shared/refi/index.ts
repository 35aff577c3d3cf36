/** REFI-QDA constants and rules shared by export (C) and import (D). */
export * from './names.js';
export * from './guid.js';
export * from './offsets.js';
export * from './description.js';
export * from './xml.js';
