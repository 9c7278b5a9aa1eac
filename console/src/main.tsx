// Entry point: read the runtime configuration, then render the console into #app, or the share
// page when the address is a single-access link (/share/{id}#{secret}).
import { render } from 'preact';
import { App } from './app';
import { loadRuntimeConfig } from './runtime-config';
import { shareIdFromPath, takeSecretFromAddress } from './share/share-address';
import { ShareApp } from './share/share-app';

const root = document.getElementById('app');

// Before anything else runs or loads: the link's secret leaves the address bar at once.
const shareId = shareIdFromPath(location.pathname);
const secret = shareId ? takeSecretFromAddress() : null;

loadRuntimeConfig().then(
  (config) => {
    if (!root) return;
    // Preact renders next to existing children: drop the static "Loading" placeholder first.
    root.replaceChildren();
    render(
      shareId ? <ShareApp config={config} shareId={shareId} secret={secret} /> : <App config={config} />,
      root,
    );
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
