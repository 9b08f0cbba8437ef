/// The umbrella module: `import Srok` gives an integrator the whole public API, the core
/// (calendars, profiles, the SLA engine, the message resolver) and the batch layer (readers,
/// writers, the bulk evaluator), without naming the layers.
@_exported import SrokBatch
@_exported import SrokCore
