/**
 * `npm run test:processes`: crash safety across real processes: separate `medusa start` processes
 * (one MEDUSA_WORKER_MODE=server, workers MEDUSA_WORKER_MODE=worker) on their own database and
 * Redis prefixes; workers are killed mid-burst and every side effect is audited.
 */
// migrations, seed and four `medusa start` boots: about two to three minutes in all
module.exports = require("../process-level-jest")("processes", 300_000)
