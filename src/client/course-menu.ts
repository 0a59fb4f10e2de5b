/**
 * `<course-nav>`: on narrow screens the course sidebar folds away behind its button; Escape inside
 * the open panel closes it and gives focus back to the button.
 */
export class CourseNav extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('.course-nav__toggle');
    const panel = this.querySelector<HTMLElement>('.course-nav__panel');
    if (!button || !panel) return;
    const set = (open: boolean) => {
      button.setAttribute('aria-expanded', String(open));
      panel.toggleAttribute('data-open', open);
    };
    button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
        set(false);
        button.focus();
      }
    });
  }
}
