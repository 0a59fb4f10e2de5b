/** This build's id (src/integrations/offline/build-id.ts), written into pages and scripts by Vite. */
declare const __NOTES_BUILD__: string;
