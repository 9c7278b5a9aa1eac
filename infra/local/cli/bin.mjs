#!/usr/bin/env node
// `npx apikeys ...`: the operator CLI. The CLI is TypeScript run through tsx, like every other
// operator command of this repository (npm run bootstrap, expiry-scan).
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
