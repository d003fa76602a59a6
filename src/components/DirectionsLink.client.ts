import { platformFromUserAgent } from '../domain/directions.ts';

// The server cannot know the phone, so Apple devices swap to Apple Maps here.
class Directions extends HTMLElement {
  connectedCallback() {
    const link = this.querySelector('a');
    if (link && this.dataset.apple && platformFromUserAgent(navigator.userAgent) === 'apple') {
      link.href = this.dataset.apple;
    }
  }
}
customElements.define('rf-directions', Directions);
