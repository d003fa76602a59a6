import { SKIP_WAITING_MESSAGE } from '../domain/offline/names.ts';

/**
 * Built to dist/site-notices.js by src/integrations/outbox-scripts.ts and loaded by
 * SiteNotices.client.ts only when the phone is offline or a newer version of the site waits:
 * shows the notices SiteNotices.astro drew (translated, hidden) at the top of the page.
 */
export async function run(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-site-notices]');
  if (!root || !(await withTexts(root))) return;
  followConnection(root);
  void offerUpdate(root);
}

/**
 * The notices' words, drawn in the offline page (SiteNotices.astro says why), copied into this
 * page's empty place for them. Offline, the worker answers from the copy it keeps.
 */
async function withTexts(root: HTMLElement): Promise<boolean> {
  if (root.querySelector('[data-site-notice]')) return true;
  try {
    const response = await fetch(root.dataset.texts!);
    if (!response.ok) return false;
    const saved = new DOMParser()
      .parseFromString(await response.text(), 'text/html')
      .querySelector('[data-site-notices]');
    if (!saved) return false;
    root.replaceChildren(...saved.childNodes);
    // In place, still hidden, a frame before any is shown: so the change is announced.
    await new Promise(requestAnimationFrame);
    return true;
  } catch {
    return false;
  }
}

function notice(root: HTMLElement, kind: 'offline' | 'update') {
  const region = root.querySelector<HTMLElement>(`[data-site-notice-region="${kind}"]`);
  // The live region appears before anything is written into it, so what follows is announced.
  if (region) region.hidden = false;
  return root.querySelector<HTMLElement>(`[data-site-notice="${kind}"]`);
}

/** The offline notice shows for as long as the phone says it has no connection. */
function followConnection(root: HTMLElement): void {
  const follow = () => {
    const offline = !navigator.onLine;
    // The live region appears only once needed, a frame before its text, so it is announced.
    const text = offline
      ? notice(root, 'offline')
      : root.querySelector<HTMLElement>('[data-site-notice="offline"]');
    if (text) requestAnimationFrame(() => (text.hidden = !offline));
  };
  addEventListener('online', follow);
  addEventListener('offline', follow);
  follow();
}

/** The newer version, once it has installed and waits for the older one's pages to close. */
function installedWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  return new Promise((resolve) => {
    const check = () => {
      if (registration.waiting) resolve(registration.waiting);
      else registration.installing?.addEventListener('statechange', check);
    };
    registration.addEventListener('updatefound', check);
    check();
  });
}

/**
 * A form with something typed or chosen in it that has not been sent. The searches are not
 * counted: they send nothing, and their words come back from the address after a reload.
 */
function hasUnsentInput(): boolean {
  const forms = document.querySelectorAll('form:not([role="search"]):not([method="get"])');
  return [...forms].some((form) =>
    [...(form as HTMLFormElement).elements].some((field) => {
      if (
        field instanceof HTMLInputElement &&
        (field.type === 'radio' || field.type === 'checkbox')
      )
        return field.checked !== field.defaultChecked;
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)
        return field.value !== field.defaultValue;
      if (field instanceof HTMLSelectElement)
        return [...field.options].some((option) => option.selected !== option.defaultSelected);
      return false;
    }),
  );
}

/** Resolves once no form holds unsent input: looked at again after each submission. */
function untilNothingUnsent(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (hasUnsentInput()) return;
      removeEventListener('submit', later, true);
      resolve();
    };
    const later = () => setTimeout(check, 1000);
    addEventListener('submit', later, true);
    check();
  });
}

/** sessionStorage, where a browser refuses it: the notice then shows on each page. */
const UPDATE_TOLD = 'rf-update-told';
function toldBefore(): boolean {
  try {
    if (sessionStorage.getItem(UPDATE_TOLD)) return true;
    sessionStorage.setItem(UPDATE_TOLD, '1');
  } catch {
    // Storage refused: telling again is better than never telling.
  }
  return false;
}

/**
 * "A newer version is ready – Reload", once per visit, never while a form holds something
 * unsent. Nothing reloads until the person presses the button: then the waiting version
 * takes over and the page reloads into it, so pages and the saved index stay one version.
 */
async function offerUpdate(root: HTMLElement): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (!registration || !navigator.serviceWorker.controller) return;
  const waiting = await installedWorker(registration);
  await untilNothingUnsent();
  if (toldBefore()) return;
  const update = notice(root, 'update');
  if (!update) return;
  update.querySelector('[data-site-notice-reload]')?.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
      once: true,
    });
    waiting.postMessage(SKIP_WAITING_MESSAGE);
  });
  requestAnimationFrame(() => (update.hidden = false));
}
