import { fileURLToPath } from 'node:url';

/** The repository's root folder, whichever folder jest runs in: for the committed files and the built workspaces a story uses. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
