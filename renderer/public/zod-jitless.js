// The CSP forbids eval. zod reads this setting when it loads, before any schema is built; set later
// (in the app's own code) it comes too late, and zod probes `new Function`, a CSP violation.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true })
