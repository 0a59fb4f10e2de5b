/** Copy buttons on code blocks: copies the code's text and says so in the page's language. */
export function initCodeCopy(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.code-block__copy')) {
    const idle = button.textContent ?? '';
    button.addEventListener('click', async () => {
      const code = button.closest('.code-block')?.querySelector('pre code');
      let ok = false;
      try {
        await navigator.clipboard.writeText(code?.textContent ?? '');
        ok = true;
      } catch {
        ok = false;
      }
      button.textContent = (ok ? button.dataset['copied'] : button.dataset['failed']) ?? idle;
      button.setAttribute('data-state', ok ? 'copied' : 'failed');
      window.setTimeout(() => {
        button.textContent = idle;
        button.removeAttribute('data-state');
      }, 1600);
    });
  }
}
