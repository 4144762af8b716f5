// The bpmnlint plugin "alur": the engine's deploy-time rules, so what the designer accepts the
// engine runs. Only the rule names live here; rules/*.js are bundled by designer/build.mjs.
// eslint-disable-next-line no-undef -- bpmnlint resolves plugins with require()
module.exports = {
  configs: {
    recommended: {
      rules: {
        'engine-rules': 'error',
        'engine-warnings': 'warn',
      },
    },
  },
};
