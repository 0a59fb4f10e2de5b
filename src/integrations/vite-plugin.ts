import type { AstroIntegration, ViteUserConfig } from 'astro';

/** A Vite plugin, typed through Astro's own Vite config (Vite is Astro's dependency, not ours). */
type Plugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

/**
 * An Astro integration that only adds one Vite plugin, named after it: the project's integrations
 * that change how a module is loaded or transformed (KaTeX's fonts, the code colours, `{#id}` in
 * `.mdx`) are each a plugin and nothing more.
 */
export function vitePluginIntegration(plugin: Plugin): AstroIntegration {
  return {
    name: plugin.name,
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
