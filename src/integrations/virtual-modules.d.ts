// The code colour classes' stylesheet, built by src/integrations/code-colours.ts.
declare module 'virtual:fastai-notes/code-colours.css';
