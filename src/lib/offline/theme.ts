/**
 * The colour browsers paint around the site (title bar, splash screen) in each theme: the page
 * background of src/styles/tokens.css, so the installed reader's frame matches its header.
 */
export const themeColors = { light: '#ffffff', dark: '#0f1419' } as const;
