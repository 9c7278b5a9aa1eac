// Entry point: read the runtime configuration, then render the console into #app.
import { render } from 'preact';
import { App } from './app';
import { loadRuntimeConfig } from './runtime-config';

const root = document.getElementById('app');

loadRuntimeConfig().then(
  (config) => {
    if (!root) return;
    // Preact renders next to existing children: drop the static "Loading" placeholder first.
    root.replaceChildren();
    render(<App config={config} />, root);
  },
  (error: unknown) => {
    // Without configuration there is no API to talk to; say so in both languages, as plain text.
    if (!root) return;
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `The console could not load its configuration / O console não conseguiu carregar a configuração (${String(error)}).`;
    root.replaceChildren(message);
  },
);
