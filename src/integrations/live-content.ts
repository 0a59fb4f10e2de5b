import type { AstroIntegration } from 'astro';
import { onLiveChange } from '../node/live-collections';

/**
 * `astro dev`: when a loader has stored an edit, open pages reload at once and the next request
 * reads the collections as they now are (src/node/live-collections.ts), instead of after Astro has
 * written its data store (a fixed half-second later) and read it back. Astro's own reload still
 * follows its write; the page it loads is the same.
 */
export function liveContent(): AstroIntegration {
  return {
    name: 'live-content',
    hooks: {
      'astro:server:setup': ({ server }) => {
        onLiveChange(() => {
          // Page routes keep their getStaticPaths results until told the content changed, as
          // Astro tells them after its own write.
          for (const environment of Object.values(server.environments))
            if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        });
      },
    },
  };
}
