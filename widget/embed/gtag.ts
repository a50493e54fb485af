// Google's command queue, as its own snippet defines it: `gtag(...)` pushes its `arguments` onto `dataLayer`.
declare global {
  interface Window {
    dataLayer?: unknown[];
    /** Set by consent-mode.js, the classic script that gives Google's tag its default before anything else. */
    citimConsentMode?: boolean;
  }
}

// Google's tag reads only `arguments` objects, hence a function rather than an arrow.
export function gtag(..._args: unknown[]) {
  window.dataLayer ??= [];
  // biome-ignore lint/complexity/noArguments: Google's tag reads the arguments object itself.
  window.dataLayer.push(arguments);
}
