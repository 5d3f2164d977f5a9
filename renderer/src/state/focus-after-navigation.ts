/**
 * Keyboard and screen-reader users keep their place when a button inside a screen moves
 * them to another screen (Open in Decode, Generate a token →): the button is gone, so focus
 * would fall to <body>. Then focus goes to the new screen's heading instead. Navigating from
 * the rail keeps focus on the rail link, where it still is.
 */
import { useEffect, useRef } from 'react';

export function useFocusAfterNavigation(screen: string): void {
  const first = useRef(true);
  useEffect(() => {
    // The window just opened: nothing had focus to lose.
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const title = document.getElementById('screen-title');
    if (title === null) return;
    if (!title.hasAttribute('tabindex')) title.setAttribute('tabindex', '-1');
    title.focus();
  }, [screen]);
}
