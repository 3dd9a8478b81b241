import { API_PREFIX } from '@gezhi/shared';

/** Controller paths: everything under /api except /health, /files and /docs. */
export const apiPath = (path: string): string => `${API_PREFIX.replace(/^\//, '')}/${path}`;
