/** Vendor simulators: real HTTP servers on 127.0.0.1 with seeded users (tests, demo, bench). */
export { GITHUB_DEMO_ORG, GITHUB_DEMO_TOKEN, startGithubSimulator } from './github.simulator';
export { LEVER_DEMO_API_KEY, startLeverSimulator } from './lever.simulator';
export { LITMOS_DEMO_API_KEY, startLitmosSimulator } from './litmos.simulator';
export { PLANHAT_DEMO_TOKEN, startPlanhatSimulator } from './planhat.simulator';
export { SCIM_DEMO_TOKEN, startScimSimulator } from './scim.simulator';
export type { SimulatorHandle, SimulatorOptions, SimUserState } from './sim-common';
export { SimCounters, type SimCall } from './sim-counters';
export type { SimFaults } from './sim-faults';
export type { SimRateLimit } from './sim-rate-limit';
export { startAllSimulators, type RunningSimulators } from './start-all';
export { simulatorClient } from './simulator-client';
