// Keyboard moves in a list of results: ↓/↑ between result links (and back to the box), Escape to the box.
export function arrowKeys(container: HTMLElement, input: HTMLInputElement, onEscape?: () => void): void {
  container.addEventListener("keydown", (e) => {
    const links = [...container.querySelectorAll<HTMLElement>("a.sr-link, .sr-all a, button.sr-show-more")];
    const i = links.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown" && i >= 0) {
      e.preventDefault();
      (links[i + 1] || links[i])!.focus();
    } else if (e.key === "ArrowUp" && i >= 0) {
      e.preventDefault();
      (i === 0 ? input : links[i - 1]!).focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      input.focus();
      onEscape?.();
    }
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      const first = container.querySelector<HTMLElement>("a.sr-link");
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === "Escape" && onEscape) {
      onEscape();
    }
  });
}
