/** What a project file is called on disk: the app, the CLI's help and file dialogs all use it. */
export const PROJECT_EXTENSION = '.marginalia';
