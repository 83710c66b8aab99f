#!/usr/bin/env node
// Differential-test harness: render templates exactly the way the Instana integration CLI does.
//
// Mirrors tools/integration/src/handlers/import.ts in instana/observability-as-code
// (handleImport -> importIntegration): the same `default` helper, the same placeholder rewrite
// regex, Handlebars.compile with no options, and a context object filled the way parseParams
// fills it (plain assignment, `value || previous`).
//
// Usage: node render.js <path to the handlebars package>
// Protocol: one JSON object per stdin line, {"template": string, "values": {name: string}};
// one JSON object per stdout line, {"ok": true, "output": string} or {"ok": false, "error": string}.
'use strict';

const readline = require('readline');

// stdout carries the protocol: send anything Handlebars logs (the `log` helper, prototype-access
// warnings) to stderr.
for (const method of ['log', 'info', 'debug', 'warn']) {
    console[method] = (...args) => console.error(...args);
}
const Handlebars = require(process.argv[2] || 'handlebars');

Handlebars.registerHelper('default', function (value, defaultValue) {
    return typeof value !== 'undefined' ? value : defaultValue;
});

function contextOf(values) {
    const result = {};
    for (const [key, value] of Object.entries(values)) {
        result[key] = value || result[key];
    }
    return result;
}

function render(template, values) {
    const templateContent = template.replace(/{{\s*(\w+)\s*}}/g, (match, p1) => `{{default ${p1} "${match}"}}`);
    const compiled = Handlebars.compile(templateContent);
    return compiled(contextOf(values));
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
rl.on('line', (line) => {
    let reply;
    try {
        const request = JSON.parse(line);
        reply = { ok: true, output: render(request.template, request.values) };
    } catch (error) {
        reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    process.stdout.write(JSON.stringify(reply) + '\n');
});
