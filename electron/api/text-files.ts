/**
 * Reading a small text file (CSV, JSON) with the checks and one-line messages the services use
 * (missing, empty, over 50 MB, not UTF-8, binary), for callers of the door that hand a file's
 * text to a contract method: the API moves text, the caller reads the file.
 */
export { readTextFile } from '../services/files.js';
